package dev.journeys.api;

import java.util.concurrent.CompletableFuture;

/** An import running on a background thread. */
public interface RunningImport {

    /**
     * Asks the import to stop after the row in hand. Best effort keeps the batches already committed;
     * atomic keeps nothing. The report says exactly what was committed.
     */
    void cancel();

    /** Completes with the report, whether the import completed, was cancelled or failed. */
    CompletableFuture<ImportReport> report();
}
