package dev.journeys.core.internal.automation;

import dev.journeys.api.InvalidInputException;
import dev.journeys.api.TriggerEvent;
import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.AttributeType;
import dev.journeys.spi.TriggerPlugin;
import java.util.List;

/** The triggers the SDK itself fires. */
public final class BuiltInTriggers {

    static final String STAGE_CHANGED = "journey.stage_changed";
    public static final String STATUS_CHANGED = "contact.status_changed";

    private BuiltInTriggers() {
    }

    private record Builtin(String key, String displayName, List<AttributeSpec> attributes) implements TriggerPlugin {
    }

    /** Fired after every committed move, whatever its source, so automations can chain on it. */
    static final TriggerPlugin STAGE_CHANGED_TRIGGER = new Builtin(STAGE_CHANGED, "Journey stage changed", List.of(
            AttributeSpec.required("journey_id", AttributeType.NUMBER),
            AttributeSpec.required("journey", AttributeType.STRING),
            AttributeSpec.optional("from_stage_id", AttributeType.NUMBER),
            AttributeSpec.optional("from_stage", AttributeType.STRING),
            AttributeSpec.optional("to_stage_id", AttributeType.NUMBER),
            AttributeSpec.optional("to_stage", AttributeType.STRING),
            AttributeSpec.required("source", AttributeType.STRING),
            AttributeSpec.optional("automation_id", AttributeType.NUMBER)));

    /** Fired when a contact's enrollment status changes (the system-journey issue drives it). */
    static final TriggerPlugin STATUS_CHANGED_TRIGGER = new Builtin(STATUS_CHANGED, "Contact status changed", List.of(
            AttributeSpec.optional("old_status", AttributeType.STRING),
            AttributeSpec.required("new_status", AttributeType.STRING)));

    /**
     * Refuses what only the SDK may publish: an event of a built-in trigger, or an event id in the form the SDK
     * gives its own events, which would take the place of a real one.
     *
     * @throws InvalidInputException naming what was refused
     */
    static void refuseFromHost(TriggerEvent event) {
        for (TriggerPlugin builtIn : all()) {
            if (builtIn.key().equals(event.triggerType())) {
                throw new InvalidInputException("'" + builtIn.key() + "' events are fired by the SDK itself; a host cannot"
                        + " publish them");
            }
            if (event.eventId() != null && event.eventId().startsWith(builtIn.key() + ":")) {
                throw new InvalidInputException("event ids starting with '" + builtIn.key() + ":' are the SDK's own;"
                        + " prefix yours with their source instead");
            }
        }
    }

    static List<TriggerPlugin> all() {
        return List.of(STAGE_CHANGED_TRIGGER, STATUS_CHANGED_TRIGGER);
    }
}
