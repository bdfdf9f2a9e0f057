package dev.journeys.jdbc.internal;

import dev.journeys.api.RunDecision;
import dev.journeys.api.RunLogQuery;
import dev.journeys.api.RunRecord;
import dev.journeys.core.internal.storage.RunRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The run log in {@code run_log}: one row per attempt at an event, holding every decision taken for it
 * ({@link RunLogCodec}), split over more rows only past {@link #MAX_PER_ROW} decisions or
 * {@link #MAX_CHARS} characters.
 *
 * <p>A record's id is its row's id shifted left by {@link #POSITION_BITS}, plus its place in the row, so
 * that ids still order the log. There is no index by automation: every automation considered for an event
 * listens on the event's trigger, whose type never changes, so the rows of that trigger are the candidates.
 */
final class RunLog {

    static final int POSITION_BITS = 12;
    static final int MAX_PER_ROW = 1 << POSITION_BITS;
    static final int MAX_CHARS = 100_000;

    static final String INSERT = """
            insert into run_log (tenant_id, event_id, trigger_type, contact_key, recorded_at, chain_depth, decisions)
            values (?, ?, ?, ?, ?, ?, ?)""";
    private static final String NEXT_IDS = """
            select nextval(pg_get_serial_sequence('run_log', 'id')) from generate_series(1, ?)""";
    private static final String INSERT_WITH_IDS = """
            insert into run_log (id, tenant_id, event_id, trigger_type, contact_key, recorded_at, chain_depth, decisions)
            select w.id, ?, w.ev, w.tt, w.ck, w.at::timestamptz, w.d, w.ds
              from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::int[], ?::varchar[])
                   as w(id, ev, tt, ck, at, d, ds)""";
    /** Asks whether this role may draw ids itself; a role granted only DML on the tables may not. */
    static final String MAY_DRAW_IDS = "select has_sequence_privilege(pg_get_serial_sequence('run_log', 'id'), 'USAGE')";

    private RunLog() {
    }

    /** The decisions of one row: {@code size} consecutive runs from {@code start}, all of one event attempt. */
    record Row(RunRow first, int start, int size, String decisions) {
    }

    /**
     * Groups runs into rows: consecutive runs of one event at one chain depth share a row.
     *
     * @param decisions each run's decision, with Moved decisions already holding their transition's id
     */
    static List<Row> rows(List<RunRow> runs, List<RunDecision> decisions) {
        List<Row> rows = new ArrayList<>();
        int start = 0;
        StringBuilder packed = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            if (i > start && (!sameAttempt(runs.get(start), runs.get(i)) || i - start == MAX_PER_ROW
                    || packed.length() >= MAX_CHARS)) {
                rows.add(new Row(runs.get(start), start, i - start, packed.toString()));
                packed.setLength(0);
                start = i;
            }
            RunLogCodec.append(packed, new RunLogCodec.Entry(runs.get(i).automationId(), decisions.get(i)));
        }
        if (start < runs.size()) {
            rows.add(new Row(runs.get(start), start, runs.size() - start, packed.toString()));
        }
        return rows;
    }

    private static boolean sameAttempt(RunRow a, RunRow b) {
        return a.eventId().equals(b.eventId()) && a.triggerType().equals(b.triggerType())
                && a.contactKey().equals(b.contactKey()) && a.chainDepth() == b.chainDepth();
    }

    static long recordId(long rowId, int position) {
        return (rowId << POSITION_BITS) | position;
    }

    /** Writes the runs in one JDBC batch, learning the rows' ids from the generated keys. */
    static List<RunRecord> insert(Connection c, String tenant, List<RunRow> runs, List<RunDecision> decisions)
            throws SQLException {
        if (runs.isEmpty()) {
            return List.of();
        }
        List<Row> rows = rows(runs, decisions);
        long[] ids = new long[rows.size()];
        try (PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"id"})) {
            for (Row row : rows) {
                RunRow first = row.first();
                ps.setString(1, tenant);
                ps.setString(2, first.eventId());
                ps.setString(3, first.triggerType());
                ps.setString(4, first.contactKey());
                ps.setObject(5, Rows.utc(first.recordedAt()));
                ps.setInt(6, first.chainDepth());
                ps.setString(7, row.decisions());
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                for (int i = 0; i < ids.length; i++) {
                    keys.next();
                    ids[i] = keys.getLong(1);
                }
            }
        }
        return records(rows, ids, runs, decisions);
    }

    /**
     * Writes the runs with one statement on PostgreSQL, ids drawn first, so that each record knows its id
     * without relying on the order in which an INSERT returns rows.
     */
    static List<RunRecord> insertDrawingIds(Connection c, String tenant, List<RunRow> runs, List<RunDecision> decisions)
            throws SQLException {
        if (runs.isEmpty()) {
            return List.of();
        }
        List<Row> rows = rows(runs, decisions);
        int n = rows.size();
        long[] ids = new long[n];
        try (PreparedStatement ps = c.prepareStatement(NEXT_IDS)) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < n && rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        // Newest first is id order: keep the rows' order in their ids.
        java.util.Arrays.sort(ids);
        Object[][] cols = new Object[7][n];
        for (int i = 0; i < n; i++) {
            RunRow first = rows.get(i).first();
            Object[] values = {ids[i], first.eventId(), first.triggerType(), first.contactKey(),
                    first.recordedAt().toString(), first.chainDepth(), rows.get(i).decisions()};
            for (int col = 0; col < values.length; col++) {
                cols[col][i] = values[col];
            }
        }
        String[] types = {"bigint", "varchar", "varchar", "varchar", "text", "int4", "varchar"};
        try (PreparedStatement ps = c.prepareStatement(INSERT_WITH_IDS)) {
            ps.setString(1, tenant);
            for (int col = 0; col < types.length; col++) {
                ps.setArray(col + 2, c.createArrayOf(types[col], cols[col]));
            }
            ps.executeUpdate();
        }
        return records(rows, ids, runs, decisions);
    }

    private static List<RunRecord> records(List<Row> rows, long[] ids, List<RunRow> runs, List<RunDecision> decisions) {
        List<RunRecord> records = new ArrayList<>(runs.size());
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            RunRow first = row.first();
            for (int p = 0; p < row.size(); p++) {
                RunRow run = runs.get(row.start() + p);
                RunDecision stored = RunLogCodec.RunColumns.asStored(decisions.get(row.start() + p));
                records.add(new RunRecord(recordId(ids[r], p), run.automationId(), first.eventId(), first.triggerType(),
                        first.contactKey(), first.recordedAt(), first.chainDepth(), stored));
            }
        }
        return records;
    }

    /** Newest first: rows by id descending, and the decisions of a row from last to first. */
    static List<RunRecord> query(Handle h, String tenant, RunLogQuery q) {
        Optional<String> trigger = Optional.empty();
        if (q.automationId().isPresent()) {
            trigger = h.createQuery("select trigger_type from automations where id = :id and tenant_id = :tenant")
                    .bind("id", q.automationId().get()).bind("tenant", tenant).mapTo(String.class).findOne();
            if (trigger.isEmpty()) {
                return List.of();
            }
        }
        StringBuilder sql = new StringBuilder("select * from run_log where tenant_id = :tenant and id < :before");
        trigger.ifPresent(x -> sql.append(" and trigger_type = :trigger"));
        q.contactKey().ifPresent(x -> sql.append(" and contact_key = :contact"));
        q.eventId().ifPresent(x -> sql.append(" and event_id = :event"));
        q.from().ifPresent(x -> sql.append(" and recorded_at >= :from"));
        q.until().ifPresent(x -> sql.append(" and recorded_at < :until"));
        sql.append(" order by id desc fetch first :rows rows only");
        List<RunRecord> found = new ArrayList<>();
        long before = Long.MAX_VALUE;
        while (found.size() < q.limit()) {
            int wanted = q.limit() - found.size();
            Query query = h.createQuery(sql.toString()).bind("tenant", tenant).bind("before", before)
                    // Every row holds at least one record, and a trigger's rows nearly always one of each automation.
                    .bind("rows", wanted);
            trigger.ifPresent(x -> query.bind("trigger", x));
            q.contactKey().ifPresent(x -> query.bind("contact", x));
            q.eventId().ifPresent(x -> query.bind("event", x));
            q.from().ifPresent(x -> query.bind("from", Rows.utc(x)));
            q.until().ifPresent(x -> query.bind("until", Rows.utc(x)));
            List<Object[]> rows = query.map((rs, ctx) -> new Object[] {rs.getLong("id"), rs.getString("event_id"),
                    rs.getString("trigger_type"), rs.getString("contact_key"), Rows.instant(rs, "recorded_at"),
                    rs.getInt("chain_depth"), rs.getString("decisions")}).list();
            for (Object[] row : rows) {
                long id = (Long) row[0];
                List<RunLogCodec.Entry> entries = RunLogCodec.decode((String) row[6]);
                for (int p = entries.size() - 1; p >= 0 && found.size() < q.limit(); p--) {
                    RunLogCodec.Entry e = entries.get(p);
                    if (q.automationId().isEmpty() || q.automationId().get() == e.automationId()) {
                        found.add(new RunRecord(recordId(id, p), e.automationId(), (String) row[1], (String) row[2],
                                (String) row[3], (Instant) row[4], (Integer) row[5], e.decision()));
                    }
                }
                before = id;
            }
            if (rows.size() < wanted) {
                break;
            }
        }
        return found;
    }
}
