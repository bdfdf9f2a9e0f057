package dev.journeys.core.internal.automation;

import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.AttributeType;
import dev.journeys.spi.TriggerPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A trigger plugin for tests: fixed attributes, and a validation that can be swapped and observed. */
final class TestTrigger implements TriggerPlugin {

    private final String key;
    private final List<AttributeSpec> attributes;
    private final Function<Map<String, Object>, List<String>> validation;
    final List<Map<String, Object>> validated = new ArrayList<>();

    TestTrigger(String key, List<AttributeSpec> attributes, Function<Map<String, Object>, List<String>> validation) {
        this.key = key;
        this.attributes = attributes;
        this.validation = validation;
    }

    /**
     * {@code order.created}: {@code order_id} (STRING) and {@code amount} (MONEY) required; {@code status}
     * (STRING), {@code items} (NUMBER), {@code paid} (BOOLEAN) and {@code placed_at} (TIMESTAMP) optional.
     */
    static TestTrigger orders() {
        return new TestTrigger("order.created", List.of(
                AttributeSpec.required("order_id", AttributeType.STRING),
                AttributeSpec.required("amount", AttributeType.MONEY),
                AttributeSpec.optional("status", AttributeType.STRING),
                AttributeSpec.optional("items", AttributeType.NUMBER),
                AttributeSpec.optional("paid", AttributeType.BOOLEAN),
                AttributeSpec.optional("placed_at", AttributeType.TIMESTAMP)), attributes -> List.of());
    }

    TestTrigger validating(Function<Map<String, Object>, List<String>> validation) {
        return new TestTrigger(key, attributes, validation);
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String displayName() {
        return "Test trigger " + key;
    }

    @Override
    public List<AttributeSpec> attributes() {
        return attributes;
    }

    @Override
    public List<String> validate(Map<String, Object> converted) {
        validated.add(converted);
        return validation.apply(converted);
    }
}
