package dev.journeys.benchmarks;

import dev.journeys.api.AutomationService;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.TriggerEvent;
import dev.journeys.jdbc.Journeys;
import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.AttributeType;
import dev.journeys.spi.TriggerPlugin;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the time limit on a plugin's own {@code validate} costs an event: two triggers alike but for
 * {@link TriggerPlugin#validateMayBlock}, events published on one thread with no automation (so each is the
 * check, the plugin's validate and the event's run-log key), ABBA. H2 in memory; {@code bench.duration} seconds
 * per side in two halves, after {@code bench.warmup} seconds of each side in two turns.
 */
public final class PluginHandOffBench {

    /** A trigger whose validate does a little work, and says whether it may block. */
    record Validating(String key, boolean mayBlock) implements TriggerPlugin {
        @Override
        public String displayName() {
            return key;
        }

        @Override
        public List<AttributeSpec> attributes() {
            return List.of(AttributeSpec.required("status", AttributeType.STRING),
                    AttributeSpec.required("amount", AttributeType.MONEY));
        }

        @Override
        public List<String> validate(Map<String, Object> attributes) {
            return ((BigDecimal) attributes.get("amount")).signum() < 0 ? List.of("amount is negative.") : List.of();
        }

        @Override
        public boolean validateMayBlock() {
            return mayBlock;
        }
    }

    private static final AtomicLong IDS = new AtomicLong();

    private PluginHandOffBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        Locale.setDefault(Locale.ROOT);
        double seconds = Double.parseDouble(System.getProperty("bench.duration", "10"));
        double warmup = Double.parseDouble(System.getProperty("bench.warmup", "5"));
        Validating inline = new Validating("bench.inline", false);
        Validating handedOff = new Validating("bench.handed_off", true);
        try (JourneysSdk sdk = Journeys.configure().trigger(inline).trigger(handedOff).load()) {
            AutomationService automations = sdk.defaultTenant().automations();
            List<Mover> a = List.of(publisher(automations, inline));
            List<Mover> b = List.of(publisher(automations, handedOff));
            for (List<Mover> side : List.of(a, b, a, b)) {
                Harness.run(side, warmup / 2);
            }
            Harness.Run a1 = Harness.run(a, seconds / 2);
            Harness.Run b1 = Harness.run(b, seconds / 2);
            Harness.Run b2 = Harness.run(b, seconds / 2);
            Harness.Run a2 = Harness.run(a, seconds / 2);
            System.out.printf("Plugin validate, one publishing thread, H2 in memory, no automation, %.0f s per side (ABBA)%n",
                    seconds);
            System.out.printf("%-32s %12s %14s %14s %7s%n", "", "events/s", "us per event", "CPU us/event", "failed");
            print("validateMayBlock() false: inline", a1.plus(a2));
            print("validateMayBlock() true: pool", b1.plus(b2));
        }
    }

    /** A step publishes one event with a new id; it counts if the event was applied, not taken for a duplicate. */
    private static Mover publisher(AutomationService automations, Validating trigger) {
        Map<String, Object> attributes = Map.of("status", "paid", "amount", "12.50");
        return () -> !automations.publish(new TriggerEvent("e-" + IDS.incrementAndGet(), trigger.key(), "contact-1",
                Instant.now(), attributes)).duplicate();
    }

    private static void print(String label, Harness.Run run) {
        System.out.printf("%-32s %,12.0f %14.1f %14.1f %7d%n", label, run.perSecond(), run.nanos() / 1e3 / run.moves(),
                run.threadCpuNanos() / 1e3 / run.moves(), run.failures());
    }
}
