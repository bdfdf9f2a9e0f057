package dev.journeys.api;

/** How an import ended. */
public enum ImportOutcome {
    /** Every row was decided; in atomic mode none was rejected and all committed. */
    COMPLETED,
    /** A dry run: every row was decided and nothing was written. */
    CHECKED,
    /** Atomic mode found rejected rows; nothing was committed. */
    ROLLED_BACK,
    /** Cancelled by the host; best effort keeps the batches committed before, atomic keeps nothing. */
    CANCELLED,
    /**
     * The file could not be read to its end (bad header, unterminated quote, invalid UTF-8) or the
     * database failed; best effort keeps the batches committed before, atomic keeps nothing.
     */
    FAILED
}
