package dev.journeys.jdbc.internal.db;

import dev.journeys.api.Transition;
import dev.journeys.core.internal.storage.PlacementState;

/** Carries committed moves from every writer of one database to every SDK instance's feed. */
public interface CommitFollower extends AutoCloseable {

    /** Called by this instance after each commit that wrote {@code transition}. */
    void published(String tenant, Transition transition);

    /**
     * Called by this instance after a commit too large to publish move by move (an atomic import):
     * followers that cannot see the commit themselves drop what they hold.
     */
    void publishedTooMany();

    @Override
    void close();

    static PlacementState stateAfter(Transition t) {
        return new PlacementState(t.journeyId(), t.contactKey(), t.to(), t.effectiveAt(), t.placementVersion());
    }
}
