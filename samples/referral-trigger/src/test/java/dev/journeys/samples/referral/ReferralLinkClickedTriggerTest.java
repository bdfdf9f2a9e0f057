package dev.journeys.samples.referral;

import static dev.journeys.spi.AttributeType.STRING;
import static dev.journeys.spi.AttributeType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.TriggerPlugin;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("referral.link_clicked")
class ReferralLinkClickedTriggerTest {

    final ReferralLinkClickedTrigger trigger = new ReferralLinkClickedTrigger();

    static Map<String, Object> click() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("link_id", "lnk-77");
        attributes.put("advocate_key", "ann@example.com");
        attributes.put("landing_page", "https://shop.example.com/pricing");
        attributes.put("clicked_at", Instant.parse("2024-04-02T10:15:00Z"));
        return attributes;
    }

    @Test
    void identifiesItself() {
        assertThat(trigger.key()).isEqualTo("referral.link_clicked").isEqualTo(ReferralLinkClickedTrigger.KEY);
        assertThat(trigger.displayName()).isEqualTo("Referral link clicked");
        assertThat(trigger.validateMayBlock()).as("validate reads only its attributes, so it is called inline")
                .isFalse();
    }

    @Test
    void declaresItsAttributes() {
        assertThat(trigger.attributes()).containsExactly(
                AttributeSpec.required("link_id", STRING),
                AttributeSpec.required("advocate_key", STRING),
                AttributeSpec.optional("landing_page", STRING),
                AttributeSpec.optional("clicked_at", TIMESTAMP));
    }

    @Test
    void acceptsAClick() {
        assertThat(trigger.validate(click())).isEmpty();
    }

    @Test
    void acceptsAClickWithoutItsOptionalAttributes() {
        assertThat(trigger.validate(Map.of("link_id", "lnk-77", "advocate_key", "ann@example.com"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"link_id", "advocate_key"})
    void refusesABlankLinkOrAdvocate(String attribute) {
        Map<String, Object> attributes = click();
        attributes.put(attribute, "");

        assertThat(trigger.validate(attributes)).containsExactly(attribute + " must not be blank.");
    }

    @Test
    void serviceLoaderFindsTheTriggerInItsOwnJar() {
        List<Class<?>> found = ServiceLoader.load(TriggerPlugin.class).stream()
                .<Class<?>>map(ServiceLoader.Provider::type)
                .toList();

        assertThat(found).containsExactly(ReferralLinkClickedTrigger.class);
    }
}
