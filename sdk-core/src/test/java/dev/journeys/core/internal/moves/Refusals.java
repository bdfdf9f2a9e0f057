package dev.journeys.core.internal.moves;

import dev.journeys.api.ExpectedStage;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyRef;
import dev.journeys.api.Rejection;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.StageRef;
import java.util.Optional;

/** The refusals the rules give, built from the journey a move was judged in, as the tests expect them. */
final class Refusals {

    private Refusals() {
    }

    static StageRef ref(Journey journey, StageId stage) {
        return journey.stage(stage).map(StageRef::of).orElse(new StageRef(stage, "(removed)"));
    }

    static Rejection archived(Journey journey) {
        return new Rejection.JourneyArchived(JourneyRef.of(journey));
    }

    static Rejection readOnly(Journey journey) {
        return new Rejection.SystemJourneyReadOnly(JourneyRef.of(journey));
    }

    static Rejection unknownStage(Journey journey, StageId stage) {
        return new Rejection.UnknownStage(JourneyRef.of(journey), stage);
    }

    static Rejection ofAnotherJourney(Journey journey, StageId stage, JourneyId owner) {
        return new Rejection.StageOfAnotherJourney(JourneyRef.of(journey), MoveCase.Owners.stageRef(stage),
                MoveCase.Owners.journeyRef(owner));
    }

    /** {@code next}: the first stage for an entry, otherwise the stage after {@code from}. */
    static Rejection outOfSequence(Journey journey, Optional<StageId> from, StageId to) {
        int after = from.flatMap(journey::stage).map(Stage::position).orElse(-1);
        return new Rejection.OutOfSequence(JourneyRef.of(journey), from.map(f -> ref(journey, f)), ref(journey, to),
                journey.stages().stream().filter(s -> s.position() == after + 1).findFirst().map(StageRef::of).orElseThrow());
    }

    static Rejection backward(Journey journey, StageId from, StageId to) {
        return new Rejection.BackwardNotAllowed(JourneyRef.of(journey), ref(journey, from), ref(journey, to));
    }

    static Rejection unexpected(Journey journey, ExpectedStage expected, Optional<StageId> actual) {
        Optional<StageRef> expectedStage = expected instanceof ExpectedStage.InStage in
                ? journey.stage(in.stage()).map(StageRef::of) : Optional.empty();
        return new Rejection.UnexpectedStage(JourneyRef.of(journey), expected, expectedStage,
                actual.map(a -> ref(journey, a)));
    }
}
