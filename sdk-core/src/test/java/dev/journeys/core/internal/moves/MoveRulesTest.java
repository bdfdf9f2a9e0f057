package dev.journeys.core.internal.moves;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.Actor;
import dev.journeys.api.ExpectedStage;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Rejection;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of the move rules on a small sales journey. The general statements are in
 * {@link MoveRulesPropertyTest}.
 */
@DisplayName("MoveRules, by example")
class MoveRulesTest {

    // Ids deliberately out of step with positions: the rules must follow positions, never ids.
    static final JourneyId SALES = new JourneyId(1);
    static final JourneyId SUPPORT = new JourneyId(2);
    static final StageId LEAD = new StageId(31);
    static final StageId DEMO = new StageId(12);
    static final StageId TRIAL = new StageId(7);
    static final StageId CUSTOMER = new StageId(40);
    /** Belongs to the support journey. */
    static final StageId TICKET = new StageId(99);
    /** Was a stage of the sales journey, since removed. */
    static final StageId REMOVED = new StageId(50);
    /** No journey has it. */
    static final StageId NOWHERE = new StageId(404);

    static final Actor ANN = Actor.person("ann");
    static final MoveSource PLUGIN = new MoveSource.SystemPlugin("crm-status", Actor.person("system"));

    static final MoveCase.Owners OWNERS = new MoveCase.Owners(Map.of(TICKET, SUPPORT, REMOVED, SALES));

    static Journey sales(boolean requiresSequence, boolean allowsBackward) {
        return journey(Journey.Kind.CUSTOM, requiresSequence, allowsBackward, false);
    }

    static Journey journey(Journey.Kind kind, boolean requiresSequence, boolean allowsBackward, boolean archived) {
        return new Journey(SALES, "Sales", kind, requiresSequence, allowsBackward, archived, List.of(
                new Stage(LEAD, "Lead", 0),
                new Stage(DEMO, "Demo", 1),
                new Stage(TRIAL, "Trial", 2),
                new Stage(CUSTOMER, "Customer", 3)), 1);
    }

    static final Journey SEQUENCED = sales(true, false);
    static final Journey SEQUENCED_BACKWARD = sales(true, true);
    static final Journey FREE = sales(false, false);

    static Move to(StageId stage) {
        return Move.to("contact-1", SALES, stage, ANN);
    }

    static Move exit() {
        return Move.exit("contact-1", SALES, ANN);
    }

    static Decision decide(Journey journey, StageId current, Move request) {
        return MoveRules.decide(journey, Optional.ofNullable(current), request, OWNERS);
    }

    static Decision accepted(StageId from, StageId to) {
        return new Decision.Accept(Optional.ofNullable(from), Optional.ofNullable(to));
    }

    static Decision refused(Rejection reason) {
        return new Decision.Refuse(reason);
    }

    static final Decision NO_OP = new Decision.NoOp();

    @Nested
    @DisplayName("a journey that requires its sequence")
    class Sequenced {

        @Test
        @DisplayName("is entered at its first stage")
        void enteredAtFirstStage() {
            assertThat(decide(SEQUENCED, null, to(LEAD))).isEqualTo(accepted(null, LEAD));
        }

        @Test
        @DisplayName("is not entered past its first stage")
        void notEnteredPastFirstStage() {
            assertThat(decide(SEQUENCED, null, to(DEMO)))
                    .isEqualTo(refused(Refusals.outOfSequence(SEQUENCED, Optional.empty(), DEMO)));
            assertThat(decide(SEQUENCED, null, to(CUSTOMER)))
                    .isEqualTo(refused(Refusals.outOfSequence(SEQUENCED, Optional.empty(), CUSTOMER)));
        }

        @Test
        @DisplayName("advances one stage at a time")
        void advancesOneStage() {
            assertThat(decide(SEQUENCED, LEAD, to(DEMO))).isEqualTo(accepted(LEAD, DEMO));
            assertThat(decide(SEQUENCED, DEMO, to(TRIAL))).isEqualTo(accepted(DEMO, TRIAL));
            assertThat(decide(SEQUENCED, TRIAL, to(CUSTOMER))).isEqualTo(accepted(TRIAL, CUSTOMER));
        }

        @Test
        @DisplayName("refuses a skip, naming where the contact is")
        void refusesSkips() {
            assertThat(decide(SEQUENCED, LEAD, to(TRIAL)))
                    .isEqualTo(refused(Refusals.outOfSequence(SEQUENCED, Optional.of(LEAD), TRIAL)));
            assertThat(decide(SEQUENCED_BACKWARD, LEAD, to(CUSTOMER)))
                    .as("allowing backward moves does not allow skipping forward")
                    .isEqualTo(refused(Refusals.outOfSequence(SEQUENCED, Optional.of(LEAD), CUSTOMER)));
        }

