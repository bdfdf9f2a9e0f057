package dev.journeys.core.internal.storage;

import dev.journeys.api.ImportJob;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a job got, written to its record: with each batch it commits in best-effort mode, and once at
 * the end. {@code finishedAt} is present for a final status.
 */
public record JobProgress(ImportJob.Status status, long linesDone, long rowsRead, long moved, long unchanged,
                          long rejected, Optional<String> failure, Instant at, Optional<Instant> finishedAt) {
}
