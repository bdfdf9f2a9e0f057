package dev.journeys.samples.referralprogram;

import dev.journeys.api.Actor;
import dev.journeys.api.AutomationService;
import dev.journeys.api.AutomationSpec;
import dev.journeys.api.Condition;
import dev.journeys.api.EventResult;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Outcome;
import dev.journeys.api.PageRequest;
import dev.journeys.api.RunLogQuery;
import dev.journeys.api.StageId;
import dev.journeys.api.TriggerEvent;
import dev.journeys.jdbc.Journeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A referral program driven by automations: referral clicks, CRM deal stages and shop orders move referred
 * friends through a sequenced pipeline, and a paying customer is chained into an advocacy journey.
 *
 * <p>The three trigger plugins are runtime dependencies only; {@code .discoverPlugins()} finds them through
 * {@link java.util.ServiceLoader}, and this class names their triggers by key. Run it from the repository root:
 * <pre>{@code mvn -q -pl samples/referral-program -am package exec:java -DskipTests}</pre>
 */
public final class ReferralProgramApp {

    // Trigger keys, as the plugins declare them.
    static final String CLICK = "referral.link_clicked";
    static final String DEAL = "deal.stage_changed";
    static final String ORDER = "order.created";
    static final String ORDER_STATUS = "order.status_changed";
    static final String STAGE_CHANGED = "journey.stage_changed"; // built into the SDK

    private static final Instant MONDAY = Instant.parse("2025-06-02T09:00:00Z");
    private static final String LIAM = "liam.okafor@example.com";

    private ReferralProgramApp() {
    }

    public static void main(String[] args) {
        // discoverPlugins(): load the TriggerPlugins listed in META-INF/services on the class path.
        // maxChainDepth(3): at most three journey.stage_changed automations in a row after one event (default 5).
        try (JourneysSdk sdk = Journeys.configure().discoverPlugins().maxChainDepth(3).load()) {
            JourneyService journeys = sdk.defaultTenant();
            AutomationService automations = journeys.automations();
            Report report = new Report(journeys);
            report.title("Journeys SDK referral program: embedded H2 in memory, tenant \"" + journeys.tenant() + "\"");

            report.section("1. Trigger plugins on the class path (what .discoverPlugins() loads)");
            report.plugins();

            // 2. Journeys. The pipeline is sequenced: contacts enter at Referred and cannot skip a stage.
            Journey pipeline = journeys.createJourney(JourneySpec.named("Referral Pipeline")
                    .stages("Referred", "Link Clicked", "Demo Booked", "Trial", "Customer").requireSequence());
            Journey advocacy = journeys.createJourney(JourneySpec.named("Advocacy")
                    .stages("Invited to Refer", "First Share", "First Reward"));
            report.section("2. Journeys");
            report.journeys(pipeline, advocacy);

            // 3. Automations: a trigger, conditions that must all hold, and outcomes.
            StageId linkClicked = stage(pipeline, "Link Clicked");
            automations.create(AutomationSpec.named("Referral click").on(CLICK)
                    // Not in the pipeline yet (nobody invited them): enter at its first stage, Referred.
                    .then(new Outcome.MoveToStage(pipeline.id(), linkClicked, true)));
            automations.create(AutomationSpec.named("Demo booked in CRM").on(DEAL)
                    .when(Condition.equalTo("pipeline", "default"),
                            Condition.equalTo("new_stage", "appointmentscheduled"))
                    .then(Outcome.moveTo(pipeline.id(), stage(pipeline, "Demo Booked"))));
            automations.create(AutomationSpec.named("Trial started in CRM").on(DEAL)
                    .when(Condition.in("new_stage", "decisionmakerboughtin", "contractsent"))
                    .then(Outcome.moveTo(pipeline.id(), stage(pipeline, "Trial"))));
            automations.create(AutomationSpec.named("First paid order").on(ORDER)
                    .when(Condition.equalTo("status", "paid"), Condition.greaterThan("amount", "100.00"))
                    .then(Outcome.moveTo(pipeline.id(), stage(pipeline, "Customer"))));
            automations.create(AutomationSpec.named("Order paid later").on(ORDER_STATUS)
                    .when(Condition.equalTo("new_status", "paid"), Condition.greaterThan("amount", 100))
                    .then(Outcome.moveTo(pipeline.id(), stage(pipeline, "Customer"))));
            // A chain: reacts to the moves the automations above make.
            automations.create(AutomationSpec.named("Customers become advocates").on(STAGE_CHANGED)
                    .when(Condition.equalTo("journey", pipeline.name()), Condition.equalTo("to_stage", "Customer"))
                    .then(Outcome.moveTo(advocacy.id(), stage(advocacy, "Invited to Refer"))));
            report.section("3. Automations");
            report.automations(automations.list());

            // 4. The host's invite form places invited friends at the pipeline's first stage by hand.
            report.section("4. Friends invited through the invite form (manual moves)");
            for (String friend : List.of(LIAM, "maya.chen@example.com", "sofia.rossi@example.com",
                    "noah.berg@example.com", "lucas.silva@example.com", "ethan.kim@example.com",
                    "zoe.martin@example.com")) {
                journeys.move(MoveRequest.to(friend, pipeline.id(), pipeline.firstStage().id(),
                        Actor.person("invite-form"))).orThrow();
                report.invited(friend, pipeline);
            }

            // 5. The events, as the host's webhooks would publish them.
            report.section("5. Events as they arrive (times in UTC, week of 2 June 2025), and what each automation decided");
            for (TriggerEvent event : events()) {
                try {
                    EventResult result = automations.publish(event);
                    report.event(event, result);
                } catch (InvalidInputException e) {
                    report.refused(event, e);
                }
            }

            report.section("6. Contacts per stage");
            report.stageCounts(pipeline, advocacy);

            report.section("7. Why did (or didn't) " + LIAM + " move? His run log, oldest first");
            report.runLog(automations.runLog(RunLogQuery.all().contact(LIAM), PageRequest.first(100)).items());
            report.history(LIAM, pipeline);

            List<String> problems = automations.problems();
            report.closing(problems.isEmpty() ? "No automation problems. Closing the SDK; the in-memory database goes with it."
                    : "Automation problems: " + problems);
        }
    }

