package dev.journeys.jdbc.internal;

import dev.journeys.api.JourneyId;
import dev.journeys.api.StageId;
import dev.journeys.api.Transition;
import dev.journeys.api.RunDecision;
import dev.journeys.api.RunRecord;
import dev.journeys.core.internal.storage.EventCommit;
import dev.journeys.core.internal.storage.EventWrite;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.core.internal.storage.RunRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Writes one event's effects in one transaction: the processed-event key first, so a second delivery
 * fails fast on its primary key, then each move by compare-and-set, then the run log.
 */
final class EventWriter {

    static final String INSERT_EVENT = """
            insert into processed_events (tenant_id, event_id, trigger_type, processed_at) values (?, ?, ?, ?)""";
    static final String INSERT_RUN = """
            insert into automation_runs (tenant_id, automation_id, event_id, trigger_type, contact_key, recorded_at,
              chain_depth, decision, condition_index, reason_code, detail, journey_id, from_stage_id, to_stage_id,
              transition_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final DataSource dataSource;
    private final MoveWriter moves;

    EventWriter(DataSource dataSource, MoveWriter moves) {
        this.dataSource = dataSource;
        this.moves = moves;
    }

    EventCommit apply(String tenant, EventWrite w) {
        // A unique violation past the event key is two first entries of one contact racing: a conflict.
        return Db.transaction(dataSource, "event " + w.eventId(), c -> write(c, tenant, w),
                commit -> commit instanceof EventCommit.Applied, EventCommit.Conflict::new);
    }

    private EventCommit write(Connection c, String tenant, EventWrite w) throws SQLException {
        if (w.markProcessed() && !markProcessed(c, tenant, w)) {
            return new EventCommit.Duplicate();
        }
        List<Transition> transitions = new ArrayList<>();
        for (MoveWrite move : w.moves()) {
            Optional<Transition> written = moves.write(c, tenant, move);
            if (written.isEmpty()) {
                return new EventCommit.Conflict();
            }
            transitions.add(written.get());
        }
        return new EventCommit.Applied(transitions, logRuns(c, tenant, w.runs(), transitions));
    }

    /** @return false when another delivery of the event got there first */
    private static boolean markProcessed(Connection c, String tenant, EventWrite w) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
            ps.setString(1, tenant);
            ps.setString(2, w.eventId());
            ps.setString(3, w.triggerType());
            ps.setObject(4, Rows.utc(w.at()));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (Db.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static List<RunRecord> logRuns(Connection c, String tenant, List<RunRow> runs, List<Transition> transitions)
            throws SQLException {
        List<RunDecision> decisions = new ArrayList<>(runs.size());
        for (RunRow run : runs) {
            decisions.add(decisionWithTransition(run, transitions, 0));
        }
        return insertRuns(c, tenant, runs, decisions);
    }

    /**
     * Writes run-log rows in one JDBC batch: one round trip however many automations were considered.
     *
     * @param decisions each row's decision, with Moved decisions already holding their transition's id
     */
    static List<RunRecord> insertRuns(Connection c, String tenant, List<RunRow> runs, List<RunDecision> decisions)
            throws SQLException {
        List<RunRecord> records = new ArrayList<>(runs.size());
        if (runs.isEmpty()) {
            return records;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_RUN, new String[] {"id"})) {
            for (int i = 0; i < runs.size(); i++) {
                bindRun(ps, tenant, runs.get(i), decisions.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                for (int i = 0; i < runs.size(); i++) {
                    keys.next();
                    records.add(record(keys.getLong(1), runs.get(i), decisions.get(i)));
                }
            }
        }
        return records;
    }

    /** A Moved decision learns its transition's id; {@code offset} is where the event's moves start. */
    static RunDecision decisionWithTransition(RunRow run, List<Transition> transitions, int offset) {
        return run.moveIndex() >= 0
                ? movedWithId((RunDecision.Moved) run.decision(), transitions.get(offset + run.moveIndex()).id())
                : run.decision();
    }

    static RunRecord record(long id, RunRow run, RunDecision decision) {
        return new RunRecord(id, run.automationId(), run.eventId(), run.triggerType(), run.contactKey(),
                run.recordedAt(), run.chainDepth(), decision);
    }

    private static void bindRun(PreparedStatement ps, String tenant, RunRow run, RunDecision decision) throws SQLException {
        RunColumns cols = RunColumns.of(decision);
        ps.setString(1, tenant);
        ps.setLong(2, run.automationId());
        ps.setString(3, run.eventId());
        ps.setString(4, run.triggerType());
        ps.setString(5, run.contactKey());
        ps.setObject(6, Rows.utc(run.recordedAt()));
        ps.setInt(7, run.chainDepth());
        ps.setString(8, cols.kind());
        setInt(ps, 9, cols.conditionIndex());
        ps.setString(10, cols.reasonCode());
        ps.setString(11, cols.detail());
        setLong(ps, 12, cols.journeyId());
        setLong(ps, 13, cols.fromStage());
        setLong(ps, 14, cols.toStage());
        setLong(ps, 15, cols.transitionId());
    }

    private static RunDecision movedWithId(RunDecision.Moved moved, long transitionId) {
        return new RunDecision.Moved(moved.journey(), moved.from(), moved.to(), transitionId);
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /** The run-log columns of a decision, and the decision read back from them. */
    record RunColumns(String kind, Integer conditionIndex, String reasonCode, String detail, Long journeyId,
                      Long fromStage, Long toStage, Long transitionId) {

        static RunColumns of(RunDecision d) {
            if (d instanceof RunDecision.NotMatched n) {
                return new RunColumns("NOT_MATCHED", n.conditionIndex(), null, clip(n.detail()), null, null, null, null);
            }
            if (d instanceof RunDecision.Moved m) {
                return new RunColumns("MOVED", null, null, null, m.journey().value(),
                        m.from().map(StageId::value).orElse(null), m.to().value(), m.transitionId());
            }
            if (d instanceof RunDecision.Skipped s) {
                return new RunColumns("SKIPPED", null, s.reasonCode(), clip(s.message()), s.journey().value(), null, null, null);
            }
            if (d instanceof RunDecision.Failed f) {
                return new RunColumns("FAILED", null, null, clip(f.error()), null, null, null, null);
            }
            RunDecision.LoopStopped l = (RunDecision.LoopStopped) d;
            return new RunColumns("LOOP_STOPPED", l.depth(), null, null, null, null, null, null);
        }

        RunDecision decision() {
            return switch (kind) {
                case "NOT_MATCHED" -> new RunDecision.NotMatched(conditionIndex, null, detail);
                case "MOVED" -> new RunDecision.Moved(new JourneyId(journeyId),
                        Optional.ofNullable(fromStage).map(StageId::new), new StageId(toStage), transitionId);
                case "SKIPPED" -> new RunDecision.Skipped(new JourneyId(journeyId), reasonCode, detail);
                case "FAILED" -> new RunDecision.Failed(detail);
                case "LOOP_STOPPED" -> new RunDecision.LoopStopped(conditionIndex);
                default -> throw new IllegalStateException("unknown run decision in log: " + kind);
            };
        }

        private static String clip(String text) {
            return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
        }
    }
}
