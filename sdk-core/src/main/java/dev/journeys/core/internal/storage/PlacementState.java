package dev.journeys.core.internal.storage;

import dev.journeys.api.JourneyId;
import dev.journeys.api.Placement;
import dev.journeys.api.StageId;
import java.time.Instant;
import java.util.Optional;

/**
 * The placement row of one contact in one journey, including "not in the journey".
 * Version 0 means no row was ever written; an exit keeps the row (stage empty) so versions keep
 * growing and a compare-and-set can never be fooled by an exit and re-entry.
 */
public record PlacementState(
        JourneyId journeyId, String contactKey, Optional<StageId> stage, Instant since, long version) {

    public static PlacementState never(JourneyId journeyId, String contactKey) {
        return new PlacementState(journeyId, contactKey, Optional.empty(), Instant.EPOCH, 0);
    }

    public Optional<Placement> placement() {
        return stage.map(s -> new Placement(contactKey, journeyId, s, since, version));
    }
}
