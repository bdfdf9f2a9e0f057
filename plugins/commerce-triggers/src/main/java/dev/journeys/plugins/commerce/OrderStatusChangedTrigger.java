package dev.journeys.plugins.commerce;

import static dev.journeys.spi.AttributeType.MONEY;
import static dev.journeys.spi.AttributeType.STRING;

import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.TriggerPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code order.status_changed}: an order of the contact's moved from one status to another. The old
 * status is optional because many shop webhooks send only the new one.
 */
public final class OrderStatusChangedTrigger implements TriggerPlugin {

    public static final String KEY = "order.status_changed";

    private static final List<AttributeSpec> ATTRIBUTES = List.of(
            AttributeSpec.required("order_id", STRING),
            AttributeSpec.optional("old_status", STRING),
            AttributeSpec.required("new_status", STRING),
            AttributeSpec.optional("amount", MONEY),
            AttributeSpec.optional("currency", STRING));

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "Order status changed";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return ATTRIBUTES;
    }

    /** Its checks read only the attributes given: no thread hand-off or time limit needed. */
    @Override
    public boolean validateMayBlock() {
        return false;
    }

    @Override
    public List<String> validate(Map<String, Object> attributes) {
        List<String> problems = new ArrayList<>();
        AttributeChecks.notBlank(attributes, "order_id", problems);
        AttributeChecks.notBlank(attributes, "new_status", problems);
        AttributeChecks.differs(attributes, "old_status", "new_status", problems);
        // Same money rules as order.created, so an amount valid on one order event is valid on the other.
        AttributeChecks.notNegative(attributes, "amount", problems);
        AttributeChecks.currencyCode(attributes, "currency", problems);
        return List.copyOf(problems);
    }
}