        @Test
        @DisplayName("refuses to go back unless it allows backward moves")
        void refusesBackward() {
            assertThat(decide(SEQUENCED, DEMO, to(LEAD)))
                    .isEqualTo(refused(Refusals.backward(SEQUENCED, DEMO, LEAD)));
            assertThat(decide(SEQUENCED, CUSTOMER, to(LEAD)))
                    .isEqualTo(refused(Refusals.backward(SEQUENCED, CUSTOMER, LEAD)));
        }

        @Test
        @DisplayName("that allows backward moves goes back to any earlier stage, not just the previous one")
        void goesBackAnyDistance() {
            assertThat(decide(SEQUENCED_BACKWARD, DEMO, to(LEAD))).isEqualTo(accepted(DEMO, LEAD));
            assertThat(decide(SEQUENCED_BACKWARD, CUSTOMER, to(LEAD))).isEqualTo(accepted(CUSTOMER, LEAD));
        }

        @Test
        @DisplayName("lets an import's undo step back to where the import found the contact, and nothing else does")
        void undoStepsBack() {
            Move undo = Move.to("contact-1", SALES, LEAD, new MoveSource.ImportUndo(7, Actor.person("ann")));
            assertThat(decide(SEQUENCED, TRIAL, undo)).isEqualTo(accepted(TRIAL, LEAD));
            assertThat(decide(SEQUENCED, TRIAL, to(LEAD)))
                    .isEqualTo(refused(Refusals.backward(SEQUENCED, TRIAL, LEAD)));
            assertThat(decide(journey(Journey.Kind.CUSTOM, true, false, true), TRIAL, undo))
                    .isEqualTo(refused(Refusals.archived(SEQUENCED)));
        }

        @Test
        @DisplayName("lets a contact leave from any stage")
        void exitFromAnyStage() {
            assertThat(decide(SEQUENCED, DEMO, exit())).isEqualTo(accepted(DEMO, null));
            assertThat(decide(SEQUENCED, CUSTOMER, exit())).isEqualTo(accepted(CUSTOMER, null));
        }

        @Test
        @DisplayName("follows the stages' positions after a reorder, not their ids or their original order")
        void followsPositions() {
            Journey reordered = new Journey(SALES, "Sales", Journey.Kind.CUSTOM, true, false, false, List.of(
                    new Stage(TRIAL, "Trial", 0),
                    new Stage(LEAD, "Lead", 1),
                    new Stage(DEMO, "Demo", 2)), 2);

            assertThat(decide(reordered, null, to(TRIAL))).isEqualTo(accepted(null, TRIAL));
            assertThat(decide(reordered, null, to(LEAD)))
                    .isEqualTo(refused(Refusals.outOfSequence(reordered, Optional.empty(), LEAD)));
            assertThat(decide(reordered, TRIAL, to(LEAD))).isEqualTo(accepted(TRIAL, LEAD));
            assertThat(decide(reordered, DEMO, to(TRIAL)))
                    .isEqualTo(refused(Refusals.backward(reordered, DEMO, TRIAL)));
        }

        @Test
        @DisplayName("of a single stage is entered and left, and nothing else")
        void singleStage() {
            Journey single = new Journey(SALES, "Onboarded", Journey.Kind.CUSTOM, true, false, false,
                    List.of(new Stage(LEAD, "Done", 0)), 1);

            assertThat(decide(single, null, to(LEAD))).isEqualTo(accepted(null, LEAD));
            assertThat(decide(single, LEAD, to(LEAD))).isEqualTo(NO_OP);
            assertThat(decide(single, LEAD, exit())).isEqualTo(accepted(LEAD, null));
        }

        @Test
        @DisplayName("treats a contact still in a removed stage as not placed: it may restart at the first stage only")
        void contactInRemovedStage() {
            assertThat(decide(SEQUENCED, REMOVED, to(LEAD))).isEqualTo(accepted(REMOVED, LEAD));
            assertThat(decide(SEQUENCED, REMOVED, to(DEMO)))
                    .isEqualTo(refused(Refusals.outOfSequence(SEQUENCED, Optional.of(REMOVED), DEMO)));
            assertThat(decide(SEQUENCED, REMOVED, exit())).isEqualTo(accepted(REMOVED, null));
        }
    }

    @Nested
    @DisplayName("a journey without a required sequence")
    class Free {

        @Test
        @DisplayName("is entered at any stage and moves to any other, forward or back")
        void anyStage() {
            assertThat(decide(FREE, null, to(CUSTOMER))).isEqualTo(accepted(null, CUSTOMER));
            assertThat(decide(FREE, LEAD, to(CUSTOMER))).isEqualTo(accepted(LEAD, CUSTOMER));
            assertThat(decide(FREE, CUSTOMER, to(LEAD))).isEqualTo(accepted(CUSTOMER, LEAD));
        }

