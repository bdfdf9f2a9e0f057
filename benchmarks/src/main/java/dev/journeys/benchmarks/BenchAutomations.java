package dev.journeys.benchmarks;

import dev.journeys.api.AutomationService;
import dev.journeys.api.AutomationSpec;
import dev.journeys.api.Condition;
import dev.journeys.api.Journey;
import dev.journeys.api.Outcome;
import dev.journeys.api.StageId;
import java.math.BigDecimal;

/**
 * The automations of the event bench. On the published trigger, two automations move contacts: status
 * {@code paid_a} to stage A, {@code paid_b} to stage B (each also wants an amount over 10). Every event matches
 * exactly one of them, and the publishers alternate the status so that each event is a real move. All the others
 * are built from eight templates that never match a bench event, each with its own operand so that no two are
 * alike; some fail on their first condition, some only on their second, as real rule sets do.
 */
final class BenchAutomations {

    /** Amount of every bench event: over the movers' 10, under every "greater than" template. */
    static final BigDecimal AMOUNT = new BigDecimal("250.00");
    static final String TO_A = "paid_a";
    static final String TO_B = "paid_b";
    static final int MOVERS = 2;

    private BenchAutomations() {
    }

    /** The two automations that move contacts between A and B. */
    static void createMovers(AutomationService automations, Journey journey, String trigger) {
        StageId a = journey.stages().get(0).id();
        StageId b = journey.stages().get(1).id();
        automations.create(AutomationSpec.named("paid_a moves to A").on(trigger)
                .when(Condition.equalTo("status", TO_A), Condition.greaterThan("amount", 10))
                .then(Outcome.moveTo(journey.id(), a)));
        automations.create(AutomationSpec.named("paid_b moves to B").on(trigger)
                .when(Condition.equalTo("status", TO_B), Condition.greaterThan("amount", 10))
                .then(Outcome.moveTo(journey.id(), b)));
    }

    /** Creates non-matching automations numbered {@code from} (inclusive) to {@code to} (exclusive). */
    static void createNonMatching(AutomationService automations, Journey journey, String trigger, int from, int to) {
        StageId target = journey.stages().get(0).id();
        for (int k = from; k < to; k++) {
            automations.create(AutomationSpec.named("no match " + k).on(trigger)
                    .when(nonMatching(k)).then(Outcome.moveTo(journey.id(), target)));
        }
    }

    /** Conditions that a bench event (status paid_a or paid_b, amount 250.00, n from 0 up) never satisfies. */
    static Condition[] nonMatching(int k) {
        return switch (k % 8) {
            case 0 -> new Condition[] {Condition.equalTo("status", "refunded-" + k)};
            case 1 -> new Condition[] {Condition.in("status", "cancelled-" + k, "void-" + k, "chargeback-" + k)};
            case 2 -> new Condition[] {Condition.greaterThan("amount", 1_000_000 + k)};
            // The status holds for half the events; the amount then fails.
            case 3 -> new Condition[] {Condition.equalTo("status", TO_A), Condition.greaterThan("amount", 5_000 + k)};
            case 4 -> new Condition[] {Condition.lessThan("n", -1 - k)};
            case 5 -> new Condition[] {Condition.contains("status", "fraud-" + k)};
            case 6 -> new Condition[] {Condition.lessThan("amount", k % 200)};
            default -> new Condition[] {Condition.equalTo("status", TO_B), Condition.equalTo("n", -1 - k)};
        };
    }
}
