package dev.journeys.core.internal.storage;

/**
 * Where storage reports placements committed by any writer of the database, other SDK instances
 * included, so that caches follow commits rather than only their own writes.
 */
public interface PlacementFeed {

    /** A placement reached {@code state}; older versions than what a reader holds are ignored. */
    void committed(String tenant, PlacementState state);

    /** Storage can no longer vouch that it saw every commit; forget everything cached. */
    void lostTrack();
}
