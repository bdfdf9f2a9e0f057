package dev.journeys.api;

import java.util.Optional;

/** What one automation did with one event: the answer to "why did (or didn't) this contact move?". */
public sealed interface RunDecision {

    /** A condition did not hold; {@code detail} says what the event had instead. */
    record NotMatched(int conditionIndex, Condition condition, String detail) implements RunDecision {
    }

    record Moved(JourneyId journey, Optional<StageId> from, StageId to, long transitionId) implements RunDecision {
    }

    /**
     * The outcome was not applied: {@link ReasonCode#ALREADY_IN_STAGE}, or the code of the move's
     * {@link Rejection} ({@link ReasonCode#OUT_OF_SEQUENCE}, {@link ReasonCode#JOURNEY_ARCHIVED}, ...).
     */
    record Skipped(JourneyId journey, ReasonCode reasonCode, String message) implements RunDecision {
    }

    /** Something broke; the event was not marked processed, so it can be published again. */
    record Failed(String error) implements RunDecision {
    }

    /** A chain of stage-changed automations reached the configured maximum depth and was stopped here. */
    record LoopStopped(int depth) implements RunDecision {
    }
}
