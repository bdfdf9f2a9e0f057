package dev.journeys.core.internal.imports;

import dev.journeys.api.ImportMode;
import dev.journeys.api.ImportOutcome;
import dev.journeys.api.ImportReport;
import dev.journeys.api.ImportRequest;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyRef;
import dev.journeys.api.JourneysException;
import dev.journeys.api.MoveSource;
import dev.journeys.api.ReasonCode;
import dev.journeys.api.RowRejection;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.StageRef;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.imports.Columns.Column;
import dev.journeys.core.internal.moves.Decision;
import dev.journeys.core.internal.moves.FollowUp;
import dev.journeys.core.internal.moves.Move;
import dev.journeys.core.internal.moves.MoveTransaction;
import dev.journeys.core.internal.moves.Plan;
import dev.journeys.core.internal.moves.Planner;
import dev.journeys.core.internal.storage.Batch;
import dev.journeys.core.internal.storage.JobRecord;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.core.internal.storage.PlacementState;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import of one file, row by row in file order, batch by batch. Each batch is decided on the
 * placements its transaction read (and locked), so a file can walk a contact through consecutive stages;
 * every row is judged by {@link MovePath#decide}, like every other move, and each batch is written through
 * the move path: committed one by one in best effort, all at the end when atomic.
 */
final class ImportRun {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);

    private record Key(long journey, String contact) {
    }

    private final ImportEngine engine;
    private final String tenant;
    private final ImportRequest request;
    private final long jobId;
    private final List<Long> earlierJobs;
    private final BooleanSupplier cancelled;
    private final boolean dry;
    private final Instant startedAt;
    private final List<String> warnings = new ArrayList<>();
    /** Placements as this run has left them: for the current batch, or for the whole file in a dry run. */
    private final Map<Key, PlacementState> placed = new HashMap<>();
    private final Map<String, Optional<Journey>> journeys = new HashMap<>();
    private Tally tally;
    private Columns columns;
    private long movesCommitted;
    private long[] transitionRange = {0, 0};

    ImportRun(ImportEngine engine, String tenant, ImportRequest request, long jobId, List<Long> earlierJobs,
              BooleanSupplier cancelled, Instant startedAt) {
        this.engine = engine;
        this.tenant = tenant;
        this.request = request;
        this.jobId = jobId;
        this.earlierJobs = earlierJobs;
        this.cancelled = cancelled;
        this.dry = request.mode() == ImportMode.DRY_RUN;
        this.startedAt = startedAt;
        this.tally = new Tally(request.maxReportedRejections());
    }

    ImportReport execute() {
        ImportOutcome outcome = ImportOutcome.COMPLETED;
        Optional<String> failure = Optional.empty();
        try (InputStream in = request.source().open();
             CsvFile csv = new CsvFile(in);
             MoveTransaction session = engine.moves.begin(tenant, dry, Optional.of(this::readBack))) {
            ProgressMeter meter = new ProgressMeter(request.onProgress(), request.progressInterval(),
                    request.source().size(), System::nanoTime);
            try {
                outcome = readAll(csv, session, meter);
            } finally {
                if (csv.blankLines() > 0) {
                    warnings.add(csv.blankLines() + " blank line(s) skipped");
                }
                meter.report(tally, csv.bytesRead());
            }
            outcome = finish(session, outcome);
        } catch (ImportFileException e) {
            outcome = ImportOutcome.FAILED;
            failure = Optional.of(e.getMessage());
        } catch (IOException e) {
            outcome = ImportOutcome.FAILED;
            failure = Optional.of("the file cannot be read: " + e.getMessage());
        } catch (JourneysException e) {
            LOG.warn("Import job {} of tenant {} failed", jobId, tenant, e);
            outcome = ImportOutcome.FAILED;
            failure = Optional.of("the database failed: " + e.getMessage());
        } catch (RuntimeException e) {
            // A bug of ours must still end the job on record, not leave it running for ever.
            LOG.error("Import job {} of tenant {} failed unexpectedly", jobId, tenant, e);
            outcome = ImportOutcome.FAILED;
            failure = Optional.of("unexpected failure: " + e);
        }
        Instant finishedAt = engine.moves.now();
        if (outcome == ImportOutcome.COMPLETED && dry) {
            outcome = ImportOutcome.CHECKED;
        }
        if (!(outcome == ImportOutcome.COMPLETED && request.mode() == ImportMode.ATOMIC)) {
            engine.recordEnd(tenant, jobId, request.mode(), outcome, tally, failure, finishedAt);
        }
        return new ImportReport(jobId == 0 ? Optional.empty() : Optional.of(jobId), request.mode(), outcome,
                tally.rows(), tally.moved(), tally.unchanged(), tally.rejected(), movesCommitted, tally.listed(),
                warnings, failure, startedAt, finishedAt);
    }

    private ImportOutcome readAll(CsvFile csv, MoveTransaction session, ProgressMeter meter) {
        RawRow header = csv.next().orElseThrow(() -> new ImportFileException(1, "the file is empty: no header row", null));
        columns = Columns.of(header, request.journey().isPresent());
        warnings.addAll(columns.warnings());
        RowReader reader = new RowReader(columns);
        List<RowReader.Result> batch = new ArrayList<>(request.batchSize());
        try {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    flush(session, batch);
                    return ImportOutcome.CANCELLED;
                }
                Optional<RawRow> raw = csv.next();
                if (raw.isEmpty()) {
                    break;
                }
                batch.add(reader.read(raw.get(), engine.moves.now()));
                if (batch.size() >= request.batchSize()) {
                    flush(session, batch);
                    meter.maybeReport(tally, csv.bytesRead());
                }
            }
        } catch (ImportFileException e) {
            // The rows before the bad record are good rows: decide them, then stop.
            flush(session, batch);
            throw e;
        }
        flush(session, batch);
        if (tally.rows() == 0) {
            warnings.add("the file has a header but no data rows");
        }
        return ImportOutcome.COMPLETED;
    }

    /** Decides and writes one batch; a lost compare-and-set decides it again on fresh placements. */
    private void flush(MoveTransaction session, List<RowReader.Result> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Tally before = tally.copy();
        try {
            decideAndWrite(session, batch, before);
        } catch (RuntimeException e) {
            // Nothing of this batch is kept, so nothing of it is counted.
            tally = before;
            throw e;
        } finally {
            batch.clear();
        }
    }

    private void decideAndWrite(MoveTransaction session, List<RowReader.Result> batch, Tally before) {
        if (dry) {
            decide(session, batch, new ArrayList<>());
            return;
        }
        Planner<Boolean> planner = new Planner<>() {
            @Override
            public Plan<Boolean> plan(boolean fresh) {
                if (fresh) {
                    // A lost compare-and-set rolled the batch back: decide it again from where it started.
                    tally = before.copy();
                    placed.clear();
                }
                List<RowRejection> rejections = new ArrayList<>();
                Batch write = Batch.of(decide(session, batch, rejections));
                if (request.mode() == ImportMode.BEST_EFFORT) {
                    write = write.with(new JobRecord(jobId, rejections, Optional.of(engine.progress(
                            dev.journeys.api.ImportJob.Status.RUNNING, tally, Optional.empty(), engine.moves.now(),
                            Optional.empty()))));
                }
                return Plan.write(write, followUp(), (commit, chains) -> kept(session, rejections, commit.transitions()));
            }

            @Override
            public Boolean contention(int attempts) {
                tally = before.copy();
                placed.clear();
                if (request.mode() == ImportMode.ATOMIC) {
                    // Rolling back would take every batch before with it: all or nothing, so nothing.
                    throw new dev.journeys.api.StorageException("another writer moved a contact of the file while it"
                            + " was being imported; nothing was committed: run the import again", null);
                }
                throw new dev.journeys.api.StorageException(
                        "other writers kept moving the same contacts; gave up after " + attempts + " attempts", null);
            }
        };
        if (request.mode() == ImportMode.ATOMIC) {
            engine.moves.runUncommitted(session, planner);
        } else {
            engine.moves.runCommitting(session, planner);
        }
    }

    private FollowUp followUp() {
        return request.suppressAutomations() ? FollowUp.QUIET : FollowUp.CHAINED;
    }

    private boolean kept(MoveTransaction session, List<RowRejection> rejections, List<Transition> written) {
        if (request.mode() == ImportMode.ATOMIC) {
            // Kept with the job in a transaction of their own, so that a rolled-back import still reports them.
            engine.storage.recordRejections(tenant, jobId, rejections);
            transitionRange = session.transitionRange();
        } else {
            movesCommitted += written.size();
        }
        placed.clear();
        return true;
    }

    /** Reads back, page by page, what an atomic import too large to hold in memory committed. */
    private void readBack(java.util.function.Consumer<List<Transition>> page) {
        if (transitionRange[1] == 0) {
            return;
        }
        long after = transitionRange[0] - 1;
        while (true) {
            List<Transition> read = engine.storage.importTransitions(tenant, jobId, after, transitionRange[1],
                    ImportEngine.READ_BACK_PAGE);
            if (read.isEmpty()) {
                return;
            }
            page.accept(read);
            after = read.get(read.size() - 1).id();
        }
    }

    private List<MoveWrite> decide(MoveTransaction session, List<RowReader.Result> batch, List<RowRejection> rejections) {
        Map<JourneyId, Journey> locked = lockJourneys(session, batch);
        Map<JourneyId, Set<String>> toLoad = new LinkedHashMap<>();
        for (RowReader.Result r : batch) {
            if (r instanceof RowReader.Result.Ok ok) {
                journeyOf(ok.row()).filter(j -> locked.containsKey(j.id()))
                        .filter(j -> !placed.containsKey(new Key(j.id().value(), ok.row().contactKey())))
                        .ifPresent(j -> toLoad.computeIfAbsent(j.id(), k -> new LinkedHashSet<>()).add(ok.row().contactKey()));
            }
        }
        Map<JourneyId, Map<String, Set<Long>>> applied = new HashMap<>();
        toLoad.forEach((journey, contacts) -> {
            session.placements(journey, contacts).forEach((contact, state) ->
                    placed.put(new Key(journey.value(), contact), state));
            if (!earlierJobs.isEmpty()) {
                applied.put(journey, session.linesApplied(earlierJobs, journey, contacts));
            }
        });
        List<MoveWrite> writes = new ArrayList<>();
        Instant now = engine.moves.now();
        for (RowReader.Result r : batch) {
            if (r instanceof RowReader.Result.Rejected rejected) {
                reject(rejections, rejected.rejection());
                continue;
            }
            Row row = ((RowReader.Result.Ok) r).row();
            Optional<Journey> journey = journeyOf(row).map(j -> locked.getOrDefault(j.id(), j));
            if (journey.isEmpty()) {
                reject(rejections, rowRejection(row, ReasonCode.UNKNOWN_JOURNEY, "no journey with this id or name"));
                continue;
            }
            decideRow(row, journey.get(), applied.getOrDefault(journey.get().id(), Map.of()), now, writes, rejections);
        }
        return writes;
    }

    /** Decides one row: a move joins {@code writes}, a refusal joins {@code rejections}, a no-op is counted. */
    private void decideRow(Row row, Journey journey, Map<String, Set<Long>> applied, Instant now,
                           List<MoveWrite> writes, List<RowRejection> rejections) {
        Optional<Stage> stage = stageOf(journey, row.stage());
        if (stage.isEmpty()) {
            reject(rejections, rowRejection(row, ReasonCode.UNKNOWN_STAGE, "no stage with this id or name in journey "
                    + JourneyRef.of(journey)));
            return;
        }
        if (applied.getOrDefault(row.contactKey(), Set.of()).contains(row.line())) {
            // An earlier run of these same bytes applied this very line.
            tally.unchanged(row.line());
            return;
        }
        Key key = new Key(journey.id().value(), row.contactKey());
        PlacementState current = placed.get(key);
        Move move = Move.to(row.contactKey(), journey.id(), stage.get().id(), new MoveSource.Import(jobId, row.line()))
                .withNote(row.note());
        Decision decision = engine.moves.decide(tenant, journey, current, move);
        if (decision instanceof Decision.Refuse refuse) {
            reject(rejections, rowRejection(row, refuse.reason().code(), refuse.reason().message()));
            return;
        }
        if (decision instanceof Decision.NoOp) {
            tally.unchanged(row.line());
            return;
        }
        Instant effective = row.occurredAt().orElse(now);
        if (current.stage().isPresent() && effective.isBefore(current.since())) {
            reject(rejections, RowReader.rejection(row.line(), Optional.of(columns.nameOf(Column.OCCURRED_AT)),
                    row.occurredAt().map(Instant::toString), ReasonCode.BEFORE_CURRENT_STAGE,
                    "the contact entered " + current.stage().flatMap(journey::stage).map(StageRef::of)
                            .map(Object::toString).orElse("its current stage") + " of " + JourneyRef.of(journey) + " at "
                            + current.since() + ", after this time"));
            return;
        }
        Decision.Accept accept = (Decision.Accept) decision;
        writes.add(engine.moves.write(journey, current, accept, move, effective, now));
        placed.put(key, new PlacementState(journey.id(), row.contactKey(), accept.to(), effective, current.version() + 1));
        tally.moved(row.line());
    }

    private void reject(List<RowRejection> rejections, RowRejection rejection) {
        rejections.add(rejection);
        tally.rejected(rejection);
    }

    /** Locks each journey of the batch against definition changes, and decides on its locked version. */
    private Map<JourneyId, Journey> lockJourneys(MoveTransaction session, List<RowReader.Result> batch) {
        Map<JourneyId, Journey> locked = new LinkedHashMap<>();
        for (RowReader.Result r : batch) {
            if (r instanceof RowReader.Result.Ok ok) {
                journeyOf(ok.row()).ifPresent(j -> locked.putIfAbsent(j.id(), j));
            }
        }
        locked.replaceAll((id, journey) -> {
            long version = session.lockJourney(id);
            if (version == journey.version()) {
                // The stage-change events after commit are built from the catalog: let it hold this version.
                engine.catalog.offer(tenant, journey);
                return journey;
            }
            Journey fresh = engine.catalog.find(tenant, id, true).orElse(journey);
            journeys.replaceAll((ref, j) -> j.filter(x -> x.id().equals(id)).isPresent() ? Optional.of(fresh) : j);
            return fresh;
        });
        return locked;
    }

    private Optional<Journey> journeyOf(Row row) {
        if (row.journey().isEmpty()) {
            JourneyId id = request.journey().orElseThrow();
            return journeys.computeIfAbsent("#" + id.value(), k -> engine.catalog.find(tenant, id, false));
        }
        String ref = row.journey().get();
        return journeys.computeIfAbsent(ref.toLowerCase(java.util.Locale.ROOT), k -> {
            Optional<Journey> named = engine.journeys.findJourneyByName(tenant, ref);
            named.ifPresent(j -> engine.catalog.offer(tenant, j));
            if (named.isPresent() || !ref.chars().allMatch(Character::isDigit) || ref.length() > 18) {
                return named;
            }
            return engine.catalog.find(tenant, new JourneyId(Long.parseLong(ref)), false);
        });
    }

    private static Optional<Stage> stageOf(Journey journey, String ref) {
        Optional<Stage> named = journey.stageNamed(ref);
        if (named.isPresent() || !ref.chars().allMatch(Character::isDigit) || ref.length() > 18) {
            return named;
        }
        return journey.stage(new StageId(Long.parseLong(ref)));
    }

    /**
     * A refusal pinned on the column the user has to fix: the journey's for a journey that cannot be
     * moved in (or, when the request named it, no column at all), the stage's otherwise.
     */
    private RowRejection rowRejection(Row row, ReasonCode code, String message) {
        boolean aboutJourney = code == ReasonCode.UNKNOWN_JOURNEY || code == ReasonCode.JOURNEY_ARCHIVED
                || code == ReasonCode.SYSTEM_JOURNEY_READ_ONLY;
        if (!aboutJourney) {
            return RowReader.rejection(row.line(), Optional.of(columns.nameOf(Column.STAGE)), Optional.of(row.stage()),
                    code, message);
        }
        return row.journey().isPresent()
                ? RowReader.rejection(row.line(), Optional.of(columns.nameOf(Column.JOURNEY)), row.journey(), code, message)
                : RowReader.rejection(row.line(), Optional.empty(), Optional.empty(), code, message);
    }

    /** Commits an atomic run, or rolls back what it wrote; returns the outcome as it stands after that. */
    private ImportOutcome finish(MoveTransaction session, ImportOutcome outcome) {
        if (dry) {
            return outcome;
        }
        if (request.mode() == ImportMode.ATOMIC) {
            if (outcome == ImportOutcome.COMPLETED && tally.rejected() > 0) {
                outcome = ImportOutcome.ROLLED_BACK;
            }
            if (outcome != ImportOutcome.COMPLETED) {
                session.rollback();
                return outcome;
            }
            transitionRange = session.transitionRange();
            Instant now = engine.moves.now();
            Batch end = Batch.of(List.of()).with(new JobRecord(jobId, List.of(), Optional.of(engine.progress(
                    dev.journeys.api.ImportJob.Status.COMPLETED, tally, Optional.empty(), now, Optional.of(now)))));
            engine.moves.runUncommitted(session, new Planner<Boolean>() {
                @Override
                public Plan<Boolean> plan(boolean fresh) {
                    return Plan.write(end, followUp(), (commit, chains) -> true);
                }

                @Override
                public Boolean contention(int attempts) {
                    throw new IllegalStateException("an import job's record lost a compare-and-set");
                }
            });
            session.commit();
            movesCommitted = tally.moved();
        }
        return outcome;
    }
}
