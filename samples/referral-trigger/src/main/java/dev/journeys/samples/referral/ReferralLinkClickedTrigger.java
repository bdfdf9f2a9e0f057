package dev.journeys.samples.referral;

import static dev.journeys.spi.AttributeType.STRING;
import static dev.journeys.spi.AttributeType.TIMESTAMP;

import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.TriggerPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code referral.link_clicked}: someone followed an advocate's referral link. The event's contact is the
 * visitor, usually a new prospect; {@code advocate_key} names the contact who shared the link, so that an
 * automation can, say, place the visitor in the first stage of a referral journey:
 *
 * <pre>{@code
 * automations.create(AutomationSpec.named("Referred visitors enter the funnel")
 *         .on(ReferralLinkClickedTrigger.KEY)
 *         .when(Condition.contains("landing_page", "/pricing"))
 *         .then(new Outcome.MoveToStage(referrals.id(), visited.id(), true)));
 *
 * automations.publish(TriggerEvent.of("click-8812", ReferralLinkClickedTrigger.KEY, "visitor-31", now)
 *         .with("link_id", "lnk-77")
 *         .with("advocate_key", "ann@example.com")
 *         .with("landing_page", "https://shop.example.com/pricing"));
 * }</pre>
 */
public final class ReferralLinkClickedTrigger implements TriggerPlugin {

    public static final String KEY = "referral.link_clicked";

    // Declared once: the SDK checks presence and types against this list before it calls validate.
    private static final List<AttributeSpec> ATTRIBUTES = List.of(
            AttributeSpec.required("link_id", STRING),
            AttributeSpec.required("advocate_key", STRING),
            AttributeSpec.optional("landing_page", STRING),
            // Optional: the event's own occurredAt is usually the click; this is for clicks reported late.
            AttributeSpec.optional("clicked_at", TIMESTAMP));

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "Referral link clicked";
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

    /** Presence and types are already checked here; only what they cannot say is left to check. */
    @Override
    public List<String> validate(Map<String, Object> attributes) {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("link_id", "advocate_key")) {
            if (attributes.get(name) instanceof String text && text.isBlank()) {
                problems.add(name + " must not be blank.");
            }
        }
        return List.copyOf(problems);
    }
}
