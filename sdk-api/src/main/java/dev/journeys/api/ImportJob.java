package dev.journeys.api;

import java.time.Instant;
import java.util.Optional;

/**
 * The record of one import, kept by the database. A job whose process died stays {@link Status#RUNNING}
 * with {@code updatedAt} frozen; {@code linesDone} and its counts then say exactly how far it got,
 * because they are committed with each batch.
 *
 * <p>The counts are of the rows decided. An atomic job that did not complete committed none of them,
 * and its {@code linesDone} is 0.
 *
 * @param linesDone the last file line whose row is decided and committed
 * @param undoneBy the undo that reverted this job, if any
 */
public record ImportJob(
        long id,
        String tenant,
        Actor actor,
        String fileName,
        ImportMode mode,
        Status status,
        boolean automationsSuppressed,
        Instant startedAt,
        Instant updatedAt,
        Optional<Instant> finishedAt,
        long linesDone,
        long rowsRead,
        long moved,
        long unchanged,
        long rejected,
        Optional<String> failure,
        Optional<Instant> undoneAt) {

    public enum Status {
        RUNNING, COMPLETED, ROLLED_BACK, CANCELLED, FAILED
    }
}
