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

@DisplayName("order.created")
class OrderCreatedTriggerTest {

    final OrderCreatedTrigger trigger = new OrderCreatedTrigger();

    /** A paid order with every attribute, as converted by the SDK before validate. */
    static Map<String, Object> paidOrder() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("order_id", "ord-1001");
        attributes.put("amount", new BigDecimal("149.90"));
        attributes.put("currency", "EUR");
        attributes.put("status", "paid");
        attributes.put("campaign", "spring-referrals");
        attributes.put("crm_deal_stage", "closedwon");
        attributes.put("external_status", "fulfilled");
        return attributes;
    }

    @Test
    void identifiesItself() {
        assertThat(trigger.key()).isEqualTo("order.created").isEqualTo(OrderCreatedTrigger.KEY);
        assertThat(trigger.displayName()).isEqualTo("Order created");
        assertThat(trigger.validateMayBlock()).as("validate reads only its attributes, so it is called inline")
                .isFalse();
    }

    @Test
    void declaresItsAttributes() {
        assertThat(trigger.attributes()).containsExactly(
                AttributeSpec.required("order_id", STRING),
                AttributeSpec.required("amount", MONEY),
                AttributeSpec.required("currency", STRING),
                AttributeSpec.required("status", STRING),
                AttributeSpec.optional("campaign", STRING),
                AttributeSpec.optional("crm_deal_stage", STRING),
                AttributeSpec.optional("external_status", STRING));
    }

    @Test
    void acceptsACompleteOrder() {
        assertThat(trigger.validate(paidOrder())).isEmpty();
    }

    @Test
    void acceptsAnOrderWithoutItsOptionalAttributes() {
        Map<String, Object> attributes = paidOrder();
        attributes.remove("campaign");
        attributes.remove("crm_deal_stage");
        attributes.remove("external_status");

        assertThat(trigger.validate(attributes)).isEmpty();
    }

    @Test
    void acceptsAFreeOrder() {
        Map<String, Object> attributes = paidOrder();
        attributes.put("amount", new BigDecimal("0.00"));

        assertThat(trigger.validate(attributes)).isEmpty();
    }

    @Test
    void refusesANegativeAmount() {
        Map<String, Object> attributes = paidOrder();
        attributes.put("amount", new BigDecimal("-0.01"));

        assertThat(trigger.validate(attributes)).containsExactly("amount must not be negative, but was -0.01.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "Eur", "EU", "EURO", "E1R", " EUR", "", "€"})
    void refusesACurrencyThatIsNotAnIsoCode(String currency) {
        Map<String, Object> attributes = paidOrder();
        attributes.put("currency", currency);

        assertThat(trigger.validate(attributes)).singleElement().asString()
                .startsWith("currency must be a three-letter upper-case ISO 4217 code")
                .endsWith("but was '" + currency + "'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"USD", "JPY", "CHF"})
    void acceptsIsoCurrencyCodes(String currency) {
        Map<String, Object> attributes = paidOrder();
        attributes.put("currency", currency);

        assertThat(trigger.validate(attributes)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"order_id", "status"})
    void refusesABlankIdentifierOrStatus(String attribute) {
        Map<String, Object> attributes = paidOrder();
        attributes.put(attribute, "  ");

        assertThat(trigger.validate(attributes)).containsExactly(attribute + " must not be blank.");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, Object> attributes = paidOrder();
        attributes.put("order_id", "");
        attributes.put("amount", new BigDecimal("-5"));
        attributes.put("currency", "usd");

        assertThat(trigger.validate(attributes)).hasSize(3)
                .anySatisfy(problem -> assertThat(problem).startsWith("order_id "))
                .anySatisfy(problem -> assertThat(problem).startsWith("amount "))
                .anySatisfy(problem -> assertThat(problem).startsWith("currency "));
    }

    @Test
    void leavesMissingAttributesToTheSdk() {
        // The SDK reports absent required attributes before it calls validate; saying it twice would confuse.
        assertThat(trigger.validate(Map.of())).isEmpty();
    }
}
