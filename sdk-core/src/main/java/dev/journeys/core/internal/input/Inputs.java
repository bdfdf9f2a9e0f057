package dev.journeys.core.internal.input;

import dev.journeys.api.Actor;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.JourneyService;
import java.util.regex.Pattern;

/** Checks what hosts pass in, so that bad input fails with a typed error before anything is written. */
public final class Inputs {

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Inputs() {
    }

    public static String tenant(String tenant) {
        if (tenant == null || !TENANT.matcher(tenant).matches()) {
            throw new InvalidInputException("tenant must be 1-64 letters, digits, '.', '_' or '-', was " + quote(tenant));
        }
        return tenant;
    }

    /** Returns the name without surrounding spaces. */
    public static String name(String what, String value) {
        if (value == null) {
            throw new InvalidInputException(what + " is required");
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInputException(what + " must not be blank");
        }
        if (stripped.length() > JourneyService.MAX_NAME_LENGTH) {
            throw new InvalidInputException(what + " is longer than " + JourneyService.MAX_NAME_LENGTH + " characters");
        }
        if (hasControlCharacter(stripped)) {
            throw new InvalidInputException(what + " must not contain control characters");
        }
        return stripped;
    }

    public static String contactKey(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("contact key must not be blank");
        }
        if (key.length() > JourneyService.MAX_CONTACT_KEY_LENGTH) {
            throw new InvalidInputException("contact key is longer than " + JourneyService.MAX_CONTACT_KEY_LENGTH + " characters");
        }
        return key;
    }

    public static <T> T required(String what, T value) {
        if (value == null) {
            throw new InvalidInputException(what + " is required");
        }
        return value;
    }

    /** The actor with its name trimmed, as it will be written to history. */
    public static Actor actor(Actor actor) {
        required("actor", actor);
        String name = name("actor name", actor.name());
        return actor instanceof Actor.Integration ? new Actor.Integration(name) : new Actor.Person(name);
    }

    /** Whether {@code s} holds a control character; a loop, since every event's ids pass here. */
    public static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "'";
    }
}
