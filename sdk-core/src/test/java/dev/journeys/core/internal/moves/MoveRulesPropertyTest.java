package dev.journeys.core.internal.moves;

import static dev.journeys.core.internal.moves.MoveCase.moves;
import static dev.journeys.core.testing.Property.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Rejection;
import dev.journeys.api.StageId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of a move, stated as properties over randomly generated journeys, placements and
 * requests (see {@link MoveCase#moves()}). Worked examples live in {@link MoveRulesTest}.
 */
@DisplayName("MoveRules, for every journey, placement and request")
class MoveRulesPropertyTest {

    @Nested
    @DisplayName("guards, checked first")
    class Guards {

        @Test
        @DisplayName("an archived journey refuses every move, even an exit or a no-op, as archived")
        void archivedJourneyRefusesEverything() {
            forAll(moves())
                    .when(move -> move.journey().archived())
                    .check(move -> assertThat(move.decide())
                            .isEqualTo(refused(Refusals.archived(move.journey()))));
        }

        @Test
        @DisplayName("an active system journey refuses every source but a system plugin as read-only")
        void systemJourneyRefusesEveryoneButItsPlugin() {
            forAll(moves())
                    .when(move -> move.isActive() && move.journey().kind() == Journey.Kind.SYSTEM)
                    .when(move -> !(move.request().source() instanceof MoveSource.SystemPlugin))
                    .check(move -> assertThat(move.decide())
                            .isEqualTo(refused(Refusals.readOnly(move.journey()))));
        }

        @Test
        @DisplayName("a system plugin moves contacts of a system journey by the same rules as a custom one")
        void systemPluginFollowsTheUsualRules() {
            forAll(moves())
                    .when(move -> move.journey().kind() == Journey.Kind.SYSTEM)
                    .when(move -> move.request().source() instanceof MoveSource.SystemPlugin)
                    .check(move -> assertThat(move.decide())
                            .isEqualTo(move.withKind(Journey.Kind.CUSTOM).decide()));
        }

        @Test
        @DisplayName("in a custom journey, who moves the contact makes no difference")
        void customJourneyIgnoresTheSource() {
            forAll(moves())
                    .when(move -> move.journey().kind() == Journey.Kind.CUSTOM)
                    .check(move -> {
                        Decision decision = move.decide();
                        for (MoveSource source : MoveCase.SOURCES) {
                            assertThat(move.withSource(source).decide()).as("decision for %s", source)
                                    .isEqualTo(decision);
                        }
                    });
        }

        @Test
        @DisplayName("a target outside the journey is refused, naming the journey that owns it if another does")
        void targetOutsideTheJourneyIsRefused() {
            forAll(moves())
                    .when(move -> move.isActive() && move.sourceMayMove() && move.targetIsOutsideJourney())
                    .check(move -> {
                        StageId target = move.request().target().orElseThrow();
                        Optional<JourneyId> owner = Optional.ofNullable(move.owners().owners().get(target))
                                .filter(journey -> !journey.equals(move.journey().id()));
                        Rejection expected = owner.map(o -> Refusals.ofAnotherJourney(move.journey(), target, o))
                                .orElse(Refusals.unknownStage(move.journey(), target));
                        assertThat(move.decide()).isEqualTo(refused(expected));
                    });
        }

        @Test
        @DisplayName("an expectation that does not hold is refused, carrying the expectation and the actual stage")
        void failingExpectationIsRefusedWithTheActualStage() {
            forAll(moves())
                    .when(move -> move.isActive() && move.sourceMayMove() && move.targetIsValid())
                    .when(move -> !move.expectationHolds())
                    .check(move -> assertThat(move.decide()).isEqualTo(
                            refused(Refusals.unexpected(move.journey(), move.request().expected(), move.current()))));
        }
    }

    @Nested
    @DisplayName("once the guards pass")
    class AfterTheGuards {

        @Test
        @DisplayName("a move to where the contact already is, is a no-op")
        void moveToTheCurrentPlaceIsNoOp() {
            forAll(MoveCase.activeMoves())
                    .when(MoveCase::passesTheGuards)
                    .when(move -> move.request().target().equals(move.current()))
                    .check(move -> assertThat(move.decide()).isEqualTo(new Decision.NoOp()));
        }

        @Test
        @DisplayName("an exit of a contact not in the journey is a no-op")
        void exitOfAContactNotInTheJourneyIsNoOp() {
            forAll(MoveCase.activeMoves())
                    .when(move -> move.passesTheGuards() && move.isExit() && move.current().isEmpty())
                    .check(move -> assertThat(move.decide()).isEqualTo(new Decision.NoOp()));
        }

        @Test
        @DisplayName("an exit of a contact in the journey is accepted from any stage, sequence or not")
        void exitOfAContactInTheJourneyIsAccepted() {
            forAll(MoveCase.activeMoves())
                    .when(move -> move.passesTheGuards() && move.isExit() && move.current().isPresent())
                    .check(move -> assertThat(move.decide())
                            .isEqualTo(new Decision.Accept(move.current(), Optional.empty())));
        }

        @Test
        @DisplayName("a journey without a required sequence accepts any other of its stages")
        void unsequencedJourneyAcceptsAnyOtherStage() {
            forAll(MoveCase.activeMoves())
                    .when(move -> move.passesTheGuards() && !move.journey().requiresSequence())
                    .when(move -> move.targetStage().isPresent() && !move.request().target().equals(move.current()))
                    .check(move -> assertThat(move.decide())
                            .isEqualTo(new Decision.Accept(move.current(), move.request().target())));
        }

        @Test
        @DisplayName("every accepted move goes from where the contact is to where the request points")
        void acceptedMoveGoesFromCurrentToTarget() {
            forAll(moves())
                    .when(move -> move.decide() instanceof Decision.Accept)
                    .check(move -> assertThat(move.decide())
                            .isEqualTo(new Decision.Accept(move.current(), move.request().target())));
        }
    }

    @Nested
    @DisplayName("in a journey that requires its sequence")
    class Sequence {

        @Test
        @DisplayName("a contact enters at the first stage, and at no other")
        void entryOnlyAtTheFirstStage() {
            forAll(MoveCase.sequencedMoves())
                    .when(move -> move.passesTheGuards() && move.journey().requiresSequence())
                    .when(move -> move.current().isEmpty() && move.targetStage().isPresent())
                    .check(move -> {
                        StageId target = move.request().target().orElseThrow();
                        assertThat(move.decide()).isEqualTo(move.targetPosition() == 0
                                ? new Decision.Accept(Optional.empty(), Optional.of(target))
                                : refused(Refusals.outOfSequence(move.journey(), Optional.empty(), target)));
                    });
        }

        @Test
        @DisplayName("a contact advances to the next stage, and never skips one")
        void forwardOnlyToTheNextStage() {
            forAll(MoveCase.sequencedMoves())
                    .when(move -> move.passesTheGuards() && move.journey().requiresSequence())
                    .when(move -> move.current().isPresent() && move.targetStage().isPresent())
                    .when(move -> move.targetPosition() > move.currentPosition())
                    .check(move -> {
                        StageId target = move.request().target().orElseThrow();
                        assertThat(move.decide()).isEqualTo(move.targetPosition() == move.currentPosition() + 1
                                ? new Decision.Accept(move.current(), Optional.of(target))
                                : refused(Refusals.outOfSequence(move.journey(), move.current(), target)));
                    });
        }

        @Test
        @DisplayName("a contact goes back to any earlier stage only if the journey allows backward moves")
        void backwardOnlyWhenAllowed() {
            forAll(MoveCase.sequencedMoves())
                    .when(move -> move.passesTheGuards() && move.journey().requiresSequence())
                    .when(move -> move.current().isPresent() && move.targetStage().isPresent())
                    .when(move -> move.targetPosition() < move.currentPosition())
                    .check(move -> {
                        StageId from = move.current().orElseThrow();
                        StageId target = move.request().target().orElseThrow();
                        assertThat(move.decide()).isEqualTo(move.journey().allowsBackward()
                                ? new Decision.Accept(move.current(), Optional.of(target))
                                : refused(Refusals.backward(move.journey(), from, target)));
                    });
        }

        @Test
        @DisplayName("an accepted move into a stage enters at position 0, advances by one, or goes back if allowed")
        void acceptedMovesNeverSkipForward() {
            forAll(moves())
                    .when(move -> move.journey().requiresSequence() && move.targetStage().isPresent())
                    .when(move -> move.decide() instanceof Decision.Accept)
                    .check(move -> {
                        int to = move.targetPosition();
                        if (move.current().isEmpty()) {
                            assertThat(to).as("position entered at").isZero();
                        } else {
                            int from = move.currentPosition();
                            assertThat(to == from + 1 || (to < from && move.journey().allowsBackward()))
                                    .as("a move from position %d to %d (backward allowed: %s)",
                                            from, to, move.journey().allowsBackward())
                                    .isTrue();
                        }
                    });
        }
    }

    @Nested
    @DisplayName("as a function")
    class AsAFunction {

        @Test
        @DisplayName("decides every move without failing")
        void total() {
            forAll(moves()).check(move -> assertThat(move.decide()).isNotNull());
        }

        @Test
        @DisplayName("is pure: equal inputs give equal decisions, and the contact key and note do not matter")
        void pure() {
            forAll(moves()).check(move -> {
                Decision first = move.decide();
                assertThat(move.decide()).isEqualTo(first);

                Journey copy = new Journey(move.journey().id(), move.journey().name(), move.journey().kind(),
                        move.journey().requiresSequence(), move.journey().allowsBackward(), move.journey().archived(),
                        new ArrayList<>(move.journey().stages()), move.journey().version());
                Move other = new Move("someone-else", move.request().journeyId(),
                        move.request().target(), move.request().source(), move.request().expected(),
                        Optional.of("another note"));
                assertThat(MoveRules.decide(copy, move.current(), other, move.owners())).isEqualTo(first);
            });
        }

        @Test
        @DisplayName("asks who owns a stage only to explain a refused target outside the journey")
        void looksUpOwnersOnlyForForeignTargets() {
            forAll(moves()).check(move -> {
                List<StageId> asked = new ArrayList<>();
                Function<StageId, Optional<StageOwner>> recording = stage -> {
                    asked.add(stage);
                    return move.owners().apply(stage);
                };
                MoveRules.decide(move.journey(), move.current(), move.request(), recording);
                if (move.isActive() && move.sourceMayMove() && move.targetIsOutsideJourney()) {
                    assertThat(asked).containsExactly(move.request().target().orElseThrow());
                } else {
                    assertThat(asked).isEmpty();
                }
            });
        }

        @Test
        @DisplayName("refuses only for reasons of its own, never for an unknown journey or contention")
        void refusesOnlyForItsOwnReasons() {
            forAll(moves())
                    .when(move -> move.decide() instanceof Decision.Refuse)
                    .check(move -> assertThat(((Decision.Refuse) move.decide()).reason())
                            .isNotInstanceOfAny(Rejection.UnknownJourney.class, Rejection.Contention.class));
        }
    }

    private static Decision refused(Rejection reason) {
        return new Decision.Refuse(reason);
    }
}
