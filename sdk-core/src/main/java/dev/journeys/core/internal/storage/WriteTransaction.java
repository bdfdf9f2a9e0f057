package dev.journeys.core.internal.storage;

import dev.journeys.api.JourneyId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One connection and its open transaction, through which every placement and history row is written:
 * {@link #write} is the one storage entry for them. Reads made through it lock what they read until the
 * transaction ends, so a batch can be decided on them; they see the transaction's own writes. Closing
 * without a commit rolls back.
 */
public interface WriteTransaction extends AutoCloseable {

    /**
     * Holds off definition changes of the journey until this transaction ends.
     *
     * @return the journey's version, which cannot change before then; -1 when it is not in the tenant
     */
    long lockJourney(JourneyId journey);

    /**
     * The contacts' placements in the journey, locked until this transaction ends; contacts never placed
     * map to {@link PlacementState#never}.
     */
    Map<String, PlacementState> placements(JourneyId journey, Collection<String> contacts);

    /** For each of the contacts, the file lines that the given earlier import jobs applied in the journey. */
    Map<String, Set<Long>> linesApplied(List<Long> jobIds, JourneyId journey, Collection<String> contacts);

    /**
     * Writes the batch. Anything but {@link Commit.Applied} may leave part of it written: the caller must
     * then roll back.
     */
    Commit write(Batch batch);

    /** The lowest and highest transition ids this transaction has written; {0, 0} when none. */
    long[] transitionRange();

    void commit();

    void rollback();

    @Override
    void close();
}