        @Test
        @DisplayName("ignores allowsBackward, which only qualifies a sequence")
        void backwardFlagIrrelevant() {
            assertThat(decide(sales(false, true), CUSTOMER, to(DEMO))).isEqualTo(accepted(CUSTOMER, DEMO));
        }
    }

    @Nested
    @DisplayName("no-ops")
    class NoOps {

        @Test
        @DisplayName("a move to the current stage writes nothing")
        void moveToCurrentStage() {
            assertThat(decide(SEQUENCED, DEMO, to(DEMO))).isEqualTo(NO_OP);
            assertThat(decide(FREE, DEMO, to(DEMO))).isEqualTo(NO_OP);
        }

        @Test
        @DisplayName("an exit of a contact not in the journey writes nothing")
        void exitWhenNotInJourney() {
            assertThat(decide(SEQUENCED, null, exit())).isEqualTo(NO_OP);
        }

        @Test
        @DisplayName("a move to the current stage with a matching expectation is still a no-op")
        void noOpWithMatchingExpectation() {
            assertThat(decide(FREE, DEMO, to(DEMO).expecting(ExpectedStage.inStage(DEMO)))).isEqualTo(NO_OP);
        }
    }

    @Nested
    @DisplayName("expectations")
    class Expectations {

        @Test
        @DisplayName("a move expecting the contact's stage proceeds")
        void matchingStage() {
            assertThat(decide(SEQUENCED, LEAD, to(DEMO).expecting(ExpectedStage.inStage(LEAD))))
                    .isEqualTo(accepted(LEAD, DEMO));
        }

        @Test
        @DisplayName("a move expecting another stage is refused with the actual stage")
        void otherStage() {
            ExpectedStage expected = ExpectedStage.inStage(LEAD);
            assertThat(decide(SEQUENCED, DEMO, to(TRIAL).expecting(expected)))
                    .isEqualTo(refused(Refusals.unexpected(SEQUENCED, expected, Optional.of(DEMO))));
        }

        @Test
        @DisplayName("a move expecting a stage, of a contact not in the journey, is refused with an empty actual stage")
        void expectedStageButNotInJourney() {
            ExpectedStage expected = ExpectedStage.inStage(LEAD);
            assertThat(decide(SEQUENCED, null, to(LEAD).expecting(expected)))
                    .isEqualTo(refused(Refusals.unexpected(SEQUENCED, expected, Optional.empty())));
        }

        @Test
        @DisplayName("a move expecting the contact outside the journey is refused once it is in, even as a no-op")
        void expectedNotInJourneyButIn() {
            ExpectedStage expected = ExpectedStage.notInJourney();
            assertThat(decide(SEQUENCED, LEAD, to(LEAD).expecting(expected)))
                    .isEqualTo(refused(Refusals.unexpected(SEQUENCED, expected, Optional.of(LEAD))));
        }

        @Test
        @DisplayName("an exit expecting another stage is refused")
        void exitWithFailingExpectation() {
            ExpectedStage expected = ExpectedStage.inStage(TRIAL);
            assertThat(decide(FREE, DEMO, exit().expecting(expected)))
                    .isEqualTo(refused(Refusals.unexpected(SEQUENCED, expected, Optional.of(DEMO))));
        }

        @Test
        @DisplayName("an expectation is checked before the sequence: a stale caller learns where the contact is")
        void expectationBeforeSequence() {
            ExpectedStage expected = ExpectedStage.inStage(LEAD);
            assertThat(decide(SEQUENCED, TRIAL, to(DEMO).expecting(expected)))
                    .isEqualTo(refused(Refusals.unexpected(SEQUENCED, expected, Optional.of(TRIAL))));
        }
    }

    @Nested
    @DisplayName("targets outside the journey")
    class ForeignTargets {

        @Test
        @DisplayName("a stage of another journey is refused naming that journey")
        void stageOfAnotherJourney() {
            assertThat(decide(FREE, LEAD, to(TICKET)))
                    .isEqualTo(refused(Refusals.ofAnotherJourney(SEQUENCED, TICKET, SUPPORT)));
        }

        @Test
        @DisplayName("a stage removed from this journey is refused as unknown")
        void removedStage() {
            assertThat(decide(FREE, LEAD, to(REMOVED))).isEqualTo(refused(Refusals.unknownStage(SEQUENCED, REMOVED)));
        }

        @Test
        @DisplayName("a stage no journey has is refused as unknown")
        void unknownStage() {
            assertThat(decide(FREE, null, to(NOWHERE))).isEqualTo(refused(Refusals.unknownStage(SEQUENCED, NOWHERE)));
        }

