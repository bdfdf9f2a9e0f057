package dev.journeys.jdbc.contract;

import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.AttributeType;
import dev.journeys.spi.TriggerPlugin;
import java.util.List;
import java.util.Map;

/** Triggers the contract suite registers in code: one of every attribute type, and one that breaks. */
final class TestTriggers {

    static final String ORDER = "test.order";
    static final String FLAKY = "test.flaky";
    static final String SLOW = "test.slow";
    /** The contract SDK's limit on a plugin's validate. */
    static final java.time.Duration PLUGIN_TIMEOUT = java.time.Duration.ofSeconds(1);

    private TestTriggers() {
    }

    static final TriggerPlugin ORDER_TRIGGER = new TriggerPlugin() {
        public String key() {
            return ORDER;
        }

        public String displayName() {
            return "Test order";
        }

        public List<AttributeSpec> attributes() {
            return List.of(
                    AttributeSpec.required("status", AttributeType.STRING),
                    AttributeSpec.required("amount", AttributeType.MONEY),
                    AttributeSpec.optional("items", AttributeType.NUMBER),
                    AttributeSpec.optional("vip", AttributeType.BOOLEAN),
                    AttributeSpec.optional("placed_at", AttributeType.TIMESTAMP),
                    AttributeSpec.optional("campaign", AttributeType.STRING));
        }
    };

    /** Its validation throws when told to, standing for a plugin with a bug. */
    static final TriggerPlugin FLAKY_TRIGGER = new TriggerPlugin() {
        public String key() {
            return FLAKY;
        }

        public String displayName() {
            return "Flaky";
        }

        public List<AttributeSpec> attributes() {
            return List.of(AttributeSpec.required("explode", AttributeType.BOOLEAN));
        }

        public List<String> validate(Map<String, Object> attributes) {
            if (Boolean.TRUE.equals(attributes.get("explode"))) {
                throw new IllegalStateException("plugin bug");
            }
            return List.of();
        }
    };

    /** Its validation hangs when told to, standing for a plugin waiting on something that never answers. */
    static final TriggerPlugin SLOW_TRIGGER = new TriggerPlugin() {
        public String key() {
            return SLOW;
        }

        public String displayName() {
            return "Slow";
        }

        public List<AttributeSpec> attributes() {
            return List.of(AttributeSpec.required("stall", AttributeType.BOOLEAN));
        }

        public List<String> validate(Map<String, Object> attributes) {
            if (Boolean.TRUE.equals(attributes.get("stall"))) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return List.of();
        }
    };
}
