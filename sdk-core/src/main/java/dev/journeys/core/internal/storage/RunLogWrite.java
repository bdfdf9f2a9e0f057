package dev.journeys.core.internal.storage;

import java.time.Instant;
import java.util.List;

/**
 * The run-log row of one event, written with the moves it caused. When {@code markProcessed}, the row is
 * also the event's key: a later delivery of the same id is a duplicate and writes nothing.
 *
 * @param chainDepth 0 for an event the host published, n for the n-th {@code journey.stage_changed} of a chain
 * @param runs each automation's decision; a {@code Moved} one points into the batch's moves
 */
public record RunLogWrite(String eventId, String triggerType, String contactKey, int chainDepth, Instant at,
                          List<RunRow> runs, boolean markProcessed) {
    public RunLogWrite {
        runs = List.copyOf(runs);
    }
}
