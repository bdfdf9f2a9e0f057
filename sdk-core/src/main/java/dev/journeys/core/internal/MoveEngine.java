package dev.journeys.core.internal;

import dev.journeys.api.Journey;
import dev.journeys.api.MoveOutcome;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.Rejection;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.rules.Decision;
import dev.journeys.core.internal.rules.MoveRules;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.core.internal.storage.PlacementState;
import dev.journeys.core.internal.storage.Storage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The one path every move takes: resolve, check the rules, write by compare-and-set, and only after
 * the commit update the cache and tell listeners.
 */
@Singleton
final class MoveEngine {

    private final Storage storage;
    private final JourneyCatalog catalog;
    private final PlacementCache placements;
    private final ListenerHub listeners;
    private final Clock clock;
    private final int maxAttempts;

    @Inject
    MoveEngine(Storage storage, JourneyCatalog catalog, PlacementCache placements, ListenerHub listeners,
               CoreSettings settings) {
        this.storage = storage;
        this.catalog = catalog;
        this.placements = placements;
        this.listeners = listeners;
        this.clock = settings.clock();
        this.maxAttempts = settings.maxMoveAttempts();
    }

    MoveOutcome move(String tenant, MoveRequest given) {
        MoveRequest request = Inputs.move(given);
        // Decisions are first made on cached state. A write is safe on stale state because the
        // compare-and-set catches it; a refusal or no-op is not, so those are confirmed on fresh reads.
        boolean fresh = false;
        int conflicts = 0;
        while (true) {
            Optional<Journey> found = catalog.find(tenant, request.journeyId(), fresh);
            if (found.isEmpty()) {
                if (fresh) {
                    return new MoveOutcome.Rejected(new Rejection.UnknownJourney(request.journeyId()));
                }
                fresh = true;
                continue;
            }
            Journey journey = found.get();
            PlacementState current = placements.get(tenant, journey.id(), request.contactKey(), fresh);
            Decision decision = MoveRules.decide(journey, current.stage(), request,
                    stage -> storage.journeyOfStage(tenant, stage));
            if (decision instanceof Decision.Accept accept) {
                Optional<Transition> written = storage.applyMove(tenant, write(journey, current, accept, request));
                if (written.isPresent()) {
                    return committed(tenant, written.get());
                }
                if (++conflicts >= maxAttempts) {
                    return new MoveOutcome.Rejected(new Rejection.Contention(conflicts));
                }
                fresh = true;
                continue;
            }
            if (!fresh) {
                fresh = true;
                continue;
            }
            return decision instanceof Decision.Refuse refuse
                    ? new MoveOutcome.Rejected(refuse.reason())
                    : new MoveOutcome.Unchanged(current.placement());
        }
    }

    private MoveWrite write(Journey journey, PlacementState current, Decision.Accept accept, MoveRequest request) {
        Instant now = now();
        return new MoveWrite(journey.id(), journey.version(), request.contactKey(), current.version(),
                accept.from(), accept.to(), now, now, request.source(), request.note());
    }

    /** Runs after the transaction has committed, never before. */
    MoveOutcome.Moved committed(String tenant, Transition transition) {
        placements.offer(tenant, new PlacementState(transition.journeyId(), transition.contactKey(), transition.to(),
                transition.effectiveAt(), transition.placementVersion()));
        listeners.committed(tenant, transition);
        return new MoveOutcome.Moved(transition);
    }

    /** Database timestamps keep microseconds; so does every instant the engine hands out. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
