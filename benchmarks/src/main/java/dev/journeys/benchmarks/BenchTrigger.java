package dev.journeys.benchmarks;

import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.AttributeType;
import dev.journeys.spi.TriggerPlugin;
import java.util.List;

/**
 * The event bench's own triggers, registered in code with {@code .trigger(plugin)}: an order event with a status,
 * an amount and a number. {@link #ORDER} is the trigger events are published on; {@link #OTHER} has the same
 * attributes and only holds automations that the per-trigger index should leave out.
 */
record BenchTrigger(String key, String displayName) implements TriggerPlugin {

    static final BenchTrigger ORDER = new BenchTrigger("bench.order", "Bench order");
    static final BenchTrigger OTHER = new BenchTrigger("bench.other", "Bench other event");

    private static final List<AttributeSpec> ATTRIBUTES = List.of(
            AttributeSpec.required("status", AttributeType.STRING),
            AttributeSpec.required("amount", AttributeType.MONEY),
            AttributeSpec.required("n", AttributeType.NUMBER));

    @Override
    public List<AttributeSpec> attributes() {
        return ATTRIBUTES;
    }
}
