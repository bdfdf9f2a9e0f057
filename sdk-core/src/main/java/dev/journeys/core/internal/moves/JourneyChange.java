package dev.journeys.core.internal.moves;

import dev.journeys.api.StageId;
import java.util.List;

/**
 * A change to a journey definition that moves nobody, applied by storage only if the definition is still at
 * the version read. Removing a stage moves its contacts, so it is a {@link StageRemoval} on the move path.
 */
public sealed interface JourneyChange {

    record Rename(String name) implements JourneyChange {
    }

    record Archive() implements JourneyChange {
    }

    record AddStage(String name) implements JourneyChange {
    }

    record RenameStage(StageId stage, String name) implements JourneyChange {
    }

    record SetExpectedDays(StageId stage, java.util.OptionalInt days) implements JourneyChange {
    }

    record Reorder(List<StageId> order) implements JourneyChange {
    }
}
