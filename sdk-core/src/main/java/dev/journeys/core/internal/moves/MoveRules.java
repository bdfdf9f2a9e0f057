package dev.journeys.core.internal.moves;

import dev.journeys.api.ExpectedStage;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyRef;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Rejection;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.StageRef;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of a move, one function for every source. Who asks matters in three places only: a system
 * journey takes moves from its plugin alone; an undo may step back past the sequence it reverts; and the
 * relocation out of a removed stage goes where the remover said, in archived and sequenced journeys alike,
 * because the stage it leaves is going away.
 */
public final class MoveRules {

    private MoveRules() {
    }

    /**
     * @param current where the contact is now, empty when not in the journey
     * @param ownerOfStage finds the journey of a stage that is not in {@code journey}, for a precise reason
     */
    public static Decision decide(Journey journey, Optional<StageId> current, Move request,
                                  Function<StageId, Optional<StageOwner>> ownerOfStage) {
        boolean relocation = request.source() instanceof MoveSource.StageRemoval;
        JourneyRef named = JourneyRef.of(journey);
        if (journey.archived() && !relocation) {
            return refuse(new Rejection.JourneyArchived(named));
        }
        if (journey.kind() == Journey.Kind.SYSTEM && !(request.source() instanceof MoveSource.SystemPlugin)) {
            return refuse(new Rejection.SystemJourneyReadOnly(named));
        }
        Optional<Stage> target = Optional.empty();
        if (request.target().isPresent()) {
            StageId wanted = request.target().get();
            target = journey.stage(wanted);
            if (target.isEmpty()) {
                return refuse(ownerOfStage.apply(wanted)
                        .filter(owner -> !owner.journey().id().equals(journey.id()))
                        .<Rejection>map(owner -> new Rejection.StageOfAnotherJourney(named, owner.stage(), owner.journey()))
                        .orElse(new Rejection.UnknownStage(named, wanted)));
            }
        }
        if (!expectationHolds(request.expected(), current)) {
            Optional<StageRef> expectedStage = request.expected() instanceof ExpectedStage.InStage in
                    ? journey.stage(in.stage()).map(StageRef::of) : Optional.empty();
            return refuse(new Rejection.UnexpectedStage(named, request.expected(), expectedStage,
                    current.map(stage -> ref(journey, stage))));
        }
        if (request.target().equals(current)) {
            return new Decision.NoOp();
        }
        if (target.isEmpty()) {
            return new Decision.Accept(current, Optional.empty());
        }
        // An undo puts a contact back where an import found it; that step back is the point of it.
        if (journey.requiresSequence() && !(request.source() instanceof MoveSource.ImportUndo) && !relocation) {
            Optional<Rejection> refusal = sequenceRefusal(journey, current, target.get());
            if (refusal.isPresent()) {
                return refuse(refusal.get());
            }
        }
        return new Decision.Accept(current, request.target());
    }

    private static Optional<Rejection> sequenceRefusal(Journey journey, Optional<StageId> current, Stage target) {
        JourneyRef named = JourneyRef.of(journey);
        if (current.isEmpty()) {
            return target.position() == 0
                    ? Optional.empty()
                    : Optional.of(new Rejection.OutOfSequence(named, Optional.empty(), StageRef.of(target),
                            stageAt(journey, 0)));
        }
        // A contact can sit in a stage that has since been removed only transiently; treat it as
        // unplaced rather than guessing a position for it.
        int from = journey.stage(current.get()).map(Stage::position).orElse(-1);
        if (target.position() == from + 1) {
            return Optional.empty();
        }
        if (target.position() < from) {
            return journey.allowsBackward()
                    ? Optional.empty()
                    : Optional.of(new Rejection.BackwardNotAllowed(named, ref(journey, current.get()), StageRef.of(target)));
        }
        return Optional.of(new Rejection.OutOfSequence(named, Optional.of(ref(journey, current.get())),
                StageRef.of(target), stageAt(journey, from + 1)));
    }

    /** The stage at a position, which a sequenced journey's refusal names as the one to go to. */
    private static StageRef stageAt(Journey journey, int position) {
        return journey.stages().stream().filter(s -> s.position() == position).findFirst().map(StageRef::of)
                .orElseThrow();
    }

    /** A stage of the journey by name; one removed meanwhile is named as such. */
    private static StageRef ref(Journey journey, StageId stage) {
        return journey.stage(stage).map(StageRef::of).orElse(new StageRef(stage, "(removed)"));
    }

    private static boolean expectationHolds(ExpectedStage expected, Optional<StageId> current) {
        if (expected instanceof ExpectedStage.InStage inStage) {
            return current.equals(Optional.of(inStage.stage()));
        }
        if (expected instanceof ExpectedStage.NotInJourney) {
            return current.isEmpty();
        }
        return true;
    }

    private static Decision refuse(Rejection reason) {
        return new Decision.Refuse(reason);
    }
}
