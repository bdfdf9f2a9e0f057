package dev.journeys.samples.quickstart;

import dev.journeys.api.Actor;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.MoveOutcome;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Registration;
import dev.journeys.jdbc.Journeys;

/**
 * The smallest host app: starts the SDK on embedded H2 in memory, defines three journeys, moves a few
 * contacts by hand and reads back counts, history and time in stage.
 *
 * <p>Run it from the repository root:
 * <pre>{@code mvn -q -pl samples/quickstart -am package exec:java -DskipTests}</pre>
 */
public final class QuickstartApp {

    private static final Actor ANN = Actor.person("ann");
    private static final Actor BOB = Actor.person("bob");

    private QuickstartApp() {
    }

    public static void main(String[] args) {
        // One line starts the SDK on a private in-memory H2 database; closing it releases everything.
        try (JourneysSdk sdk = Journeys.configure().load()) {
            JourneyService journeys = sdk.defaultTenant();
            Report report = new Report(journeys);
            report.title("Journeys SDK quickstart: embedded H2 in memory, tenant \"" + journeys.tenant() + "\"");

            // 1. Define the journeys. Sequenced journeys are entered at the first stage, one step at a time.
            Journey sales = journeys.createJourney(JourneySpec.named("Sales Pipeline")
                    .stages("Lead", "Demo Complete", "Trial", "Conversion", "Closed/Lost")
                    .requireSequence());
            Journey advocacy = journeys.createJourney(JourneySpec.named("Customer Advocacy")
                    .stages("Case Study Submitted", "Testimonial Complete", "Reward Triggered"));
            Journey referrals = journeys.createJourney(JourneySpec.named("Referral Program")
                    .stages("Enrolled", "First Referral Sent", "First Order Received")
                    .requireSequence());
            report.section("1. Journeys defined");
            report.journeys(sales, advocacy, referrals);

            // 2. Listen: called after every committed move, never for refusals or no-ops.
            report.section("2. Moves (\"moved\" lines are printed by the stage-change listener)");
            try (Registration listener = journeys.onStageChange(report::printChange)) {

                move(journeys, report, "ada@example.com", sales, "Lead", ANN);
                move(journeys, report, "ada@example.com", sales, "Demo Complete", ANN);
                move(journeys, report, "ada@example.com", sales, "Trial", ANN);
                move(journeys, report, "grace@example.com", sales, "Lead", BOB);
                move(journeys, report, "grace@example.com", sales, "Demo Complete", BOB);
                move(journeys, report, "linus@example.com", sales, "Lead", BOB);

                // Refused: Linus is in Lead, and a sequenced journey cannot skip Demo Complete.
                move(journeys, report, "linus@example.com", sales, "Trial", BOB);
                // No-op: Grace already is in Demo Complete, so nothing is written and no event fires.
                move(journeys, report, "grace@example.com", sales, "Demo Complete", ANN);

                // Not sequenced: a contact may enter any stage directly.
                move(journeys, report, "ada@example.com", advocacy, "Testimonial Complete", ANN);
                move(journeys, report, "grace@example.com", advocacy, "Case Study Submitted", ANN);

                move(journeys, report, "ada@example.com", referrals, "Enrolled", ANN);
                move(journeys, report, "ada@example.com", referrals, "First Referral Sent", ANN);
                move(journeys, report, "margaret@example.com", referrals, "Enrolled", BOB);
            }

            // 3. Read back what the moves left behind.
            report.section("3. Contacts per stage");
            report.stageCounts(sales, advocacy, referrals);

            report.section("4. ada@example.com in " + sales.name());
            report.history("ada@example.com", sales);
            report.stageTimes("ada@example.com", sales);
            report.closing("Done. Closing the SDK; the in-memory database goes with it.");
        }
    }

    /** Asks to move a contact to a stage, named for readability, and reports refusals and no-ops. */
    private static void move(JourneyService journeys, Report report, String contact, Journey journey,
                             String stageName, Actor source) {
        MoveRequest request = MoveRequest.to(contact, journey.id(),
                journey.stageNamed(stageName).orElseThrow().id(), source);
        MoveOutcome outcome = journeys.move(request);
        if (outcome instanceof MoveOutcome.Rejected rejected) {
            report.printRejected(request, rejected.reason());
        } else if (outcome instanceof MoveOutcome.Unchanged unchanged) {
            report.printUnchanged(request, unchanged.current());
        }
        // MoveOutcome.Moved: the listener has already printed it.
    }
}
