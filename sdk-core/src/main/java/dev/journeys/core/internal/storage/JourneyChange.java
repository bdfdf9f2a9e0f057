package dev.journeys.core.internal.storage;

import dev.journeys.api.MoveSource;
import dev.journeys.api.StageId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A change to a journey definition, applied by storage only if the definition is still at the version read. */
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

    /** Removes a stage; when {@code moveTo} is present its contacts are moved there first, with history. */
    record RemoveStage(StageId stage, Optional<StageId> moveTo, MoveSource source, Instant at) implements JourneyChange {
    }
}
