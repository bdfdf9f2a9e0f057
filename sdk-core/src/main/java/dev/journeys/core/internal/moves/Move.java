package dev.journeys.core.internal.moves;

import dev.journeys.api.ExpectedStage;
import dev.journeys.api.JourneyId;
import dev.journeys.api.MoveSource;
import dev.journeys.api.StageId;
import java.util.Optional;

/**
 * A move as the rules judge it, whatever asked for it: a host's request with the source the SDK made for it,
 * an automation's outcome, an import row, an undo, a status change, the relocation out of a removed stage.
 *
 * @param target the stage to put the contact in; empty takes it out of the journey
 */
public record Move(String contactKey, JourneyId journeyId, Optional<StageId> target, MoveSource source,
                   ExpectedStage expected, Optional<String> note) {

    public static Move to(String contactKey, JourneyId journeyId, StageId stage, MoveSource source) {
        return new Move(contactKey, journeyId, Optional.of(stage), source, ExpectedStage.any(), Optional.empty());
    }

    public static Move exit(String contactKey, JourneyId journeyId, MoveSource source) {
        return new Move(contactKey, journeyId, Optional.empty(), source, ExpectedStage.any(), Optional.empty());
    }

    public Move expecting(ExpectedStage expectation) {
        return new Move(contactKey, journeyId, target, source, expectation, note);
    }

    public Move withNote(Optional<String> text) {
        return new Move(contactKey, journeyId, target, source, expected, text);
    }
}
