package dev.journeys.core.internal.storage;

import dev.journeys.api.JourneyId;
import dev.journeys.api.RowRejection;
import dev.journeys.api.Transition;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One connection and its open transaction, for an import or an undo. Best effort commits after each
 * batch; atomic commits once at the end. Reads see the session's own uncommitted writes, so each batch
 * is decided on the state the batches before it left. Closing without a commit rolls back.
 */
public interface ImportSession extends AutoCloseable {

    /**
     * Holds off definition changes of the journey until this transaction ends.
     *
     * @return the journey's version, which cannot change before then
     */
    long lockJourney(JourneyId journey);

    /**
     * The contacts' placements in the journey, locked until this transaction ends; contacts never
     * placed map to {@link PlacementState#never}.
     */
    Map<String, PlacementState> placements(JourneyId journey, Collection<String> contacts);

    /** For each of the contacts, the file lines that the given earlier jobs applied in the journey. */
    Map<String, Set<Long>> linesApplied(List<Long> jobIds, JourneyId journey, Collection<String> contacts);

    /**
     * Writes the moves in order, each by compare-and-set.
     *
     * @return the transitions in order, or empty when any compare-and-set failed; part of the call may
     *         then be written, so the caller must roll the transaction back
     */
    Optional<List<Transition>> write(List<MoveWrite> moves);

    /** Keeps rejected rows with the job, in this transaction. */
    void reject(long jobId, List<RowRejection> rejections);

    /** Writes the job's record in this transaction, with the range of transition ids written so far. */
    void progress(long jobId, JobProgress progress);

    /** The lowest and highest transition ids this session has written; {0, 0} when none. */
    long[] transitionRange();

    void commit();

    void rollback();

    @Override
    void close();
}
