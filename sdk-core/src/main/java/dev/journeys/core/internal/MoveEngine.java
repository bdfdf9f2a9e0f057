package dev.journeys.core.internal;

import dev.journeys.api.Journey;
import dev.journeys.api.MoveOutcome;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.Rejection;
import dev.journeys.api.Transition;
import dev.journeys.api.RunRecord;
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
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every move takes: resolve, check the rules, write by compare-and-set, and only after
 * the commit update the cache and tell listeners.
 */
@Singleton
final class MoveEngine {

    private static final Logger LOG = LoggerFactory.getLogger(MoveEngine.class);

    private final Storage storage;
    private final JourneyCatalog catalog;
    private final PlacementCache placements;
    private final ListenerHub listeners;
    private final Clock clock;
    private final int maxAttempts;
    private volatile ChainHook chain = (tenant, transition, depth) -> List.of();

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
            Decision decision = decide(tenant, journey, current, request);
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

    /**
     * The rules of one move, for this engine and for callers that write several moves in one
     * transaction (automations): every source is judged by this one function.
     */
    Decision decide(String tenant, Journey journey, PlacementState current, MoveRequest request) {
        return MoveRules.decide(journey, current.stage(), request, stage -> storage.journeyOfStage(tenant, stage));
    }

    /** The write of an accepted move, compare-and-set on the placement and journey versions it was decided on. */
    MoveWrite write(Journey journey, PlacementState current, Decision.Accept accept, MoveRequest request) {
        Instant now = now();
        return write(journey, current, accept, request, now, now);
    }

    /** As {@link #write(Journey, PlacementState, Decision.Accept, MoveRequest)}, effective at a time of the caller's. */
    MoveWrite write(Journey journey, PlacementState current, Decision.Accept accept, MoveRequest request,
                    Instant effectiveAt, Instant recordedAt) {
        return new MoveWrite(journey.id(), journey.version(), request.contactKey(), current.version(), current.since(),
                accept.from(), accept.to(), effectiveAt, recordedAt, request.source(), request.note());
    }

    /** What runs automations on {@code journey.stage_changed}; set once by the automation engine. */
    interface ChainHook {
        List<RunRecord> stageChanged(String tenant, Transition transition, int depth);
    }

    void afterCommit(ChainHook hook) {
        this.chain = hook;
    }

    /**
     * Runs after the transaction has committed, never before: the cache takes the placement, listeners
     * hear of it, and {@code journey.stage_changed} automations get their chance.
     */
    MoveOutcome.Moved committed(String tenant, Transition transition) {
        committedQuietly(tenant, transition);
        try {
            chain.stageChanged(tenant, transition, 1);
        } catch (RuntimeException e) {
            // The move stands; the automation's failure is its own, and its run log says what it could.
            LOG.warn("Automations on the stage change of transition {} failed", transition.id(), e);
        }
        return new MoveOutcome.Moved(transition);
    }

    /** The cache and listeners only; for callers that run chains themselves, at their own depth. */
    void committedQuietly(String tenant, Transition transition) {
        placements.offer(tenant, new PlacementState(transition.journeyId(), transition.contactKey(), transition.to(),
                transition.effectiveAt(), transition.placementVersion()));
        listeners.committed(tenant, transition);
    }

    /** Database timestamps keep microseconds; so does every instant the engine hands out. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
