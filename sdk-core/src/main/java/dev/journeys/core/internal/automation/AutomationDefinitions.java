package dev.journeys.core.internal.automation;

import dev.journeys.api.Automation;
import dev.journeys.api.AutomationSpec;
import dev.journeys.api.Condition;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyRef;
import dev.journeys.api.Outcome;
import dev.journeys.api.ReadOnlyJourneyException;
import dev.journeys.core.internal.input.Inputs;
import dev.journeys.core.internal.moves.JourneyCatalog;
import dev.journeys.core.internal.moves.MovePath;
import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.TriggerPlugin;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creating and reading automations. Operands are stored as canonical text and typed again on the way
 * out by the trigger's declared attributes, so storage needs no knowledge of attribute types.
 */
@Singleton
public final class AutomationDefinitions {

    static final int MAX_CONDITIONS = 50;
    static final int MAX_OUTCOMES = 20;

    private final AutomationStorage storage;
    private final TriggerRegistry triggers;
    private final JourneyCatalog catalog;
    private final MovePath moves;

    @Inject
    AutomationDefinitions(AutomationStorage storage, TriggerRegistry triggers, JourneyCatalog catalog, MovePath moves) {
        this.storage = storage;
        this.triggers = triggers;
        this.catalog = catalog;
        this.moves = moves;
    }

    Automation create(String tenant, AutomationSpec spec) {
        Inputs.required("automation spec", spec);
        String name = Inputs.name("automation name", spec.name());
        TriggerPlugin trigger = triggers.get(spec.triggerType());
        Map<String, AttributeSpec> declared = declared(trigger);
        List<Condition> conditions = Inputs.required("conditions", spec.conditions());
        List<Outcome> outcomes = Inputs.required("outcomes", spec.outcomes());
        if (conditions.size() > MAX_CONDITIONS) {
            throw new InvalidInputException("an automation takes at most " + MAX_CONDITIONS + " conditions");
        }
        if (outcomes.isEmpty() || outcomes.size() > MAX_OUTCOMES) {
            throw new InvalidInputException("an automation needs 1 to " + MAX_OUTCOMES + " outcomes");
        }
        List<StoredCondition> stored = new ArrayList<>();
        for (Condition condition : conditions) {
            Condition checked = Conditions.validate(Inputs.required("condition", condition), declared);
            AttributeSpec attribute = declared.get(checked.attribute());
            stored.add(new StoredCondition(checked.attribute(), checked.operator(), checked.operands().stream()
                    .map(value -> AttributeValues.canonical(attribute.type(), value)).toList()));
        }
        for (Outcome outcome : outcomes) {
            checkOutcome(tenant, Inputs.required("outcome", outcome));
        }
        return typed(storage.createAutomation(tenant, name, trigger.key(), stored, outcomes, spec.enabled(), moves.now()))
                .orElseThrow();
    }

    private void checkOutcome(String tenant, Outcome outcome) {
        Outcome.MoveToStage move = (Outcome.MoveToStage) outcome;
        Inputs.required("outcome journey", move.journey());
        Inputs.required("outcome stage", move.stage());
        Journey journey = catalog.find(tenant, move.journey(), true)
                .orElseThrow(() -> new InvalidInputException("outcome names journey " + move.journey().value()
                        + ", which is not in this tenant"));
        if (journey.kind() == Journey.Kind.SYSTEM) {
            throw new ReadOnlyJourneyException("journey " + JourneyRef.of(journey) + " is a system journey; automations cannot"
                    + " move contacts in it");
        }
        if (journey.archived()) {
            throw new InvalidInputException("outcome names journey " + JourneyRef.of(journey) + ", which is archived");
        }
        if (journey.stage(move.stage()).isEmpty()) {
            throw new InvalidInputException("outcome names stage " + move.stage().value() + ", which is not a stage of "
                    + JourneyRef.of(journey));
        }
    }

    List<Automation> load(String tenant, String trigger) {
        return storage.automations(tenant, Optional.of(trigger)).stream().flatMap(a -> typed(a).stream()).toList();
    }

    List<Automation> list(String tenant) {
        return storage.automations(tenant, Optional.empty()).stream().flatMap(a -> typed(a).stream()).toList();
    }

    Optional<Automation> find(String tenant, long id) {
        return storage.automation(tenant, id).flatMap(this::typed);
    }

    Optional<Automation> setEnabled(String tenant, long id, boolean enabled) {
        return storage.setAutomationEnabled(tenant, id, enabled).flatMap(this::typed);
    }

    /** Each automation that cannot do what it says, in a sentence. */
    List<String> problems(String tenant) {
        List<String> problems = new ArrayList<>();
        for (StoredAutomation a : storage.automations(tenant, Optional.empty())) {
            String who = "automation " + a.id() + " '" + a.name() + "'";
            if (triggers.find(a.triggerType()).isEmpty()) {
                problems.add(who + " listens to trigger '" + a.triggerType() + "', which no plugin provides");
            }
            for (Outcome outcome : a.outcomes()) {
                Outcome.MoveToStage move = (Outcome.MoveToStage) outcome;
                Optional<Journey> journey = catalog.find(tenant, move.journey(), true);
                if (journey.isEmpty()) {
                    problems.add(who + " moves contacts in journey " + move.journey().value() + ", which no longer exists");
                } else if (journey.get().archived()) {
                    problems.add(who + " moves contacts in journey " + JourneyRef.of(journey.get()) + ", which is archived");
                } else if (journey.get().stage(move.stage()).isEmpty()) {
                    problems.add(who + " moves contacts to stage " + move.stage().value() + ", which was removed from "
                            + JourneyRef.of(journey.get()));
                }
            }
        }
        return problems;
    }

    /** Empty when the automation's trigger is gone: its operands can no longer be typed. */
    private Optional<Automation> typed(StoredAutomation a) {
        Optional<TriggerPlugin> trigger = triggers.find(a.triggerType());
        if (trigger.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeSpec> declared = declared(trigger.get());
        List<Condition> conditions = new ArrayList<>();
        for (StoredCondition c : a.conditions()) {
            AttributeSpec attribute = declared.get(c.attribute());
            if (attribute == null) {
                return Optional.empty();
            }
            List<Object> operands = c.operands().stream().map(text -> AttributeValues.parse(attribute.type(), text)).toList();
            conditions.add(new Condition(c.attribute(), c.operator(), operands));
        }
        return Optional.of(new Automation(a.id(), a.name(), a.triggerType(), conditions, a.outcomes(), a.enabled(),
                a.version(), a.createdAt()));
    }

    private static Map<String, AttributeSpec> declared(TriggerPlugin trigger) {
        Map<String, AttributeSpec> byName = new LinkedHashMap<>();
        trigger.attributes().forEach(a -> byName.put(a.name(), a));
        return byName;
    }
}
