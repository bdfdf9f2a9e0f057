package dev.journeys.jdbc.internal.moves;

import dev.journeys.api.Journey;
import dev.journeys.api.RunDecision;
import dev.journeys.api.RunRecord;
import dev.journeys.api.StatusChange;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.storage.Batch;
import dev.journeys.core.internal.storage.Commit;
import dev.journeys.core.internal.storage.JobRecord;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.core.internal.storage.RunLogWrite;
import dev.journeys.core.internal.storage.RunRow;
import dev.journeys.jdbc.internal.automation.RunLog;
import dev.journeys.jdbc.internal.automation.RunLogCodec;
import dev.journeys.jdbc.internal.db.Db;
import dev.journeys.jdbc.internal.db.Dialect;
import dev.journeys.jdbc.internal.imports.ImportStore;
import dev.journeys.jdbc.internal.journeys.DefinitionStore;
import dev.journeys.jdbc.internal.status.SystemStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one writer of placements and history: every {@link Batch} is written here, inside the caller's
 * transaction, in this order: a stage removal's table lock (PostgreSQL), the status row, the moves by
 * compare-and-set with one history row each, the run log (whose row of an applied event is its key), the
 * import job's rejections and progress, and the stage removal itself.
 *
 * <p>A batch from one caller (one move, one event, a status change, a relocation) writes its moves statement
 * by statement; a batch of many events or import rows writes each kind of statement once for the lot: JDBC
 * batches on H2, arrays on PostgreSQL ({@link PostgresBatchWriter}).
 */
public final class BatchWriter {

    private final MoveWriter moves;
    private final boolean postgres;
    /** Whether this role may draw run-log ids itself; a role granted only DML on the tables may not. */
    private volatile Boolean drawsRunIds;

    public BatchWriter(Dialect dialect) {
        this.moves = new MoveWriter(dialect);
        this.postgres = dialect == Dialect.POSTGRES;
    }

    /**
     * @param rangeBefore the lowest and highest transition ids the transaction wrote before this batch, for
     *                    the import job's record
     * @return anything but {@link Commit.Applied} may leave part of the batch written: the caller rolls back
     */
    Commit write(Connection c, String tenant, Batch batch, long[] rangeBefore) throws SQLException {
        if (postgres && batch.removal().isPresent()) {
            // Waits out moves in flight and holds new ones back until this commits; they then see the new
            // journey version and are decided again. Removals are rare and short.
            try (Statement s = c.createStatement()) {
                s.execute("lock table placements in share row exclusive mode");
            }
        }
        Optional<StatusChange> status = Optional.empty();
        List<Transition> transitions;
        try {
            if (batch.status().isPresent()) {
                status = SystemStore.write(c, tenant, batch.status().get());
                if (status.isEmpty()) {
                    return new Commit.Conflict();
                }
            }
            Optional<List<Transition>> written = moves(c, tenant, batch);
            if (written.isEmpty()) {
                return new Commit.Conflict();
            }
            transitions = written.get();
        } catch (SQLException e) {
            // Before the run log, a unique violation is two first entries (or first statuses) racing: a conflict.
            if (Db.isUniqueViolation(e)) {
                return new Commit.Conflict();
            }
            throw e;
        }
        List<RunRecord> records = List.of();
        if (!batch.runLog().isEmpty()) {
            try {
                records = runLog(c, tenant, batch.runLog(), transitions);
            } catch (SQLException e) {
                if (Db.isUniqueViolation(e) && batch.runLog().stream().anyMatch(RunLogWrite::markProcessed)) {
                    return new Commit.Duplicate();
                }
                throw e;
            }
        }
        if (batch.job().isPresent()) {
            job(c, tenant, batch.job().get(), rangeBefore, transitions);
        }
        Optional<Journey> journey = Optional.empty();
        if (batch.removal().isPresent()) {
            journey = DefinitionStore.removeStage(c, tenant, batch.removal().get());
            if (journey.isEmpty()) {
                return new Commit.Conflict();
            }
        }
        return new Commit.Applied(transitions, records, status, journey);
    }

    private Optional<List<Transition>> moves(Connection c, String tenant, Batch batch) throws SQLException {
        List<MoveWrite> all = batch.moves();
        if (all.isEmpty()) {
            return Optional.of(List.of());
        }
        if (batch.runLog().size() <= 1 && batch.job().isEmpty()) {
            List<Transition> transitions = new ArrayList<>(all.size());
            for (MoveWrite move : all) {
                Optional<Transition> written = moves.write(c, tenant, move);
                if (written.isEmpty()) {
                    return Optional.empty();
                }
                transitions.add(written.get());
            }
            return Optional.of(transitions);
        }
        return postgres && PostgresBatchWriter.accepts(all)
                ? PostgresBatchWriter.write(c, tenant, all)
                : moves.writeBatch(c, tenant, all);
    }

    private List<RunRecord> runLog(Connection c, String tenant, List<RunLogWrite> rows, List<Transition> transitions)
            throws SQLException {
        List<RunLog.Attempt> attempts = new ArrayList<>(rows.size());
        for (RunLogWrite row : rows) {
            attempts.add(attempt(row, transitions));
        }
        return postgres && rows.size() > 1 && drawsRunIds(c)
                ? RunLog.insertDrawingIds(c, tenant, attempts)
                : RunLog.insert(c, tenant, attempts);
    }

    /** An event's run-log attempt: each Moved decision learns the id of the transition it points at. */
    static RunLog.Attempt attempt(RunLogWrite w, List<Transition> transitions) {
        List<RunLogCodec.Entry> entries = new ArrayList<>(w.runs().size());
        for (RunRow run : w.runs()) {
            RunDecision decision = run.moveIndex() >= 0
                    ? movedWithId((RunDecision.Moved) run.decision(), transitions.get(run.moveIndex()).id())
                    : run.decision();
            entries.add(new RunLogCodec.Entry(run.automationId(), decision));
        }
        return new RunLog.Attempt(w.eventId(), w.triggerType(), w.contactKey(), w.at(), w.chainDepth(), w.markProcessed(),
                entries);
    }

    private static RunDecision movedWithId(RunDecision.Moved moved, long transitionId) {
        return new RunDecision.Moved(moved.journey(), moved.from(), moved.to(), transitionId);
    }

    private static void job(Connection c, String tenant, JobRecord job, long[] rangeBefore, List<Transition> transitions)
            throws SQLException {
        ImportStore.insertRejections(c, tenant, job.jobId(), job.rejections());
        if (job.progress().isPresent()) {
            long first = rangeBefore[0];
            long last = rangeBefore[1];
            for (Transition t : transitions) {
                first = first == 0 ? t.id() : Math.min(first, t.id());
                last = Math.max(last, t.id());
            }
            ImportStore.updateJob(c, tenant, job.jobId(), job.progress().get(), first, last);
        }
    }

    private boolean drawsRunIds(Connection c) throws SQLException {
        Boolean known = drawsRunIds;
        if (known == null) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(RunLog.MAY_DRAW_IDS)) {
                rs.next();
                known = rs.getBoolean(1);
            }
            drawsRunIds = known;
        }
        return known;
    }
}
