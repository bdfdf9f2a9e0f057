package dev.journeys.api;

import java.util.Optional;

/**
 * Why a move was refused. {@link #code()} is stable across releases and safe to store or match on;
 * {@link #message()} names journeys and stages by name and id, for a person to act on.
 */
public sealed interface Rejection {

    ReasonCode code();

    String message();

    /** No journey with that id in the tenant. */
    record UnknownJourney(JourneyId journey) implements Rejection {
        public ReasonCode code() { return ReasonCode.UNKNOWN_JOURNEY; }
        public String message() { return "there is no journey " + journey.value() + " in this tenant"; }
    }

    record JourneyArchived(JourneyRef journey) implements Rejection {
        public ReasonCode code() { return ReasonCode.JOURNEY_ARCHIVED; }
        public String message() { return "journey " + journey + " is archived and takes no new moves"; }
    }

    record SystemJourneyReadOnly(JourneyRef journey) implements Rejection {
        public ReasonCode code() { return ReasonCode.SYSTEM_JOURNEY_READ_ONLY; }
        public String message() {
            return "journey " + journey + " is a system journey; only its plugin moves contacts in it";
        }
    }

    /** The journey has no such stage: it never had, or the stage was removed. */
    record UnknownStage(JourneyRef journey, StageId stage) implements Rejection {
        public ReasonCode code() { return ReasonCode.UNKNOWN_STAGE; }
        public String message() { return "journey " + journey + " has no stage " + stage.value(); }
    }

    record StageOfAnotherJourney(JourneyRef journey, StageRef stage, JourneyRef owner) implements Rejection {
        public ReasonCode code() { return ReasonCode.STAGE_OF_ANOTHER_JOURNEY; }
        public String message() { return "stage " + stage + " belongs to journey " + owner + ", not to " + journey; }
    }

    /**
     * A sequenced journey was entered past its first stage, or a move skipped stages.
     *
     * @param next the stage the contact may go to: the first stage, or the one after {@code from}
     */
    record OutOfSequence(JourneyRef journey, Optional<StageRef> from, StageRef to, StageRef next) implements Rejection {
        public ReasonCode code() { return ReasonCode.OUT_OF_SEQUENCE; }
        public String message() {
            return from.map(f -> "cannot skip from " + f + " to " + to + " in " + journey + "; the next stage is " + next)
                    .orElse("a contact enters " + journey + " at its first stage " + next + ", not at " + to);
        }
    }

    record BackwardNotAllowed(JourneyRef journey, StageRef from, StageRef to) implements Rejection {
        public ReasonCode code() { return ReasonCode.BACKWARD_NOT_ALLOWED; }
        public String message() {
            return "cannot move back from " + from + " to " + to + ": journey " + journey + " allows no backward moves";
        }
    }

    /**
     * The compare-and-set guard did not hold: the contact is somewhere else than expected.
     *
     * @param expectedStage the stage the guard named, when it is a stage of the journey
     */
    record UnexpectedStage(JourneyRef journey, ExpectedStage expected, Optional<StageRef> expectedStage,
                           Optional<StageRef> actual) implements Rejection {
        public ReasonCode code() { return ReasonCode.UNEXPECTED_STAGE; }
        public String message() {
            String wanted = expected instanceof ExpectedStage.InStage in
                    ? "in " + expectedStage.map(Object::toString).orElse("stage " + in.stage().value())
                    : "out of the journey";
            return "expected the contact " + wanted + " but it is "
                    + actual.map(a -> "in " + a).orElse("not in " + journey);
        }
    }

    /** Other writers kept changing the contact or journey; the move gave up after {@code attempts}. */
    record Contention(int attempts) implements Rejection {
        public ReasonCode code() { return ReasonCode.CONTENTION; }
        public String message() {
            return "other writers kept changing the contact or its journey; gave up after " + attempts + " attempts";
        }
    }
}
