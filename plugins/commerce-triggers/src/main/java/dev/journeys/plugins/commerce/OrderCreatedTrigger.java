package dev.journeys.plugins.commerce;

import static dev.journeys.spi.AttributeType.MONEY;
import static dev.journeys.spi.AttributeType.STRING;

import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.TriggerPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code order.created}: a contact placed an order. */
public final class OrderCreatedTrigger implements TriggerPlugin {

    public static final String KEY = "order.created";

    private static final List<AttributeSpec> ATTRIBUTES = List.of(
            AttributeSpec.required("order_id", STRING),
            AttributeSpec.required("amount", MONEY),
            // Its own attribute rather than part of amount, so that conditions can compare amounts exactly.
            AttributeSpec.required("currency", STRING),
            AttributeSpec.required("status", STRING),
            AttributeSpec.optional("campaign", STRING),
            AttributeSpec.optional("crm_deal_stage", STRING),
            AttributeSpec.optional("external_status", STRING));

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "Order created";
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
        AttributeChecks.notNegative(attributes, "amount", problems);
        AttributeChecks.currencyCode(attributes, "currency", problems);
        AttributeChecks.notBlank(attributes, "status", problems);
        return List.copyOf(problems);
    }
}
