package dev.journeys.jdbc.internal.automation;

import dev.journeys.api.RunRecord;
import dev.journeys.jdbc.internal.db.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The run log in {@code run_log}: one row per attempt at an event, holding every decision taken for it
 * ({@link RunLogCodec}), split over more rows only past {@link #MAX_PER_ROW} decisions or
 * {@link #MAX_CHARS} characters. The row of the attempt that applied an event is also its idempotency key.
 *
 * <p>A record's id is its row's id shifted left by {@link #POSITION_BITS}, plus its place in the row, so
 * that ids still order the log. There is no index by automation: every automation considered for an event
 * listens on the event's trigger, whose type never changes, so the rows of that trigger are the candidates.
 * Nor, on H2, by contact: {@link RunLogContacts} files that lookup in the background. Reads are in
 * {@link RunLogQueries}.
 */
public final class RunLog {

    static final int POSITION_BITS = 12;
    static final int MAX_PER_ROW = 1 << POSITION_BITS;
    static final int MAX_CHARS = 100_000;

    static final String INSERT = """
            insert into run_log (tenant_id, event_id, trigger_type, contact_key, recorded_at, chain_depth, decisions,
              applied)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String NEXT_IDS = """
            select nextval(pg_get_serial_sequence('run_log', 'id')) from generate_series(1, ?)""";
    private static final String INSERT_WITH_IDS = """
            insert into run_log (id, tenant_id, event_id, trigger_type, contact_key, recorded_at, chain_depth, decisions,
              applied)
            select w.id, ?, w.ev, w.tt, w.ck, w.at::timestamptz, w.d, w.ds, w.ap
              from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::int[], ?::varchar[],
                          ?::bool[]) as w(id, ev, tt, ck, at, d, ds, ap)""";
    /** Asks whether this role may draw ids itself; a role granted only DML on the tables may not. */
    public static final String MAY_DRAW_IDS = "select has_sequence_privilege(pg_get_serial_sequence('run_log', 'id'), 'USAGE')";

    private RunLog() {
    }

    /**
     * One attempt at an event and the decisions it took. An {@code applied} attempt marks the event processed:
     * its first row carries {@code applied = true}, which the unique index {@code run_log_event} allows once per
     * event id and tenant, and it gets a row even without decisions.
     *
     * @param entries each automation's decision, Moved decisions already holding their transition's id
     */
    public record Attempt(String eventId, String triggerType, String contactKey, Instant at, int chainDepth, boolean applied,
                   List<RunLogCodec.Entry> entries) {
    }

    /** The decisions of one row: {@code size} entries of an attempt from {@code start}, packed. */
    record Row(Attempt attempt, int start, int size, String decisions) {

        /** Only an applied attempt's first row keys its event. */
        boolean applied() {
            return attempt.applied() && start == 0;
        }
    }

    static List<Row> rows(List<Attempt> attempts) {
        List<Row> rows = new ArrayList<>();
        for (Attempt a : attempts) {
            int start = 0;
            int n = a.entries().size();
            StringBuilder packed = new StringBuilder(n * 80);
            for (int i = 0; i < n; i++) {
                if (i > start && (i - start == MAX_PER_ROW || packed.length() >= MAX_CHARS)) {
                    rows.add(new Row(a, start, i - start, packed.toString()));
                    packed.setLength(0);
                    start = i;
                }
                RunLogCodec.append(packed, a.entries().get(i));
            }
            if (start < n || a.applied() && n == 0) {
                rows.add(new Row(a, start, n - start, packed.toString()));
            }
        }
        return rows;
    }

    static long recordId(long rowId, int position) {
        return (rowId << POSITION_BITS) | position;
    }

    /**
     * Writes the attempts' rows in one JDBC batch, learning their ids from the generated keys.
     *
     * @return every run's record, attempt after attempt
     * @throws SQLException a unique violation when an applied attempt's event was processed already
     */
    public static List<RunRecord> insert(Connection c, String tenant, List<Attempt> attempts) throws SQLException {
        List<Row> rows = rows(attempts);
        if (rows.isEmpty()) {
            return List.of();
        }
        long[] ids = new long[rows.size()];
        try (PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"id"})) {
            for (Row row : rows) {
                Attempt a = row.attempt();
                ps.setString(1, tenant);
                ps.setString(2, a.eventId());
                ps.setString(3, a.triggerType());
                ps.setString(4, a.contactKey());
                ps.setObject(5, Rows.utc(a.at()));
                ps.setInt(6, a.chainDepth());
                ps.setString(7, row.decisions());
                if (row.applied()) {
                    ps.setBoolean(8, true);
                } else {
                    ps.setNull(8, java.sql.Types.BOOLEAN);
                }
                if (rows.size() > 1) {
                    ps.addBatch();
                }
            }
            // One row, the common case, without a batch: a duplicate event then fails with a plain unique violation.
            if (rows.size() > 1) {
                ps.executeBatch();
            } else {
                ps.executeUpdate();
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                for (int i = 0; i < ids.length; i++) {
                    keys.next();
                    ids[i] = keys.getLong(1);
                }
            }
        }
        return records(rows, ids);
    }

    /**
     * Writes the attempts' rows with one statement on PostgreSQL, ids drawn first, so that each record knows
     * its id without relying on the order in which an INSERT returns rows.
     */
    public static List<RunRecord> insertDrawingIds(Connection c, String tenant, List<Attempt> attempts) throws SQLException {
        List<Row> rows = rows(attempts);
        int n = rows.size();
        if (n == 0) {
            return List.of();
        }
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
        Object[][] cols = new Object[8][n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            Attempt a = row.attempt();
            Object[] values = {ids[i], a.eventId(), a.triggerType(), a.contactKey(), a.at().toString(), a.chainDepth(),
                    row.decisions(), row.applied() ? Boolean.TRUE : null};
            for (int col = 0; col < values.length; col++) {
                cols[col][i] = values[col];
            }
        }
        String[] types = {"bigint", "varchar", "varchar", "varchar", "text", "int4", "varchar", "bool"};
        try (PreparedStatement ps = c.prepareStatement(INSERT_WITH_IDS)) {
            ps.setString(1, tenant);
            for (int col = 0; col < types.length; col++) {
                ps.setArray(col + 2, c.createArrayOf(types[col], cols[col]));
            }
            ps.executeUpdate();
        }
        return records(rows, ids);
    }

    private static List<RunRecord> records(List<Row> rows, long[] ids) {
        List<RunRecord> records = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            Attempt a = row.attempt();
            for (int p = 0; p < row.size(); p++) {
                RunLogCodec.Entry e = a.entries().get(row.start() + p);
                records.add(new RunRecord(recordId(ids[r], p), e.automationId(), a.eventId(), a.triggerType(),
                        a.contactKey(), a.at(), a.chainDepth(), RunLogCodec.RunColumns.asStored(e.decision())));
            }
        }
        return records;
    }
}
