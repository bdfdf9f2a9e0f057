package dev.journeys.samples.dashboard;

import static dev.journeys.spi.AttributeType.MONEY;
import static dev.journeys.spi.AttributeType.STRING;

import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.TriggerPlugin;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events of the referral program's own back end, as a small trigger plugin of the host's: the dashboard
 * app registers them in code with {@code Journeys.configure().trigger(...)}, and automations on them move
 * advocates through the journeys.
 */
public final class ReferralTriggers {

    /** An advocate sent a referral invite to a friend. */
    public static final String INVITE_SENT = "referral.invite_sent";
    /** A referred friend placed an order; the advocate is the event's contact. */
    public static final String ORDER_RECEIVED = "referral.order_received";
    /** The program paid an advocate's reward. */
    public static final String REWARD_PAID = "referral.reward_paid";
    /** An advocate did something for the brand: a review, a social share, a case study, ... */
    public static final String ADVOCATE_ACTIVITY = "advocate.activity";

    /** The kinds of {@link #ADVOCATE_ACTIVITY}, each driving one stage of the advocacy journey. */
    public static final List<String> ACTIVITY_KINDS = List.of("review", "social_share", "case_study", "ambassador");

    private ReferralTriggers() {
    }

    /** One instance of each trigger, to hand to {@code Journeys.configure().trigger(...)}. */
    public static List<TriggerPlugin> all() {
        return List.of(
                new Simple(INVITE_SENT, "Referral invite sent", List.of(
                        AttributeSpec.required("invite_id", STRING),
                        AttributeSpec.optional("channel", STRING))),
                new Simple(ORDER_RECEIVED, "Referred order received", List.of(
                        AttributeSpec.required("order_id", STRING),
                        AttributeSpec.required("amount", MONEY),
                        AttributeSpec.optional("currency", STRING))),
                new Simple(REWARD_PAID, "Referral reward paid", List.of(
                        AttributeSpec.required("reward_id", STRING),
                        AttributeSpec.required("amount", MONEY))),
                new AdvocateActivity());
    }

    /** A trigger whose declared attributes say all there is to check. */
    private record Simple(String key, String displayName, List<AttributeSpec> attributes) implements TriggerPlugin {
    }

    private static final class AdvocateActivity implements TriggerPlugin {
        private static final Set<String> KINDS = Set.copyOf(ACTIVITY_KINDS);

        @Override
        public String key() {
            return ADVOCATE_ACTIVITY;
        }

        @Override
        public String displayName() {
            return "Advocate activity";
        }

        @Override
        public List<AttributeSpec> attributes() {
            return List.of(AttributeSpec.required("kind", STRING), AttributeSpec.optional("url", STRING));
        }

        @Override
        public boolean validateMayBlock() {
            return false;
        }

        @Override
        public List<String> validate(Map<String, Object> attributes) {
            Object kind = attributes.get("kind");
            return KINDS.contains(kind) ? List.of() : List.of("kind must be one of " + ACTIVITY_KINDS + ", was " + kind + ".");
        }
    }
}
