package dev.journeys.core.internal.automation;

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

    static List<TriggerPlugin> all() {
        return List.of(STAGE_CHANGED_TRIGGER, STATUS_CHANGED_TRIGGER);
    }
}
