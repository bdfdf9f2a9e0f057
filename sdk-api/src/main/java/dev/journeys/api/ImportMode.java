package dev.journeys.api;

/** How an import applies its file. */
public enum ImportMode {
    /** Checks every row against the rules and current placements, and writes nothing at all, not even a job. */
    DRY_RUN,
    /** Applies every row or none: one rejected row, a cancel or a failure leaves the database as it was. */
    ATOMIC,
    /** Applies the valid rows batch by batch and reports the rest; what committed stays committed. */
    BEST_EFFORT
}
