package dev.journeys.core.internal;

import dev.journeys.api.InvalidInputException;
import dev.journeys.api.JourneyService;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.core.internal.automation.AttributeValues;
import dev.journeys.core.internal.rules.Move;
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
        if (AttributeValues.hasControlCharacter(stripped)) {
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

    /** The move a host's request asks for, with its source's texts trimmed, as they will be written to history. */
    static Move move(MoveRequest request) {
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
        return new Move(request.contactKey(), request.journeyId(), request.target(), source(request.source()),
                request.expected(), request.note());
    }

    /** Returns the source with its texts trimmed: what is checked is exactly what gets written. */
    static MoveSource source(MoveSource source) {
        required("move source", source);
        if (source instanceof MoveSource.Manual manual) {
            return new MoveSource.Manual(name("actor", manual.actor()));
        }
        if (source instanceof MoveSource.Automation automation) {
            if (automation.automationId() <= 0) {
                throw new InvalidInputException("automation id must be positive");
            }
            return new MoveSource.Automation(automation.automationId(), name("event id", automation.eventId()));
        }
        if (source instanceof MoveSource.Import imported) {
            if (imported.jobId() <= 0 || imported.line() <= 0) {
                throw new InvalidInputException("import job id and line must be positive");
            }
            return imported;
        }
        if (source instanceof MoveSource.ImportUndo) {
            // An undo may step back past the sequence rules; only the import service may make one.
            throw new InvalidInputException("undo moves come only from ImportService.undo");
        }
        MoveSource.SystemPlugin plugin = (MoveSource.SystemPlugin) source;
        return new MoveSource.SystemPlugin(name("plugin key", plugin.pluginKey()), name("actor", plugin.actor()));
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "'";
    }
}
