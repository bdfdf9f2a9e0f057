package dev.journeys.api;

import java.util.Optional;

/**
 * Bulk moves from CSV files. Every row goes through the same rules as any other move; every move an
 * import writes is recorded as {@link MoveSource.Import} with its job and line.
 *
 * <p>Problems with the file or the rows never throw: they come back in the {@link ImportReport}. Bad
 * arguments throw {@link InvalidInputException}; a database that cannot even record the job throws
 * {@link StorageException}.
 *
 * <p>Running a file again is safe: a line that an earlier job of the same file (same bytes) applied
 * counts as unchanged, even where that job died half-way.
 */
public interface ImportService {

    /** Imports on the calling thread. */
    ImportReport run(ImportRequest request);

    /** Imports on a new background thread; cancel it through the handle. */
    RunningImport start(ImportRequest request);

    /** Jobs of this tenant, newest first. */
    Page<ImportJob> jobs(PageRequest page);

    Optional<ImportJob> job(long jobId);

    /** Every rejected row of a job, in file order. */
    Page<RowRejection> rejections(long jobId, PageRequest page);

    /**
     * Puts every contact the job moved back where it was before the job, as compensating moves recorded
     * as {@link MoveSource.ImportUndo}; contacts that moved since are refused and reported. A job can be
     * undone once.
     *
     * @throws NotFoundException if the job is not in this tenant
     * @throws InvalidInputException if the job is still running, was already undone, or committed nothing
     */
    UndoReport undo(long jobId, Actor actor);
}
