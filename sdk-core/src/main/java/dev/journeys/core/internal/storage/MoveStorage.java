package dev.journeys.core.internal.storage;



/**
 * Where the move path opens the transactions through which placements and history are written.
 * Failures surface as {@code JourneysException}s and leave nothing written.
 */
public interface MoveStorage {

    /**
     * Opens the transaction through which placements and history are written. A read-only one, for a dry
     * run, takes no locks and refuses to write.
     */
    WriteTransaction begin(String tenant, boolean readOnly);
}
