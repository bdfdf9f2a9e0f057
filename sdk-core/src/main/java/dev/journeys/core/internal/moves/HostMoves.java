package dev.journeys.core.internal.moves;

import dev.journeys.api.InvalidInputException;
import dev.journeys.api.JourneyService;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.core.internal.input.Inputs;

/** A host's move request, checked and turned into the move the rules judge. */
public final class HostMoves {

    private HostMoves() {
    }

    /** The move a host's request asks for, with its source's texts trimmed, as they will be written to history. */
    public static Move of(MoveRequest request) {
        Inputs.required("move request", request);
        Inputs.contactKey(request.contactKey());
        Inputs.required("journey id", request.journeyId());
        Inputs.required("target", request.target());
        Inputs.required("expected stage", request.expected());
        Inputs.required("note", request.note());
        request.note().ifPresent(note -> {
            if (note.length() > JourneyService.MAX_NOTE_LENGTH) {
                throw new InvalidInputException("note is longer than " + JourneyService.MAX_NOTE_LENGTH + " characters");
            }
        });
        return new Move(request.contactKey(), request.journeyId(), request.target(), source(request.source()),
                request.expected(), request.note());
    }

    /** Returns the source with its texts trimmed: what is checked is exactly what gets written. */
    public static MoveSource source(MoveSource source) {
        Inputs.required("move source", source);
        if (source instanceof MoveSource.Manual manual) {
            return new MoveSource.Manual(Inputs.name("actor", manual.actor()));
        }
        if (source instanceof MoveSource.Automation automation) {
            if (automation.automationId() <= 0) {
                throw new InvalidInputException("automation id must be positive");
            }
            return new MoveSource.Automation(automation.automationId(), Inputs.name("event id", automation.eventId()));
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
        return new MoveSource.SystemPlugin(Inputs.name("plugin key", plugin.pluginKey()), Inputs.name("actor", plugin.actor()));
    }
}
