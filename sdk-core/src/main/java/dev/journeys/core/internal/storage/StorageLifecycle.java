package dev.journeys.core.internal.storage;



/**
 * The database as the running SDK starts and stops it.
 * Failures surface as {@code JourneysException}s and leave nothing written.
 */
public interface StorageLifecycle {

    /**
     * Brings the schema up to date and starts following commits into {@code feed}; called once from
     * the runtime's start, never from wiring.
     */
    void start(PlacementFeed feed);

    void close();
}
