package dev.journeys.core.internal.moves;

import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.StageId;
import java.util.List;
import java.util.Optional;

/**
 * Journey definitions, as the move path and the definition changes read and write them. Scoped by tenant: no method returns another tenant's rows whatever ids it is given.
 * Failures surface as {@code JourneysException}s and leave nothing written.
 */
public interface JourneyStorage {

    /** @throws dev.journeys.api.DuplicateNameException if the name is taken in the tenant */
    Journey createJourney(String tenant, String name, Journey.Kind kind, boolean requiresSequence,
                          boolean allowsBackward, List<String> stageNames);

    Optional<Journey> findJourney(String tenant, JourneyId id);

    Optional<Journey> findJourneyByName(String tenant, String name);

    List<Journey> listJourneys(String tenant);

    /** The journey a stage belongs to, removed stages included. */
    Optional<StageOwner> ownerOfStage(String tenant, StageId stage);

    /**
     * Applies {@code change} if the journey is still at {@code expectedVersion}.
     *
     * @return the journey as changed
     * @throws dev.journeys.api.ConcurrentChangeException if it is not
     */
    Journey changeJourney(String tenant, JourneyId id, long expectedVersion, JourneyChange change);
}
