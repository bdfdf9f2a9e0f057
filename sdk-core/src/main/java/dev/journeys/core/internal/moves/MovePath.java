package dev.journeys.core.internal.moves;

import dev.journeys.api.Journey;
import dev.journeys.api.MoveOutcome;
import dev.journeys.api.Rejection;
import dev.journeys.api.RunRecord;
import dev.journeys.api.Transition;
import dev.journeys.api.TriggerEvent;
import dev.journeys.core.internal.config.CoreSettings;
import dev.journeys.core.internal.storage.Batch;
import dev.journeys.core.internal.storage.Commit;
import dev.journeys.core.internal.storage.MoveStorage;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.core.internal.storage.PlacementState;
import dev.journeys.core.internal.storage.WriteTransaction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every write that places a contact takes, whatever its source: manual moves, automation
 * outcomes and their chain steps, import rows, undo, status changes and the relocation out of a removed stage.
 * <ol>
 *   <li>The source's {@link Planner} reads and asks {@link #decide}, the one rules function, and says what
 *       to write.</li>
 *   <li>The batch goes to storage through its one entry, {@link WriteTransaction#write}, in one transaction.</li>
 *   <li>A lost compare-and-set plans again on fresh reads, up to {@code maxMoveAttempts}: the one retry
 *       policy, in {@link #attempt}.</li>
 *   <li>After the commit, and only then, {@link #follow}: the cache takes the placements, listeners hear of
 *       them, and automations get their chain steps.</li>
 * </ol>
 */
@Singleton
public final class MovePath {

    private static final Logger LOG = LoggerFactory.getLogger(MovePath.class);

    /** What runs automations after a commit; set once by the automation engine. */
    public interface Automations {
        List<RunRecord> stageChanged(String tenant, Transition transition, int depth);

        List<RunRecord> fire(String tenant, TriggerEvent event);
    }

    private static final Automations NONE = new Automations() {
        @Override
        public List<RunRecord> stageChanged(String tenant, Transition transition, int depth) {
            return List.of();
        }

        @Override
        public List<RunRecord> fire(String tenant, TriggerEvent event) {
            return List.of();
        }
    };

    private final MoveStorage storage;
    private final JourneyStorage journeys;
    private final JourneyCatalog catalog;
    private final PlacementCache placements;
    private final ListenerHub listeners;
    private final Clock clock;
    private final int maxAttempts;
    private volatile Automations automations = NONE;

    @Inject
    MovePath(MoveStorage storage, JourneyStorage journeys, JourneyCatalog catalog, PlacementCache placements, ListenerHub listeners,
             CoreSettings settings) {
        this.storage = storage;
        this.journeys = journeys;
        this.catalog = catalog;
        this.placements = placements;
        this.listeners = listeners;
        this.clock = settings.clock();
        this.maxAttempts = settings.maxMoveAttempts();
    }

    public void afterCommit(Automations hook) {
        this.automations = hook;
    }

    // ---- 1. The rules -----------------------------------------------------------------------------

    /** The rules of one move: every source is judged by this one function. */
    public Decision decide(String tenant, Journey journey, PlacementState current, Move move) {
        return MoveRules.decide(journey, current.stage(), move, stage -> journeys.ownerOfStage(tenant, stage));
    }

    /** The write of an accepted move, compare-and-set on the placement and journey versions it was decided on. */
    public MoveWrite write(Journey journey, PlacementState current, Decision.Accept accept, Move move,
                    Instant effectiveAt, Instant recordedAt) {
        return new MoveWrite(journey.id(), journey.version(), move.contactKey(), current.version(), current.since(),
                accept.from(), accept.to(), effectiveAt, recordedAt, move.source(), move.note());
    }

    /** Database timestamps keep microseconds; so does every instant the engine hands out. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A host's own move. Decisions are first made on cached state: a write is safe on stale state because
     * the compare-and-set catches it; a refusal or a no-op is not, so those are confirmed on fresh reads.
     */
    public MoveOutcome move(String tenant, Move move) {
        return run(tenant, new Planner<>() {
            @Override
            public Plan<MoveOutcome> plan(boolean fresh) {
                Optional<Journey> found = catalog.find(tenant, move.journeyId(), fresh);
                if (found.isEmpty()) {
                    return fresh ? Plan.done(new MoveOutcome.Rejected(new Rejection.UnknownJourney(move.journeyId())))
                            : Plan.unsure();
                }
                Journey journey = found.get();
                PlacementState current = placements.get(tenant, journey.id(), move.contactKey(), fresh);
                Decision decision = decide(tenant, journey, current, move);
                if (decision instanceof Decision.Accept accept) {
                    Instant now = now();
                    return Plan.write(Batch.of(write(journey, current, accept, move, now, now)), FollowUp.CHAINED,
                            (commit, chains) -> new MoveOutcome.Moved(commit.transitions().get(0)));
                }
                if (!fresh) {
                    return Plan.unsure();
                }
                return Plan.done(decision instanceof Decision.Refuse refuse
                        ? new MoveOutcome.Rejected(refuse.reason())
                        : new MoveOutcome.Unchanged(current.placement()));
            }

            @Override
            public MoveOutcome contention(int attempts) {
                return new MoveOutcome.Rejected(new Rejection.Contention(attempts));
            }
        });
    }

    // ---- 2 and 3. One storage entry, one retry policy ---------------------------------------------

    /** Plans and writes in a transaction of its own per attempt, up to {@code maxMoveAttempts} attempts. */
    public <R> R run(String tenant, Planner<R> planner) {
        return run(tenant, planner, maxAttempts);
    }

    /** As {@link #run(String, Planner)}, giving up after {@code attempts} lost compare-and-sets. */
    public <R> R run(String tenant, Planner<R> planner, int attempts) {
        return attempt(planner, attempts, (batch, followUp) -> {
            Commit commit;
            try (WriteTransaction tx = storage.begin(tenant, false)) {
                commit = tx.write(batch);
                if (commit instanceof Commit.Applied) {
                    tx.commit();
                } else {
                    tx.rollback();
                }
            }
            // The connection is back in the pool before chain steps take their own.
            return new Written(commit, commit instanceof Commit.Applied applied
                    ? follow(tenant, applied, followUp) : List.of());
        });
    }

    /**
     * Plans and writes inside {@code tx}, whose locked reads the planner uses. Each applied write is committed,
     * and a lost compare-and-set is rolled back and planned again, as above.
     */
    public <R> R runCommitting(MoveTransaction tx, Planner<R> planner) {
        return attempt(planner, maxAttempts, (batch, followUp) -> {
            Commit commit = tx.write(batch, followUp);
            if (commit instanceof Commit.Applied) {
                return new Written(commit, tx.commit());
            }
            tx.rollback();
            return new Written(commit, List.of());
        });
    }

    /**
     * Plans and writes inside {@code tx} and leaves the transaction open, for a source that commits many
     * writes at once (an atomic import). Nothing before can be planned again, so a lost compare-and-set is
     * answered by {@link Planner#contention} at once, and the caller must roll back.
     */
    public <R> R runUncommitted(MoveTransaction tx, Planner<R> planner) {
        return attempt(planner, 1, (batch, followUp) -> new Written(tx.write(batch, followUp), List.of()));
    }

    private record Written(Commit commit, List<List<RunRecord>> chains) {
    }

    private interface Attempt {
        Written write(Batch batch, FollowUp followUp);
    }

    /** The retry policy, the same for every source: a lost compare-and-set plans again on fresh reads. */
    private static <R> R attempt(Planner<R> planner, int attempts, Attempt attempt) {
        int conflicts = 0;
        boolean fresh = false;
        while (true) {
            Plan<R> plan = planner.plan(fresh);
            if (plan instanceof Plan.Done<R> done) {
                return done.result();
            }
            if (plan instanceof Plan.Unsure<R>) {
                if (fresh) {
                    throw new IllegalStateException("a plan made on fresh reads cannot ask for fresh reads");
                }
                fresh = true;
                continue;
            }
            Plan.Write<R> write = (Plan.Write<R>) plan;
            Written written = attempt.write(write.batch(), write.followUp());
            if (written.commit() instanceof Commit.Applied applied) {
                return write.applied().result(applied, written.chains());
            }
            if (written.commit() instanceof Commit.Duplicate) {
                return write.duplicate().get();
            }
            if (++conflicts >= attempts) {
                return planner.contention(conflicts);
            }
            fresh = true;
        }
    }

    /** A transaction for a source that decides on locked reads; see {@link MoveTransaction}. */
    public MoveTransaction begin(String tenant, boolean readOnly, Optional<MoveTransaction.ReadBack> readBack) {
        return new MoveTransaction(this, tenant, storage.begin(tenant, readOnly), readBack);
    }

    // ---- 4. After the commit ----------------------------------------------------------------------

    /**
     * The one after-commit step, run once a write has committed and never before: the cache takes the new
     * placements (and the journey a stage removal changed), listeners hear of each move, the events the write
     * caused reach automations, and each move is offered to {@code journey.stage_changed}.
     *
     * @return the chain records of each move, in order
     */
    public List<List<RunRecord>> follow(String tenant, Commit.Applied applied, FollowUp followUp) {
        applied.journey().ifPresent(journey -> catalog.offer(tenant, journey));
        settle(tenant, applied.transitions());
        for (TriggerEvent event : followUp.events().apply(applied)) {
            automations.fire(tenant, event);
        }
        return chains(tenant, applied.transitions(), followUp);
    }

    /** {@link #follow(String, Commit.Applied, FollowUp)} for moves alone, read back after a large commit. */
    public void follow(String tenant, List<Transition> transitions, FollowUp followUp) {
        settle(tenant, transitions);
        chains(tenant, transitions, followUp);
    }

    private void settle(String tenant, List<Transition> transitions) {
        for (Transition t : transitions) {
            placements.offer(tenant, new PlacementState(t.journeyId(), t.contactKey(), t.to(), t.effectiveAt(),
                    t.placementVersion()));
        }
        for (Transition t : transitions) {
            listeners.committed(tenant, t);
        }
    }

    private List<List<RunRecord>> chains(String tenant, List<Transition> transitions, FollowUp followUp) {
        List<List<RunRecord>> chains = new ArrayList<>(transitions.size());
        for (Transition t : transitions) {
            chains.add(followUp.chainDepth() == 0 ? List.of() : chain(tenant, t, followUp));
        }
        return chains;
    }

    private List<RunRecord> chain(String tenant, Transition t, FollowUp followUp) {
        if (followUp.chainFailuresThrow()) {
            return automations.stageChanged(tenant, t, followUp.chainDepth());
        }
        try {
            return automations.stageChanged(tenant, t, followUp.chainDepth());
        } catch (RuntimeException e) {
            // The move stands; the automation's failure is its own, and its run log says what it could.
            LOG.warn("Automations on the stage change of transition {} failed", t.id(), e);
            return List.of();
        }
    }
}
