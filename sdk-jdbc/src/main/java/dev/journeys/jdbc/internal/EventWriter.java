package dev.journeys.jdbc.internal;

import dev.journeys.api.Transition;
import dev.journeys.api.RunDecision;
import dev.journeys.api.RunRecord;
import dev.journeys.core.internal.storage.EventCommit;
import dev.journeys.core.internal.storage.EventWrite;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.core.internal.storage.RunRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        return RunLog.insert(c, tenant, runs, decisions);
    }

    /** A Moved decision learns its transition's id; {@code offset} is where the event's moves start. */
    static RunDecision decisionWithTransition(RunRow run, List<Transition> transitions, int offset) {
        return run.moveIndex() >= 0
                ? movedWithId((RunDecision.Moved) run.decision(), transitions.get(offset + run.moveIndex()).id())
                : run.decision();
    }

    private static RunDecision movedWithId(RunDecision.Moved moved, long transitionId) {
        return new RunDecision.Moved(moved.journey(), moved.from(), moved.to(), transitionId);
    }
}
