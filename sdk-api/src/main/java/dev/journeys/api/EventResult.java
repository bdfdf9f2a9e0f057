package dev.journeys.api;

import java.util.List;

/**
 * What publishing an event did.
 *
 * @param duplicate the event id had been processed before; nothing was applied this time
 * @param records the decisions of every automation considered, chains included
 */
public record EventResult(String eventId, boolean duplicate, List<RunRecord> records) {
    public EventResult {
        records = List.copyOf(records);
    }
}
