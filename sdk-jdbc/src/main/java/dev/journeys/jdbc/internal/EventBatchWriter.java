package dev.journeys.jdbc.internal;

import dev.journeys.api.RunRecord;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.storage.EventCommit;
import dev.journeys.core.internal.storage.EventWrite;
import dev.journeys.core.internal.storage.MoveWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Writes many events in one transaction: a handful of round trips and one commit for the lot, instead of
 * several round trips and a commit per event. On H2, JDBC batches; on PostgreSQL, one statement per kind
 * over arrays ({@link PostgresBatchWriter}), since a JDBC batch pays the server's executor set-up once per
 * row. All or nothing: if any event was processed already or any compare-and-set fails, nothing is
 * written and the caller goes event by event.
 */
final class EventBatchWriter {

    private final DataSource dataSource;
    private final MoveWriter moves;
    private final boolean postgres;
    /** Whether this role may draw run-log ids itself; a role granted only DML on the tables may not. */
    private volatile Boolean drawsRunIds;

    EventBatchWriter(DataSource dataSource, MoveWriter moves, Dialect dialect) {
        this.dataSource = dataSource;
        this.moves = moves;
        this.postgres = dialect == Dialect.POSTGRES;
    }

    Optional<List<EventCommit.Applied>> apply(String tenant, List<EventWrite> writes) {
        return Db.transaction(dataSource, "a batch of " + writes.size() + " events", c -> write(c, tenant, writes),
                Optional::isPresent, Optional::empty);
    }

    private Optional<List<EventCommit.Applied>> write(Connection c, String tenant, List<EventWrite> writes)
            throws SQLException {
        List<MoveWrite> all = writes.stream().flatMap(w -> w.moves().stream()).toList();
        List<Transition> transitions;
        if (postgres && PostgresBatchWriter.accepts(all)) {
            Optional<List<Transition>> written = PostgresBatchWriter.write(c, tenant, all);
            if (written.isEmpty()) {
                return Optional.empty();
            }
            transitions = written.get();
        } else {
            // First entries before updates: a contact can only enter before it moves on within one batch.
            if (!allApplied(c, MoveWriter.INSERT_IF_JOURNEY_AT, tenant, all.stream().filter(m -> m.expectedVersion() == 0).toList())
                    || !allApplied(c, MoveWriter.UPDATE_IF_VERSIONS_AT, tenant, all.stream().filter(m -> m.expectedVersion() > 0).toList())) {
                return Optional.empty();
            }
            transitions = appendHistory(c, tenant, all);
        }
        List<RunLog.Attempt> attempts = new ArrayList<>(writes.size());
        int offset = 0;
        for (EventWrite w : writes) {
            attempts.add(EventWriter.attempt(w, transitions, offset));
            offset += w.moves().size();
        }
        // A unique violation here is an event processed already: the caller then goes event by event.
        List<RunRecord> records = postgres && drawsRunIds(c)
                ? RunLog.insertDrawingIds(c, tenant, attempts)
                : RunLog.insert(c, tenant, attempts);
        List<EventCommit.Applied> applied = new ArrayList<>();
        int move = 0;
        int run = 0;
        for (EventWrite w : writes) {
            applied.add(new EventCommit.Applied(transitions.subList(move, move + w.moves().size()),
                    records.subList(run, run + w.runs().size())));
            move += w.moves().size();
            run += w.runs().size();
        }
        return Optional.of(applied);
    }

    private boolean drawsRunIds(Connection c) throws SQLException {
        Boolean known = drawsRunIds;
        if (known == null) {
            try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(RunLog.MAY_DRAW_IDS)) {
                rs.next();
                known = rs.getBoolean(1);
            }
            drawsRunIds = known;
        }
        return known;
    }

    private static boolean allApplied(Connection c, String sql, String tenant, List<MoveWrite> writes) throws SQLException {
        if (writes.isEmpty()) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (MoveWrite w : writes) {
                MoveWriter.bindPlacement(ps, tenant, w);
                ps.addBatch();
            }
            for (int count : ps.executeBatch()) {
                if (count != 1) {
                    return false;
                }
            }
            return true;
        }
    }

    private List<Transition> appendHistory(Connection c, String tenant, List<MoveWrite> all) throws SQLException {
        List<Transition> transitions = new ArrayList<>(all.size());
        if (all.isEmpty()) {
            return transitions;
        }
        try (PreparedStatement ps = c.prepareStatement(moves.insertHistory, new String[] {"id"})) {
            for (MoveWrite w : all) {
                MoveWriter.bindHistory(ps, tenant, w, w.expectedVersion() + 1);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                for (MoveWrite w : all) {
                    keys.next();
                    transitions.add(MoveWriter.transition(keys.getLong(1), w, w.expectedVersion() + 1));
                }
            }
        }
        return transitions;
    }
}
