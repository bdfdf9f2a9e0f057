package dev.journeys.core.internal.imports;

import dev.journeys.api.Actor;
import dev.journeys.api.ImportJob;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.MoveSource;
import dev.journeys.api.NotFoundException;
import dev.journeys.api.ReasonCode;
import dev.journeys.api.StorageException;
import dev.journeys.api.UndoReport;
import dev.journeys.core.internal.moves.Decision;
import dev.journeys.core.internal.moves.FollowUp;
import dev.journeys.core.internal.moves.Move;
import dev.journeys.core.internal.moves.MoveTransaction;
import dev.journeys.core.internal.moves.Plan;
import dev.journeys.core.internal.moves.Planner;
import dev.journeys.core.internal.storage.Batch;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.core.internal.storage.PlacementState;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reverts an import job: each contact it moved goes back where the job found it, by one compensating
 * move per contact and journey, decided by {@link MovePath#decide} and written by compare-and-set
 * against the version the job's last move of it produced. A contact that moved since is left alone.
 */
@Singleton
public final class ImportUndo {

    private static final int BATCH = 1_000;

    private final ImportEngine engine;

    @Inject
    ImportUndo(ImportEngine engine) {
        this.engine = engine;
    }

    UndoReport undo(String tenant, long jobId, Actor actor) {
        ImportJob job = engine.storage.importJob(tenant, jobId).orElseThrow(() -> NotFoundException.importJob(jobId));
        if (job.status() == ImportJob.Status.RUNNING) {
            throw new InvalidInputException("import job " + jobId + " is still running, or its process died; "
                    + "it cannot be undone while it may still write");
        }
        boolean committedNothing = job.moved() == 0
                || (job.mode() == dev.journeys.api.ImportMode.ATOMIC && job.status() != ImportJob.Status.COMPLETED);
        if (committedNothing) {
            throw new InvalidInputException("import job " + jobId + " committed no move; there is nothing to undo");
        }
        if (job.undoneAt().isPresent() || !engine.storage.claimUndo(tenant, jobId, engine.moves.now())) {
            throw new InvalidInputException("import job " + jobId + " was undone already");
        }
        Progress progress = new Progress(jobId);
        List<UndoTarget> batch = new ArrayList<>(BATCH);
        MoveSource source = new MoveSource.ImportUndo(jobId, actor);
        engine.storage.forEachUndoTarget(tenant, jobId, target -> {
            batch.add(target);
            if (batch.size() == BATCH) {
                revert(tenant, batch, source, progress);
                batch.clear();
            }
        });
        revert(tenant, batch, source, progress);
        return new UndoReport(jobId, progress.reverted, progress.refused, progress.refusals);
    }

    private void revert(String tenant, List<UndoTarget> batch, MoveSource source, Progress progress) {
        if (batch.isEmpty()) {
            return;
        }
        try (MoveTransaction tx = engine.moves.begin(tenant, false, Optional.empty())) {
            engine.moves.runCommitting(tx, new Planner<Boolean>() {
                @Override
                public Plan<Boolean> plan(boolean fresh) {
                    Progress tried = progress.copy();
                    return Plan.write(Batch.of(decide(tenant, tx, batch, source, tried)), FollowUp.CHAINED,
                            (commit, chains) -> {
                                progress.take(tried);
                                return true;
                            });
                }

                @Override
                public Boolean contention(int attempts) {
                    throw new StorageException("other writers kept moving the contacts of this undo; gave up after "
                            + attempts + " attempts", null);
                }
            });
        }
    }

    private List<MoveWrite> decide(String tenant, MoveTransaction session, List<UndoTarget> batch, MoveSource source,
                                   Progress progress) {
        Map<JourneyId, List<UndoTarget>> byJourney = batch.stream()
                .collect(Collectors.groupingBy(UndoTarget::journeyId, LinkedHashMap::new, Collectors.toList()));
        List<MoveWrite> writes = new ArrayList<>();
        Instant now = engine.moves.now();
        byJourney.forEach((journeyId, targets) -> {
            session.lockJourney(journeyId);
            Optional<Journey> journey = engine.catalog.find(tenant, journeyId, true);
            Map<String, PlacementState> current = session.placements(journeyId,
                    targets.stream().map(UndoTarget::contactKey).toList());
            for (UndoTarget target : targets) {
                PlacementState placement = current.get(target.contactKey());
                if (journey.isEmpty()) {
                    progress.refuse(target, ReasonCode.UNKNOWN_JOURNEY, "the journey is gone");
                    continue;
                }
                if (placement.version() != target.lastVersion()) {
                    progress.refuse(target, ReasonCode.MOVED_SINCE, "the contact moved after the import; it is left where it is");
                    continue;
                }
                Move request = target.before()
                        .map(stage -> Move.to(target.contactKey(), journeyId, stage, source))
                        .orElseGet(() -> Move.exit(target.contactKey(), journeyId, source));
                Decision decision = engine.moves.decide(tenant, journey.get(), placement, request);
                if (decision instanceof Decision.Accept accept) {
                    writes.add(engine.moves.write(journey.get(), placement, accept, request, now, now));
                    progress.reverted++;
                } else if (decision instanceof Decision.Refuse refuse) {
                    progress.refuse(target, refuse.reason().code(), refuse.reason().message());
                }
            }
        });
        return writes;
    }

    private static final class Progress {
        final long jobId;
        long reverted;
        long refused;
        List<UndoReport.Refusal> refusals = new ArrayList<>();

        Progress(long jobId) {
            this.jobId = jobId;
        }

        void refuse(UndoTarget target, ReasonCode code, String message) {
            refused++;
            if (refusals.size() < UndoReport.MAX_LISTED_REFUSALS) {
                refusals.add(new UndoReport.Refusal(target.contactKey(), target.journeyId(), code, message));
            }
        }

        Progress copy() {
            Progress p = new Progress(jobId);
            p.reverted = reverted;
            p.refused = refused;
            p.refusals = new ArrayList<>(refusals);
            return p;
        }

        void take(Progress other) {
            reverted = other.reverted;
            refused = other.refused;
            refusals = other.refusals;
        }
    }
}
