package dev.journeys.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that happened to a contact, published by the host. The event id makes delivery idempotent:
 * an id already processed in the tenant is never applied again.
 *
 * @param attributes values as {@link String}, {@link Number}, {@link Boolean}, {@link Instant} or ISO-8601 text
 */
public record TriggerEvent(String eventId, String triggerType, String contactKey, Instant occurredAt,
                           Map<String, Object> attributes) {

    public TriggerEvent {
        // Not Map.copyOf: a null value must reach validation and fail there with a typed error.
        attributes = attributes == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public static TriggerEvent of(String eventId, String triggerType, String contactKey, Instant occurredAt) {
        return new TriggerEvent(eventId, triggerType, contactKey, occurredAt, Map.of());
    }

    public TriggerEvent with(String attribute, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(attributes);
        more.put(attribute, value);
        return new TriggerEvent(eventId, triggerType, contactKey, occurredAt, more);
    }
}
