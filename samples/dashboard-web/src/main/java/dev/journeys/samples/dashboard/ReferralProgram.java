package dev.journeys.samples.dashboard;

import dev.journeys.api.AutomationService;
import dev.journeys.api.AutomationSpec;
import dev.journeys.api.Condition;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.Outcome;
import dev.journeys.api.StageId;
import java.util.List;
import java.util.OptionalInt;

/**
 * The referral program the dashboard shows: a sequenced referral journey, a non-sequenced advocacy journey,
 * expected days on the stages where a contact can get stuck, and the automations that move advocates on the
 * events of {@link ReferralTriggers}.
 *
 * @param referral {@value #REFERRAL}: {@code Enrolled → First Referral Sent → First Order Received → Reward Paid}
 * @param advocacy {@value #ADVOCACY}: what rewarded advocates do next, in any order
 */
public record ReferralProgram(Journey referral, Journey advocacy) {

    public static final String REFERRAL = "Referral Program";
    public static final String ADVOCACY = "Advocacy";

    public static final String ENROLLED = "Enrolled";
    public static final String FIRST_REFERRAL_SENT = "First Referral Sent";
    public static final String FIRST_ORDER_RECEIVED = "First Order Received";
    public static final String REWARD_PAID = "Reward Paid";

    public static final String REVIEW_REQUESTED = "Review Requested";
    public static final String REVIEW_POSTED = "Review Posted";
    public static final String SHARED_ON_SOCIAL = "Shared on Social";
    public static final String CASE_STUDY = "Case Study";
    public static final String AMBASSADOR = "Ambassador";

    /** The advocacy stage each {@link ReferralTriggers#ADVOCATE_ACTIVITY} kind leads to, in kind order. */
    public static final List<String> ACTIVITY_STAGES = List.of(REVIEW_POSTED, SHARED_ON_SOCIAL, CASE_STUDY, AMBASSADOR);

    /** Defines both journeys, their expected days and their automations in the tenant. */
    public static ReferralProgram define(JourneyService journeys) {
        Journey referral = journeys.createJourney(JourneySpec.named(REFERRAL)
                .stages(ENROLLED, FIRST_REFERRAL_SENT, FIRST_ORDER_RECEIVED, REWARD_PAID).requireSequence());
        Journey advocacy = journeys.createJourney(JourneySpec.named(ADVOCACY)
                .stages(REVIEW_REQUESTED, REVIEW_POSTED, SHARED_ON_SOCIAL, CASE_STUDY, AMBASSADOR));

        // Longer than this in a stage counts as stalled on the dashboard.
        referral = expect(journeys, referral, ENROLLED, 14);
        referral = expect(journeys, referral, FIRST_REFERRAL_SENT, 21);
        referral = expect(journeys, referral, FIRST_ORDER_RECEIVED, 7);
        advocacy = expect(journeys, advocacy, REVIEW_REQUESTED, 14);
        advocacy = expect(journeys, advocacy, CASE_STUDY, 30);

        ReferralProgram program = new ReferralProgram(referral, advocacy);
        AutomationService automations = journeys.automations();
        automations.create(AutomationSpec.named("Invite sent: first referral").on(ReferralTriggers.INVITE_SENT)
                .then(Outcome.moveTo(referral.id(), program.referralStage(FIRST_REFERRAL_SENT))));
        automations.create(AutomationSpec.named("Referred order: first order").on(ReferralTriggers.ORDER_RECEIVED)
                .when(Condition.greaterThan("amount", 0))
                .then(Outcome.moveTo(referral.id(), program.referralStage(FIRST_ORDER_RECEIVED))));
        automations.create(AutomationSpec.named("Reward paid").on(ReferralTriggers.REWARD_PAID)
                .then(Outcome.moveTo(referral.id(), program.referralStage(REWARD_PAID))));
        // A chain: the SDK fires journey.stage_changed after every move, this one included.
        automations.create(AutomationSpec.named("Rewarded advocates get a review request").on("journey.stage_changed")
                .when(Condition.equalTo("journey", REFERRAL), Condition.equalTo("to_stage", REWARD_PAID))
                .then(Outcome.moveTo(advocacy.id(), program.advocacyStage(REVIEW_REQUESTED))));
        for (int i = 0; i < ReferralTriggers.ACTIVITY_KINDS.size(); i++) {
            String kind = ReferralTriggers.ACTIVITY_KINDS.get(i);
            String stage = ACTIVITY_STAGES.get(i);
            automations.create(AutomationSpec.named("Advocate activity: " + stage).on(ReferralTriggers.ADVOCATE_ACTIVITY)
                    .when(Condition.equalTo("kind", kind))
                    .then(Outcome.moveTo(advocacy.id(), program.advocacyStage(stage))));
        }
        return program;
    }

    public StageId referralStage(String name) {
        return referral.stageNamed(name).orElseThrow().id();
    }

    public StageId advocacyStage(String name) {
        return advocacy.stageNamed(name).orElseThrow().id();
    }

    private static Journey expect(JourneyService journeys, Journey journey, String stage, int days) {
        return journeys.setExpectedDays(journey.id(), journey.stageNamed(stage).orElseThrow().id(), OptionalInt.of(days));
    }
}
