package dev.journeys.api;

import java.time.Instant;
import java.util.List;

/**
 * A stored automation, as of {@code version}.
 *
 * @param createdAt when it was created; a chain step that a crash cut off, run when its event is delivered
 *                  again, considers only the automations created by the time of its move
 */
public record Automation(long id, String name, String triggerType, List<Condition> conditions,
                         List<Outcome> outcomes, boolean enabled, long version, Instant createdAt) {

    public Automation {
        conditions = List.copyOf(conditions);
        outcomes = List.copyOf(outcomes);
    }
}
