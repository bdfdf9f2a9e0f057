package dev.journeys.core.internal.storage;

import dev.journeys.api.StatusChange;
import dev.journeys.api.Transition;
import java.util.List;

/** A committed status change and the transitions it wrote. */
public record StatusCommit(StatusChange change, List<Transition> transitions) {
    public StatusCommit {
        transitions = List.copyOf(transitions);
    }
}
