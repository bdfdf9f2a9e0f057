package dev.journeys.core.internal.moves;

import dev.journeys.api.JourneyId;
import dev.journeys.api.Placement;
import dev.journeys.api.StageId;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.storage.PlacementState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Placements and history as they are read; they are written only through {@link dev.journeys.core.internal.storage.WriteTransaction#write}.
 * Failures surface as {@code JourneysException}s and leave nothing written.
 */
public interface PlacementStorage {

    PlacementState loadPlacement(String tenant, JourneyId journey, String contactKey);

    List<Placement> placementsOfContact(String tenant, String contactKey);

    /**
     * Contacts in the stage, longest in it first (entry time, then contact key), past {@code after} when
     * present, and only those that entered it before {@code enteredBefore} when that is present.
     */
    List<Placement> placementsInStage(String tenant, JourneyId journey, StageId stage, Optional<Instant> enteredBefore,
                                      Optional<StagePosition> after, int limit);

    Map<StageId, Long> countByStage(String tenant, JourneyId journey);

    List<Transition> history(String tenant, JourneyId journey, String contactKey);
}