    /** About a week of webhooks from the referral links, the CRM (HubSpot deal stages) and the shop. */
    private static List<TriggerEvent> events() {
        TriggerEvent mayaPaid = order("shop-ord-5003-created", 3 * 24 * 60 + 15, "maya.chen@example.com",
                "5003", "129.00", "paid");
        return List.of(
                click("click-70311", 0, LIAM, "ann@example.com", "lnk-ann-01", "https://acme.example/pricing"),
                click("click-70312", 12, "maya.chen@example.com", "ann@example.com", "lnk-ann-01",
                        "https://acme.example/"),
                click("click-70318", 47, "sofia.rossi@example.com", "raj@example.com", "lnk-raj-04",
                        "https://acme.example/pricing"),
                click("click-70325", 95, "noah.berg@example.com", "raj@example.com", "lnk-raj-04",
                        "https://acme.example/features"),
                // Nobody invited Ava: she followed a link Raj shared on social media.
                click("click-70340", 160, "ava.patel@example.com", "raj@example.com", "lnk-raj-09",
                        "https://acme.example/blog/referrals"),
                click("click-70341", 174, "lucas.silva@example.com", "ann@example.com", "lnk-ann-01",
                        "https://acme.example/pricing"),
                click("click-70346", 230, "ethan.kim@example.com", "ann@example.com", "lnk-ann-02",
                        "https://acme.example/"),
                // The rep jumped Liam's deal straight to "contract sent": the pipeline refuses to skip Demo Booked.
                deal("hs-41877201", 26 * 60, LIAM, "9120301", null, "contractsent", "4800.00"),
                deal("hs-41877245", 26 * 60 + 30, "maya.chen@example.com", "9120302", "qualifiedtobuy",
                        "appointmentscheduled", "2400.00"),
                deal("hs-41877301", 26 * 60 + 41, "lucas.silva@example.com", "9120305", "qualifiedtobuy",
                        "appointmentscheduled", "1200.00"),
                deal("hs-41877390", 27 * 60 + 5, "ethan.kim@example.com", "9120306", "qualifiedtobuy",
                        "appointmentscheduled", "1500.00"),
                deal("hs-41877391", 27 * 60 + 20, "sofia.rossi@example.com", "9120303", "qualifiedtobuy",
                        "appointmentscheduled", "3600.00"),
                deal("hs-41877502", 27 * 60 + 45, LIAM, "9120301", "contractsent", "appointmentscheduled", "4800.00"),
                click("click-70390", 28 * 60, "noah.berg@example.com", "raj@example.com", "lnk-raj-04",
                        "https://acme.example/pricing"),
                click("click-70402", 28 * 60 + 10, "ava.patel@example.com", "raj@example.com", "lnk-raj-09",
                        "https://acme.example/pricing"),
                // A property-change webhook that changes nothing: deal.stage_changed's validate() refuses it.
                deal("hs-41877688", 29 * 60, "lucas.silva@example.com", "9120305", "appointmentscheduled",
                        "appointmentscheduled", "1200.00"),
                deal("hs-41878010", 2 * 24 * 60, "maya.chen@example.com", "9120302", "appointmentscheduled",
                        "decisionmakerboughtin", "2400.00"),
                deal("hs-41878022", 2 * 24 * 60 + 20, "lucas.silva@example.com", "9120305", "appointmentscheduled",
                        "closedlost", "1200.00"),
                deal("hs-41878107", 2 * 24 * 60 + 55, "ethan.kim@example.com", "9120306", "appointmentscheduled",
                        "contractsent", "1500.00"),
                deal("hs-41878230", 2 * 24 * 60 + 90, LIAM, "9120301", "appointmentscheduled", "contractsent",
                        "4800.00"),
                deal("hs-41878302", 2 * 24 * 60 + 130, "ava.patel@example.com", "9120307", "qualifiedtobuy",
                        "appointmentscheduled", "900.00"),
                deal("hs-41878377", 2 * 24 * 60 + 200, "noah.berg@example.com", "9120304", null,
                        "appointmentscheduled", "2100.00"),
                order("shop-ord-5001-created", 3 * 24 * 60, "ethan.kim@example.com", "5001", "129.00", "pending"),
                mayaPaid,
                // The shop's webhook retried a delivery it had already made: same event id, nothing applied again.
                mayaPaid,
                order("shop-ord-5004-created", 3 * 24 * 60 + 40, LIAM, "5004", "49.00", "paid"),
                order("shop-ord-5006-created", 4 * 24 * 60 + 10, LIAM, "5006", "249.00", "paid"),
                TriggerEvent.of("shop-ord-5003-status-2", ORDER_STATUS, "maya.chen@example.com", at(4 * 24 * 60 + 20))
                        .with("order_id", "5003").with("old_status", "paid").with("new_status", "fulfilled"),
                TriggerEvent.of("shop-ord-5001-status-2", ORDER_STATUS, "ethan.kim@example.com", at(4 * 24 * 60 + 30))
                        .with("order_id", "5001").with("old_status", "pending").with("new_status", "paid")
                        .with("amount", "129.00").with("currency", "USD"),
                order("shop-ord-5008-created", 4 * 24 * 60 + 80, "sofia.rossi@example.com", "5008", "349.00",
                        "pending"),
                deal("hs-41879015", 4 * 24 * 60 + 95, "sofia.rossi@example.com", "9120303", "appointmentscheduled",
                        "qualifiedtobuy", "3600.00"));
    }

