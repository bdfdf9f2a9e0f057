package dev.journeys.core.internal.imports;

import dev.journeys.api.ImportJob;
import dev.journeys.api.RowRejection;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.storage.JobProgress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Import jobs, their rejected rows, and what undo needs of them.
 * Failures surface as {@code JourneysException}s and leave nothing written.
 */
public interface ImportStorage {

    /** Records a new job as running, in a transaction of its own. */
    ImportJob createImportJob(String tenant, ImportJobStart start);

    /** Writes a job's progress or end in a transaction of its own. */
    void updateImportJob(String tenant, long jobId, JobProgress progress);

    /** Keeps rejected rows with the job, in a transaction of its own. */
    void recordRejections(String tenant, long jobId, List<RowRejection> rejections);

    Optional<ImportJob> importJob(String tenant, long jobId);

    /** Newest first, ids below {@code beforeId} when given. */
    List<ImportJob> importJobs(String tenant, Optional<Long> beforeId, int limit);

    /** In file order, lines after {@code afterLine}. */
    List<RowRejection> importRejections(String tenant, long jobId, long afterLine, int limit);

    /** Earlier jobs of the same bytes that wrote moves and were not undone, oldest first. */
    List<Long> importJobsOfFile(String tenant, String fingerprint);

    /** The job's transitions with ids in {@code (afterId, toId]}, in id order. */
    List<Transition> importTransitions(String tenant, long jobId, long afterId, long toId, int limit);

    /** Streams every contact the job moved, per journey, without holding them all in memory. */
    void forEachUndoTarget(String tenant, long jobId, Consumer<UndoTarget> target);

    /** Marks the job undone; false when it was already. */
    boolean claimUndo(String tenant, long jobId, Instant at);
}
