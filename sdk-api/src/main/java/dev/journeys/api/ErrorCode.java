package dev.journeys.api;

/** Stable codes for every {@link JourneysException}. Names never change once released. */
public enum ErrorCode {
    INVALID_INPUT,
    JOURNEY_NOT_FOUND,
    STAGE_NOT_FOUND,
    AUTOMATION_NOT_FOUND,
    IMPORT_JOB_NOT_FOUND,
    DUPLICATE_NAME,
    STAGE_IN_USE,
    SYSTEM_JOURNEY_READ_ONLY,
    CONCURRENT_CHANGE,
    MOVE_REJECTED,
    STORAGE_FAILURE,
    CONFIGURATION,
    CLOSED
}
