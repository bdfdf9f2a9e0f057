package dev.journeys.plugins.commerce;

import static dev.journeys.spi.AttributeType.MONEY;
import static dev.journeys.spi.AttributeType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.spi.AttributeSpec;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("order.status_changed")
class OrderStatusChangedTriggerTest {

    final OrderStatusChangedTrigger trigger = new OrderStatusChangedTrigger();

    /** An order going from pending to paid, with every attribute. */
    static Map<String, Object> pendingToPaid() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("order_id", "ord-1001");
        attributes.put("old_status", "pending");
        attributes.put("new_status", "paid");
        attributes.put("amount", new BigDecimal("149.90"));
        attributes.put("currency", "EUR");
        return attributes;
    }

    @Test
    void identifiesItself() {
        assertThat(trigger.key()).isEqualTo("order.status_changed").isEqualTo(OrderStatusChangedTrigger.KEY);
        assertThat(trigger.displayName()).isEqualTo("Order status changed");
        assertThat(trigger.validateMayBlock()).as("validate reads only its attributes, so it is called inline")
                .isFalse();
    }

    @Test
    void declaresItsAttributes() {
        assertThat(trigger.attributes()).containsExactly(
                AttributeSpec.required("order_id", STRING),
                AttributeSpec.optional("old_status", STRING),
                AttributeSpec.required("new_status", STRING),
                AttributeSpec.optional("amount", MONEY),
                AttributeSpec.optional("currency", STRING));
    }

    @Test
    void acceptsARealChange() {
        assertThat(trigger.validate(pendingToPaid())).isEmpty();
    }

    @Test
    void acceptsAChangeWithOnlyTheNewStatus() {
        Map<String, Object> attributes = pendingToPaid();
        attributes.remove("old_status");
        attributes.remove("amount");
        attributes.remove("currency");

        assertThat(trigger.validate(attributes)).isEmpty();
    }

    @Test
    void refusesAChangeToTheSameStatus() {
        Map<String, Object> attributes = pendingToPaid();
        attributes.put("old_status", "paid");

        assertThat(trigger.validate(attributes))
                .containsExactly("new_status must differ from old_status, but both were 'paid'.");
    }

    @Test
    void treatsStatusesThatDifferOnlyInCaseAsDifferent() {
        // Statuses are the external system's identifiers; this plugin does not guess at their spelling.
        Map<String, Object> attributes = pendingToPaid();
        attributes.put("old_status", "PAID");

        assertThat(trigger.validate(attributes)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"order_id", "new_status"})
    void refusesABlankIdentifierOrNewStatus(String attribute) {
        Map<String, Object> attributes = pendingToPaid();
        attributes.put(attribute, "");

        assertThat(trigger.validate(attributes)).containsExactly(attribute + " must not be blank.");
    }

    @Test
    void refusesANegativeAmountWhenOneIsGiven() {
        Map<String, Object> attributes = pendingToPaid();
        attributes.put("amount", new BigDecimal("-20"));

        assertThat(trigger.validate(attributes)).containsExactly("amount must not be negative, but was -20.");
    }

    @Test
    void refusesACurrencyThatIsNotAnIsoCodeWhenOneIsGiven() {
        Map<String, Object> attributes = pendingToPaid();
        attributes.put("currency", "euro");

        assertThat(trigger.validate(attributes)).singleElement().asString().startsWith("currency must be");
    }
}
