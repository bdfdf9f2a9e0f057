package dev.journeys.core.internal;

import dev.journeys.api.InvalidInputException;
import dev.journeys.api.JourneyService;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import java.util.regex.Pattern;

/** Checks what hosts pass in, so that bad input fails with a typed error before anything is written. */
final class Inputs {

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Inputs() {
    }

    static String tenant(String tenant) {
        if (tenant == null || !TENANT.matcher(tenant).matches()) {
            throw new InvalidInputException("tenant must be 1-64 letters, digits, '.', '_' or '-', was " + quote(tenant));
        }
        return tenant;
    }

    /** Returns the name without surrounding spaces. */
    static String name(String what, String value) {
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
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(what + " must not contain control characters");
        }
        return stripped;
    }

    static String contactKey(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("contact key must not be blank");
        }
        if (key.length() > JourneyService.MAX_CONTACT_KEY_LENGTH) {
            throw new InvalidInputException("contact key is longer than " + JourneyService.MAX_CONTACT_KEY_LENGTH + " characters");
        }
        return key;
    }

    static <T> T required(String what, T value) {
        if (value == null) {
            throw new InvalidInputException(what + " is required");
        }
        return value;
    }

    static void move(MoveRequest request) {
        required("move request", request);
        contactKey(request.contactKey());
        required("journey id", request.journeyId());
        required("target", request.target());
        required("expected stage", request.expected());
        required("note", request.note());
        request.note().ifPresent(note -> {
            if (note.length() > JourneyService.MAX_NOTE_LENGTH) {
                throw new InvalidInputException("note is longer than " + JourneyService.MAX_NOTE_LENGTH + " characters");
            }
        });
        source(request.source());
    }

    static MoveSource source(MoveSource source) {
        required("move source", source);
        if (source instanceof MoveSource.Manual manual) {
            name("actor", manual.actor());
        } else if (source instanceof MoveSource.Automation automation) {
            name("event id", automation.eventId());
        } else if (source instanceof MoveSource.Import imported) {
            if (imported.jobId() <= 0 || imported.line() <= 0) {
                throw new InvalidInputException("import job id and line must be positive");
            }
        } else if (source instanceof MoveSource.SystemPlugin plugin) {
            name("plugin key", plugin.pluginKey());
            name("actor", plugin.actor());
        }
        return source;
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "'";
    }
}
