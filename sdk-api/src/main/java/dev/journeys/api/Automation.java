package dev.journeys.api;

import java.util.List;

/** A stored automation, as of {@code version}. */
public record Automation(long id, String name, String triggerType, List<Condition> conditions,
                         List<Outcome> outcomes, boolean enabled, long version) {

    public Automation {
        conditions = List.copyOf(conditions);
        outcomes = List.copyOf(outcomes);
    }
}
