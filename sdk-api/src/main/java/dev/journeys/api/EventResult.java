package dev.journeys.api;

import java.util.List;

/**
 * What publishing an event did.
 *
 * @param duplicate the event id had been processed before; nothing of the event was applied this time
 * @param records the decisions of every automation considered, chains included; for a duplicate, only
 *                those of chain steps that had not run before (see {@link AutomationService#publish})
 */
public record EventResult(String eventId, boolean duplicate, List<RunRecord> records) {
    public EventResult {
        records = List.copyOf(records);
    }
}
