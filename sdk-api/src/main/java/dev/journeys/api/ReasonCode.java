package dev.journeys.api;

/**
 * Why something was not done, one spelling for every place that says it: a refused move
 * ({@link Rejection#code()}), a rejected import row ({@link RowRejection#code()}), an automation's skipped
 * outcome ({@link RunDecision.Skipped#reasonCode()}) and a contact an undo left alone
 * ({@link UndoReport.Refusal#code()}). Names never change once released; the list may grow.
 */
public enum ReasonCode {
    // ---- the rules of a move: any source
    /** No journey with that id in the tenant. */
    UNKNOWN_JOURNEY,
    /** The journey is archived and takes no new moves. */
    JOURNEY_ARCHIVED,
    /** A system journey: only its plugin moves contacts in it. */
    SYSTEM_JOURNEY_READ_ONLY,
    /** No stage with that id in the journey. */
    UNKNOWN_STAGE,
    /** The stage belongs to another journey. */
    STAGE_OF_ANOTHER_JOURNEY,
    /** A sequenced journey was entered past its first stage, or a move skipped stages. */
    OUT_OF_SEQUENCE,
    /** A sequenced journey that allows no backward moves was asked for one. */
    BACKWARD_NOT_ALLOWED,
    /** The contact was not where the move's compare-and-set guard expected. */
    UNEXPECTED_STAGE,
    /** Other writers kept changing the contact or journey until the move gave up. */
    CONTENTION,

    // ---- automations
    /** The outcome's contact was in its stage already; nothing to do. */
    ALREADY_IN_STAGE,

    // ---- import rows
    /** A required cell is empty. */
    MISSING_VALUE,
    /** A cell is longer than the SDK stores. */
    VALUE_TOO_LONG,
    /** {@code occurred_at} is not a timestamp the SDK reads. */
    INVALID_TIMESTAMP,
    /** {@code occurred_at} lies in the future. */
    FUTURE_TIMESTAMP,
    /** {@code occurred_at} lies before the earliest time the SDK records. */
    TIMESTAMP_TOO_EARLY,
    /** {@code occurred_at} lies before the time the contact entered the stage it is in. */
    BEFORE_CURRENT_STAGE,
    /** The row has another number of fields than the header. */
    WRONG_FIELD_COUNT,

    // ---- undo
    /** The contact moved after the import; the undo leaves it where it is. */
    MOVED_SINCE
}