    private static TriggerEvent click(String id, int minutes, String visitor, String advocate, String link,
                                      String landingPage) {
        return TriggerEvent.of(id, CLICK, visitor, at(minutes))
                .with("link_id", link).with("advocate_key", advocate).with("landing_page", landingPage);
    }

    private static TriggerEvent deal(String id, int minutes, String contact, String dealId, String oldStage,
                                     String newStage, String amount) {
        TriggerEvent event = TriggerEvent.of(id, DEAL, contact, at(minutes))
                .with("deal_id", dealId).with("pipeline", "default");
        if (oldStage != null) { // a property-change webhook often carries only the new value
            event = event.with("old_stage", oldStage);
        }
        return event.with("new_stage", newStage).with("amount", amount).with("currency", "USD")
                .with("source_system", "hubspot");
    }

    private static TriggerEvent order(String id, int minutes, String contact, String orderId, String amount,
                                      String status) {
        return TriggerEvent.of(id, ORDER, contact, at(minutes))
                .with("order_id", orderId).with("amount", amount).with("currency", "USD").with("status", status);
    }

    private static Instant at(int minutesAfterMondayNine) {
        return MONDAY.plus(Duration.ofMinutes(minutesAfterMondayNine));
    }

    private static StageId stage(Journey journey, String name) {
        return journey.stageNamed(name).orElseThrow().id();
    }
}
