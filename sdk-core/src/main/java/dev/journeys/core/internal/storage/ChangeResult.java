package dev.journeys.core.internal.storage;

import dev.journeys.api.Journey;
import dev.journeys.api.Transition;
import java.util.List;

/** A committed definition change: the new definition and any transitions it wrote. */
public record ChangeResult(Journey journey, List<Transition> transitions) {
    public ChangeResult {
        transitions = List.copyOf(transitions);
    }
}
