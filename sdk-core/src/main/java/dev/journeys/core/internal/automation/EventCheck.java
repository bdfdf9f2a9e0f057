package dev.journeys.core.internal.automation;

import dev.journeys.api.InvalidInputException;
import dev.journeys.api.JourneyService;
import dev.journeys.api.TriggerEvent;
import dev.journeys.core.internal.input.Inputs;
import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.TriggerPlugin;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Checks a published event against its trigger before anything is applied, so that a bad event fails whole
 * with a typed {@link InvalidInputException} naming the first problem, and a good one reaches the automations
 * with every attribute already converted (see {@link AttributeValues}).
 *
 * <p>Limits, all counted in {@code char}s as {@link String#length()} counts them:
 * <ul>
 *   <li>event id: 1 to {@value #MAX_EVENT_ID_LENGTH}, not blank, no surrounding whitespace, no control
 *       characters. These are the rules the move path applies to the event id it writes to history, so an event
 *       that passes here cannot fail there, and the id used for idempotency is the id written;</li>
 *   <li>contact key: 1 to {@value #MAX_CONTACT_KEY_LENGTH}, not blank (as everywhere else);</li>
 *   <li>at most {@value #MAX_ATTRIBUTES} attributes;</li>
 *   <li>a string value at most {@value #MAX_STRING_LENGTH} characters;</li>
 *   <li>the whole payload at most {@value #MAX_PAYLOAD_LENGTH} characters (64 Ki), counted as the sum over the
 *       attributes of the name's length plus the length of the value's {@link AttributeValues#canonical} text.
 *       This is what storing the event's attributes takes, whatever form the host sent them in.</li>
 * </ul>
 */
public final class EventCheck {

    /** Longest event id; the same as any other name written to history. */
    public static final int MAX_EVENT_ID_LENGTH = JourneyService.MAX_NAME_LENGTH;
    public static final int MAX_CONTACT_KEY_LENGTH = JourneyService.MAX_CONTACT_KEY_LENGTH;
    public static final int MAX_ATTRIBUTES = 64;
    public static final int MAX_STRING_LENGTH = 4_096;
    public static final int MAX_PAYLOAD_LENGTH = 65_536;
    /** How many of a plugin's problems one error message lists. */
    static final int MAX_PROBLEMS_SHOWN = 20;

    private EventCheck() {
    }

    /**
     * Checks {@code event} against {@code plugin}, converts its attributes, then asks the plugin's own
     * {@link TriggerPlugin#validate}.
     *
     * @return the converted attributes, unmodifiable, in the order the plugin declares them
     * @throws InvalidInputException for a blank or too long event id or contact key, a missing occurred-at time or
     *         attribute map, too many attributes, an attribute the plugin does not declare, a required attribute
     *         missing, a null or wrongly typed value, a string or payload too long, or problems the plugin reports
     * @throws PluginFailure when the plugin throws, answers null or declares its attributes inconsistently
     * @throws IllegalArgumentException when the event is of another trigger than {@code plugin} (a bug in the
     *         caller, which looks the plugin up by the event's trigger type)
     */
    public static Map<String, Object> check(TriggerPlugin plugin, TriggerEvent event) {
        return check(plugin, event, UNTIMED);
    }

    private static final PluginClock UNTIMED = new PluginClock(java.time.Duration.ZERO);

    /** As {@link #check(TriggerPlugin, TriggerEvent)}, with the plugin's own validation under {@code clock}. */
    public static Map<String, Object> check(TriggerPlugin plugin, TriggerEvent event, PluginClock clock) {
        Objects.requireNonNull(plugin, "plugin");
        if (event == null) {
            throw new InvalidInputException("event is required");
        }
        String trigger = key(plugin);
        if (!trigger.equals(event.triggerType())) {
            throw new IllegalArgumentException("an event of trigger " + AttributeValues.quote(event.triggerType())
                    + " was checked against plugin " + AttributeValues.quote(trigger));
        }
        eventId(event.eventId());
        contactKey(event.contactKey());
        if (event.occurredAt() == null) {
            throw new InvalidInputException("occurred-at time is required");
        }
        Map<String, Object> raw = event.attributes();
        if (raw == null) {
            throw new InvalidInputException("attributes are required; an event without any has an empty map");
        }
        if (raw.size() > MAX_ATTRIBUTES) {
            throw new InvalidInputException("event has " + raw.size() + " attributes, at most " + MAX_ATTRIBUTES);
        }
        Map<String, AttributeSpec> declared = declared(plugin);

        Map<String, Object> values = new HashMap<>();
        long payload = 0;
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
            String name = entry.getKey();
            if (name == null) {
                throw new InvalidInputException("attribute names must not be null");
            }
            AttributeSpec spec = declared.get(name);
            if (spec == null) {
                throw new InvalidInputException("attribute " + AttributeValues.quote(name)
                        + " is not declared by trigger " + AttributeValues.quote(trigger) + "; it declares "
                        + listed(declared));
            }
            if (entry.getValue() == null) {
                throw new InvalidInputException("attribute " + AttributeValues.quote(name)
                        + " is null; leave an attribute out of the event when it has no value");
            }
            Object value = AttributeValues.convert(spec, entry.getValue());
            if (value instanceof String s && s.length() > MAX_STRING_LENGTH) {
                throw new InvalidInputException("attribute " + AttributeValues.quote(name) + " is " + s.length()
                        + " characters long, at most " + MAX_STRING_LENGTH);
            }
            payload += name.length() + AttributeValues.canonical(spec.type(), value).length();
            values.put(name, value);
        }
        for (AttributeSpec spec : declared.values()) {
            if (spec.required() && !values.containsKey(spec.name())) {
                throw new InvalidInputException("attribute " + AttributeValues.quote(spec.name())
                        + " is required by trigger " + AttributeValues.quote(trigger) + " and missing");
            }
        }
        if (payload > MAX_PAYLOAD_LENGTH) {
            throw new InvalidInputException("event attributes come to " + payload
                    + " characters (names and values), at most " + MAX_PAYLOAD_LENGTH);
        }

        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String name : declared.keySet()) {
            if (values.containsKey(name)) {
                ordered.put(name, values.get(name));
            }
        }
        Map<String, Object> converted = Collections.unmodifiableMap(ordered);
        List<String> problems = clock.validate(trigger, plugin, converted);
        if (problems == null || problems.stream().anyMatch(Objects::isNull)) {
            throw new PluginFailure(trigger, "validate answered " + (problems == null ? "null" : "a null problem")
                    + " instead of a list of problems", null);
        }
        if (!problems.isEmpty()) {
            String shown = problems.stream().limit(MAX_PROBLEMS_SHOWN).collect(Collectors.joining("; "));
            String more = problems.size() > MAX_PROBLEMS_SHOWN
                    ? "; and " + (problems.size() - MAX_PROBLEMS_SHOWN) + " more" : "";
            throw new InvalidInputException("trigger " + AttributeValues.quote(trigger) + " rejected the event: "
                    + shown + more);
        }
        return converted;
    }

    /**
     * The attributes {@code plugin} declares, by name, in its order: what
     * {@link Conditions#validate(dev.journeys.api.Condition, Map)} checks conditions against.
     *
     * @throws PluginFailure when the plugin throws, answers null, or declares a blank, untyped or repeated name
     */
    public static Map<String, AttributeSpec> declared(TriggerPlugin plugin) {
        String trigger = key(plugin);
        List<AttributeSpec> specs = PluginFailure.guarded(trigger, "attributes", plugin::attributes);
        if (specs == null) {
            throw new PluginFailure(trigger, "attributes answered null", null);
        }
        Map<String, AttributeSpec> byName = new LinkedHashMap<>();
        for (AttributeSpec spec : specs) {
            if (spec == null || spec.name() == null || spec.name().isBlank() || spec.type() == null) {
                throw new PluginFailure(trigger, "declares an attribute without a name or type: " + spec, null);
            }
            if (byName.putIfAbsent(spec.name(), spec) != null) {
                throw new PluginFailure(trigger, "declares attribute " + AttributeValues.quote(spec.name())
                        + " twice", null);
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    static String key(TriggerPlugin plugin) {
        Objects.requireNonNull(plugin, "plugin");
        String key = PluginFailure.guarded(plugin.getClass().getName(), "key", plugin::key);
        if (key == null || key.isBlank()) {
            throw new PluginFailure(plugin.getClass().getName(), "key answered " + AttributeValues.quote(key), null);
        }
        return key;
    }

    private static void eventId(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("event id must not be blank");
        }
        if (id.length() > MAX_EVENT_ID_LENGTH) {
            throw new InvalidInputException("event id is longer than " + MAX_EVENT_ID_LENGTH + " characters");
        }
        if (!id.strip().equals(id)) {
            throw new InvalidInputException("event id must not start or end with whitespace, was "
                    + AttributeValues.quote(id));
        }
        if (Inputs.hasControlCharacter(id)) {
            throw new InvalidInputException("event id must not contain control characters");
        }
    }

    private static void contactKey(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("contact key must not be blank");
        }
        if (key.length() > MAX_CONTACT_KEY_LENGTH) {
            throw new InvalidInputException("contact key is longer than " + MAX_CONTACT_KEY_LENGTH + " characters");
        }
    }

    static String listed(Map<String, AttributeSpec> declared) {
        return declared.isEmpty() ? "no attributes"
                : declared.keySet().stream().map(AttributeValues::quote).collect(Collectors.joining(", "));
    }
}
