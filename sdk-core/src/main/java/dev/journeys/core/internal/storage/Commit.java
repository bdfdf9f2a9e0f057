package dev.journeys.core.internal.storage;

import dev.journeys.api.Journey;
import dev.journeys.api.RunRecord;
import dev.journeys.api.StatusChange;
import dev.journeys.api.Transition;
import java.util.List;
import java.util.Optional;

/** How a {@link Batch} fared. Only {@link Applied} wrote anything. */
public sealed interface Commit {

    /**
     * @param transitions one per move, in the batch's order
     * @param records the run-log rows written, in the batch's order, {@code Moved} ones with their transition ids
     * @param status the status change written
     * @param journey the journey as the stage removal left it
     */
    record Applied(List<Transition> transitions, List<RunRecord> records, Optional<StatusChange> status,
                   Optional<Journey> journey) implements Commit {
        public Applied {
            transitions = List.copyOf(transitions);
            records = List.copyOf(records);
        }
    }

    /** An event of the batch was processed already in the tenant. */
    record Duplicate() implements Commit {
    }

    /** A compare-and-set failed: a placement, status or journey moved on since the batch was planned. */
    record Conflict() implements Commit {
    }
}
