package dev.journeys.core.internal.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A status change and the system-journey moves it causes, written in one transaction, if the status is
 * still at {@code expectedVersion} and each move's compare-and-set holds.
 */
public record StatusWrite(String contactKey, long expectedVersion, Optional<String> from, String to, String actor,
                          Instant at, List<MoveWrite> moves) {
    public StatusWrite {
        moves = List.copyOf(moves);
    }
}
