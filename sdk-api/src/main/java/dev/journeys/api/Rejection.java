package dev.journeys.api;

import java.util.Optional;

/**
 * Why a move was refused. {@link #code()} is stable across releases and safe to store or match on.
 */
public sealed interface Rejection {

    String code();

    String message();

    record UnknownJourney(JourneyId journey) implements Rejection {
        public String code() { return "UNKNOWN_JOURNEY"; }
        public String message() { return "no " + journey + " in this tenant"; }
    }

    record JourneyArchived(JourneyId journey) implements Rejection {
        public String code() { return "JOURNEY_ARCHIVED"; }
        public String message() { return journey + " is archived and takes no new moves"; }
    }

    record SystemJourneyReadOnly(JourneyId journey) implements Rejection {
        public String code() { return "SYSTEM_JOURNEY_READ_ONLY"; }
        public String message() { return journey + " is a system journey; only its plugin moves contacts"; }
    }

    record UnknownStage(StageId stage) implements Rejection {
        public String code() { return "UNKNOWN_STAGE"; }
        public String message() { return "no " + stage + " in this tenant"; }
    }

    record StageOfAnotherJourney(StageId stage, JourneyId owner) implements Rejection {
        public String code() { return "STAGE_OF_ANOTHER_JOURNEY"; }
        public String message() { return stage + " belongs to " + owner; }
    }

    /** A sequenced journey was entered past its first stage, or a move skipped stages. */
    record OutOfSequence(Optional<StageId> from, StageId to) implements Rejection {
        public String code() { return "OUT_OF_SEQUENCE"; }
        public String message() {
            return from.map(f -> "cannot skip from " + f + " to " + to)
                    .orElse("must enter at the first stage, not " + to);
        }
    }

    record BackwardNotAllowed(StageId from, StageId to) implements Rejection {
        public String code() { return "BACKWARD_NOT_ALLOWED"; }
        public String message() { return "cannot move back from " + from + " to " + to; }
    }

    /** The compare-and-set guard did not hold: the contact is somewhere else than expected. */
    record UnexpectedStage(ExpectedStage expected, Optional<StageId> actual) implements Rejection {
        public String code() { return "UNEXPECTED_STAGE"; }
        public String message() {
            return "expected " + expected + " but contact is " + actual.map(Object::toString).orElse("not in the journey");
        }
    }

    /** Other writers kept changing the contact or journey; the move gave up after {@code attempts}. */
    record Contention(int attempts) implements Rejection {
        public String code() { return "CONTENTION"; }
        public String message() { return "gave up after " + attempts + " concurrent changes"; }
    }
}
