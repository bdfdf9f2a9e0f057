package dev.journeys.core.internal.storage;

import dev.journeys.api.Transition;
import dev.journeys.api.RunRecord;
import java.util.List;

/** How an {@link EventWrite} ended. Only {@link Applied} wrote anything. */
public sealed interface EventCommit {

    record Applied(List<Transition> transitions, List<RunRecord> records) implements EventCommit {
        public Applied {
            transitions = List.copyOf(transitions);
            records = List.copyOf(records);
        }
    }

    /** The event id was already processed in the tenant. */
    record Duplicate() implements EventCommit {
    }

    /** A placement or journey moved on since the event was planned; plan again. */
    record Conflict() implements EventCommit {
    }
}