        @Test
        @DisplayName("a bad target is reported before a failing expectation")
        void targetBeforeExpectation() {
            assertThat(decide(FREE, LEAD, to(NOWHERE).expecting(ExpectedStage.notInJourney())))
                    .isEqualTo(refused(Refusals.unknownStage(SEQUENCED, NOWHERE)));
        }
    }

    @Nested
    @DisplayName("archived journeys")
    class Archived {

        static final Journey ARCHIVED = journey(Journey.Kind.CUSTOM, false, false, true);

        @Test
        @DisplayName("refuse moves into and within them")
        void refuseMoves() {
            assertThat(decide(ARCHIVED, null, to(LEAD))).isEqualTo(refused(Refusals.archived(SEQUENCED)));
            assertThat(decide(ARCHIVED, LEAD, to(DEMO))).isEqualTo(refused(Refusals.archived(SEQUENCED)));
        }

        @Test
        @DisplayName("refuse exits too, and moves that would otherwise be no-ops")
        void refuseExitsAndNoOps() {
            assertThat(decide(ARCHIVED, LEAD, exit())).isEqualTo(refused(Refusals.archived(SEQUENCED)));
            assertThat(decide(ARCHIVED, null, exit())).isEqualTo(refused(Refusals.archived(SEQUENCED)));
            assertThat(decide(ARCHIVED, LEAD, to(LEAD))).isEqualTo(refused(Refusals.archived(SEQUENCED)));
        }

        @Test
        @DisplayName("are reported as archived before anything else, even for a system journey's plugin")
        void archivedComesFirst() {
            Journey archivedSystem = journey(Journey.Kind.SYSTEM, true, false, true);
            assertThat(decide(archivedSystem, null, to(NOWHERE)))
                    .isEqualTo(refused(Refusals.archived(SEQUENCED)));
            assertThat(MoveRules.decide(archivedSystem, Optional.empty(),
                    Move.to("contact-1", SALES, LEAD, PLUGIN), OWNERS))
                    .isEqualTo(refused(Refusals.archived(SEQUENCED)));
        }
    }

    @Nested
    @DisplayName("system journeys")
    class SystemJourneys {

        static final Journey SYSTEM = journey(Journey.Kind.SYSTEM, true, false, false);

        static Move byPlugin(StageId stage) {
            return Move.to("contact-1", SALES, stage, PLUGIN);
        }

        @Test
        @DisplayName("refuse a person, an automation and an import alike")
        void refuseEveryoneElse() {
            for (MoveSource source : List.of(ANN, new MoveSource.Automation(7, "evt-1"), new MoveSource.Import(3, 12))) {
                Move request = Move.to("contact-1", SALES, LEAD, source);
                assertThat(decide(SYSTEM, null, request)).as("source %s", source)
                        .isEqualTo(refused(Refusals.readOnly(SEQUENCED)));
            }
        }

        @Test
        @DisplayName("refuse others even for an exit or a would-be no-op")
        void refuseOthersEvenForNoOps() {
            assertThat(decide(SYSTEM, LEAD, to(LEAD))).isEqualTo(refused(Refusals.readOnly(SEQUENCED)));
            assertThat(decide(SYSTEM, null, exit())).isEqualTo(refused(Refusals.readOnly(SEQUENCED)));
        }

        @Test
        @DisplayName("let their plugin move contacts, by the journey's own rules")
        void pluginMoves() {
            assertThat(decide(SYSTEM, null, byPlugin(LEAD))).isEqualTo(accepted(null, LEAD));
            assertThat(decide(SYSTEM, LEAD, byPlugin(DEMO))).isEqualTo(accepted(LEAD, DEMO));
            assertThat(decide(SYSTEM, LEAD, byPlugin(TRIAL)))
                    .isEqualTo(refused(Refusals.outOfSequence(SEQUENCED, Optional.of(LEAD), TRIAL)));
            assertThat(decide(SYSTEM, DEMO, byPlugin(DEMO))).isEqualTo(NO_OP);
            assertThat(decide(SYSTEM, DEMO, Move.exit("contact-1", SALES, PLUGIN))).isEqualTo(accepted(DEMO, null));
        }

        @Test
        @DisplayName("are reported read-only before an unknown target")
        void readOnlyBeforeTarget() {
            assertThat(decide(SYSTEM, null, to(NOWHERE))).isEqualTo(refused(Refusals.readOnly(SEQUENCED)));
        }
    }

    @Test
    @DisplayName("a system plugin source is just another source in a custom journey")
    void pluginInCustomJourney() {
        assertThat(MoveRules.decide(SEQUENCED, Optional.empty(), Move.to("contact-1", SALES, DEMO, PLUGIN), OWNERS))
                .isEqualTo(refused(Refusals.outOfSequence(SEQUENCED, Optional.empty(), DEMO)));
    }
}
