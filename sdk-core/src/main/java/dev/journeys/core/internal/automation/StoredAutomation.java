package dev.journeys.core.internal.automation;

import dev.journeys.api.Outcome;
import java.time.Instant;
import java.util.List;

/** An automation as stored: operands in canonical text, read back through the trigger's declared types. */
public record StoredAutomation(long id, String name, String triggerType, List<StoredCondition> conditions,
                               List<Outcome> outcomes, boolean enabled, long version, Instant createdAt) {
    public StoredAutomation {
        conditions = List.copyOf(conditions);
        outcomes = List.copyOf(outcomes);
    }
}
