package dev.journeys.api;

import java.util.Optional;

/** What a {@link StageChangeListener} hears after a move has committed. */
public record StageChange(String tenant, Transition transition) {

    public Optional<StageId> from() {
        return transition.from();
    }

    public Optional<StageId> to() {
        return transition.to();
    }

    public MoveSource source() {
        return transition.source();
    }
}
