package dev.journeys.core.internal.moves;

import dev.journeys.api.InvalidInputException;
import dev.journeys.api.JourneyService;
import dev.journeys.api.MoveRequest;
import dev.journeys.core.internal.input.Inputs;

/** A host's move request, checked and turned into the move the rules judge. */
public final class HostMoves {

    private HostMoves() {
    }

    /** The move a host's request asks for, with its actor's name trimmed, as it will be written to history. */
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
        return new Move(request.contactKey(), request.journeyId(), request.target(), Inputs.actor(request.actor()),
                request.expected(), request.note());
    }
}
