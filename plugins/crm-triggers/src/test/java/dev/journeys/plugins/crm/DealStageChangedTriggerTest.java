package dev.journeys.plugins.crm;

import static dev.journeys.spi.AttributeType.BOOLEAN;
import static dev.journeys.spi.AttributeType.MONEY;
import static dev.journeys.spi.AttributeType.STRING;
import static dev.journeys.spi.AttributeType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.spi.AttributeSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("deal.stage_changed")
class DealStageChangedTriggerTest {

    final DealStageChangedTrigger trigger = new DealStageChangedTrigger();

    /** A HubSpot deal won, with every attribute, as converted by the SDK before validate. */
    static Map<String, Object> hubspotDealWon() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("deal_id", "15873201934");
        attributes.put("old_stage", "contractsent");
        attributes.put("new_stage", "closedwon");
        attributes.put("pipeline", "default");
        attributes.put("amount", new BigDecimal("12000.00"));
        attributes.put("currency", "USD");
        attributes.put("source_system", "hubspot");
        attributes.put("closed", Boolean.TRUE);
        attributes.put("close_date", Instant.parse("2024-05-31T00:00:00Z"));
        return attributes;
    }

    /** A Salesforce opportunity as an outbound message carries it: no old stage, no currency. */
    static Map<String, Object> salesforceOpportunity() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("deal_id", "0065g00000AbCdEAAV");
        attributes.put("new_stage", "Negotiation/Review");
        attributes.put("amount", new BigDecimal("4500"));
        attributes.put("source_system", "salesforce");
        attributes.put("closed", Boolean.FALSE);
        // An open deal's close date is its expected close, so a future one is fine.
        attributes.put("close_date", Instant.parse("2999-01-01T00:00:00Z"));
        return attributes;
    }

    @Test
    void identifiesItself() {
        assertThat(trigger.key()).isEqualTo("deal.stage_changed").isEqualTo(DealStageChangedTrigger.KEY);
        assertThat(trigger.displayName()).isEqualTo("Deal stage changed");
        assertThat(trigger.validateMayBlock()).as("validate reads only its attributes, so it is called inline")
                .isFalse();
    }

    @Test
    void declaresItsAttributes() {
        assertThat(trigger.attributes()).containsExactly(
                AttributeSpec.required("deal_id", STRING),
                AttributeSpec.optional("old_stage", STRING),
                AttributeSpec.required("new_stage", STRING),
                AttributeSpec.optional("pipeline", STRING),
                AttributeSpec.optional("amount", MONEY),
                AttributeSpec.optional("currency", STRING),
                AttributeSpec.optional("source_system", STRING),
                AttributeSpec.optional("closed", BOOLEAN),
                AttributeSpec.optional("close_date", TIMESTAMP));
    }

    @Test
    void acceptsAHubspotDeal() {
        assertThat(trigger.validate(hubspotDealWon())).isEmpty();
    }

    @Test
    void acceptsASalesforceOpportunity() {
        assertThat(trigger.validate(salesforceOpportunity())).isEmpty();
    }

    @Test
    void acceptsOnlyTheRequiredAttributes() {
        assertThat(trigger.validate(Map.of("deal_id", "42", "new_stage", "qualified"))).isEmpty();
    }

    @Test
    void acceptsADealWorthNothing() {
        Map<String, Object> attributes = hubspotDealWon();
        attributes.put("amount", BigDecimal.ZERO);

        assertThat(trigger.validate(attributes)).isEmpty();
    }

    @Test
    void refusesAChangeToTheSameStage() {
        Map<String, Object> attributes = hubspotDealWon();
        attributes.put("old_stage", "closedwon");

        assertThat(trigger.validate(attributes))
                .containsExactly("new_stage must differ from old_stage, but both were 'closedwon'.");
    }

    @Test
    void refusesANegativeAmount() {
        Map<String, Object> attributes = salesforceOpportunity();
        attributes.put("amount", new BigDecimal("-4500"));

        assertThat(trigger.validate(attributes)).containsExactly("amount must not be negative, but was -4500.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"usd", "US", "US$"})
    void refusesACurrencyThatIsNotAnIsoCode(String currency) {
        Map<String, Object> attributes = hubspotDealWon();
        attributes.put("currency", currency);

        assertThat(trigger.validate(attributes)).singleElement().asString()
                .isEqualTo("currency must be a three-letter upper-case ISO 4217 code such as EUR, but was '"
                        + currency + "'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deal_id", "new_stage"})
    void refusesABlankIdentifierOrNewStage(String attribute) {
        Map<String, Object> attributes = salesforceOpportunity();
        attributes.put(attribute, " ");

        assertThat(trigger.validate(attributes)).containsExactly(attribute + " must not be blank.");
    }

    @Test
    void acceptsAnySourceSystem() {
        Map<String, Object> attributes = hubspotDealWon();
        attributes.put("source_system", "pipedrive");

        assertThat(trigger.validate(attributes)).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, Object> attributes = hubspotDealWon();
        attributes.put("old_stage", "closedwon");
        attributes.put("amount", new BigDecimal("-1"));

        assertThat(trigger.validate(attributes)).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).startsWith("new_stage "))
                .anySatisfy(problem -> assertThat(problem).startsWith("amount "));
    }
}
