package dev.journeys.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A new automation: all conditions must hold for its outcomes to run. Enabled unless told otherwise.
 *
 * <pre>{@code
 * AutomationSpec.named("Paid orders convert").on("order.created")
 *         .when(Condition.equalTo("status", "paid"), Condition.greaterThan("amount", 100))
 *         .then(Outcome.moveTo(sales.id(), conversion.id()))
 * }</pre>
 */
public record AutomationSpec(String name, String triggerType, List<Condition> conditions, List<Outcome> outcomes,
                             boolean enabled) {

    public AutomationSpec {
        conditions = conditions == null ? null : Collections.unmodifiableList(new ArrayList<>(conditions));
        outcomes = outcomes == null ? null : Collections.unmodifiableList(new ArrayList<>(outcomes));
    }

    public static AutomationSpec named(String name) {
        return new AutomationSpec(name, null, List.of(), List.of(), true);
    }

    public AutomationSpec on(String trigger) {
        return new AutomationSpec(name, trigger, conditions, outcomes, enabled);
    }

    public AutomationSpec when(Condition... all) {
        return new AutomationSpec(name, triggerType, Arrays.asList(all), outcomes, enabled);
    }

    public AutomationSpec then(Outcome... all) {
        return new AutomationSpec(name, triggerType, conditions, Arrays.asList(all), enabled);
    }

    public AutomationSpec disabled() {
        return new AutomationSpec(name, triggerType, conditions, outcomes, false);
    }
}
