package dev.journeys.core.internal.storage;

import java.time.Instant;
import java.util.List;

/**
 * Everything one event changes, written in one transaction: its moves by compare-and-set, their history,
 * the run log and, when {@code markProcessed}, the event id that makes a second delivery a no-op.
 *
 * @param chainDepth 0 for an event the host published, n for the n-th {@code journey.stage_changed} of a chain
 */
public record EventWrite(String eventId, String triggerType, String contactKey, int chainDepth, Instant at,
                         List<MoveWrite> moves, List<RunRow> runs, boolean markProcessed) {
    public EventWrite {
        moves = List.copyOf(moves);
        runs = List.copyOf(runs);
    }
}
