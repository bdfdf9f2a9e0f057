package dev.journeys.benchmarks;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a {@link DashboardHistory} straight into the SDK's own {@code transitions} and {@code placements}, with the
 * columns and values the SDK's move path writes (MoveWriter): history rows in effective-time order, so that their ids
 * follow time as a live system's would, then one placement per contact where its last move left it (stage null
 * after an exit, entered at the last move's time, version = its number of moves). On PostgreSQL each commit of
 * {@code commitRows} rows is one {@code COPY}, and its rows carry that transaction's id in {@code tx_id}, read with
 * the expression the SDK inserts ({@code pg_current_xact_id()::text::bigint}); on H2, JDBC batches of 1,000 and a
 * commit every {@code commitRows}. Nothing else is written: no job rows for the import sources, no automations.
 * Run it while no SDK has the database open: on H2 the fold's mark assumes every writer goes through the SDK.
 */
final class DashboardSeeder {

    record Result(long transitions, long placements, long nanos, CpuMeter.Usage cpu) {
        double rowsPerSecond() {
            return (transitions + placements) * 1e9 / nanos;
        }
    }

    private static final String TRANSITION_COLUMNS = "tenant_id, journey_id, contact_key, from_stage_id, to_stage_id,"
            + " effective_at, recorded_at, source_kind, source_ref, source_detail, note, placement_version, from_entered_at";
    private static final String PLACEMENT_COLUMNS = "journey_id, contact_key, tenant_id, stage_id, entered_at, version";
    private static final int BATCH = 1_000;

    private final DashboardHistory history;
    private final long journeyId;
    private final String tenant;
    private final long[] stageIds;
    private final int commitRows;
    /** "yyyy-mm-dd " of each day of the history, for PostgreSQL's text format. */
    private final String[] days;
    private final long firstDay;

    DashboardSeeder(DashboardHistory history, long journeyId, String tenant, long[] stageIds, int commitRows) {
        this.history = history;
        this.journeyId = journeyId;
        this.tenant = tenant;
        this.stageIds = stageIds;
        this.commitRows = commitRows;
        this.firstDay = Math.floorDiv(history.startSecond, 86_400);
        this.days = new String[(int) (Math.floorDiv(history.nowSecond, 86_400) - firstDay + 2)];
        for (int i = 0; i < days.length; i++) {
            days[i] = LocalDate.ofEpochDay(firstDay + i) + " ";
        }
    }

    Result run(BenchDatabase db) throws Exception {
        CpuMeter.Sample before = CpuMeter.sample();
        long begin = System.nanoTime();
        boolean pg = RawImporter.postgres(db);
        long[] written;
        try (Connection c = DriverManager.getConnection(db.url())) {
            c.setAutoCommit(false);
            try {
                written = pg ? copy(c) : batches(c);
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
        return new Result(written[0], written[1], System.nanoTime() - begin, CpuMeter.between(before, CpuMeter.sample()));
    }

    // ---- PostgreSQL: COPY -----------------------------------------------------------------------------------

    private long[] copy(Connection c) throws Exception {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String transitions = "copy transitions (" + TRANSITION_COLUMNS + ", tx_id) from stdin";
        StringBuilder rows = new StringBuilder(commitRows * 200);
        long[] count = new long[2];
        long[] tx = {transactionId(c)};
        int[] pending = {0};
        history.replay(m -> {
            rows.append(tenant).append('\t').append(journeyId).append('\t').append(DashboardHistory.contactKey(m.contact))
                    .append('\t');
            stage(rows, m.from).append('\t');
            stage(rows, m.to).append('\t');
            timestamp(rows, m.effectiveSecond).append('\t');
            timestamp(rows, m.recordedSecond).append('\t');
            rows.append(m.kind).append('\t').append(m.ref).append('\t').append(m.detail == null ? "\\N" : m.detail)
                    .append("\t\\N\t").append(m.version).append('\t');
            if (m.from == DashboardHistory.OUTSIDE) {
                rows.append("\\N");
            } else {
                timestamp(rows, m.fromEnteredSecond);
            }
            rows.append('\t').append(tx[0]).append('\n');
            count[0]++;
            if (++pending[0] == commitRows) {
                flush(c, copy, transitions, rows);
                pending[0] = 0;
                tx[0] = transactionId(c);
            }
        });
        flush(c, copy, transitions, rows);
        history.dropEvents();
        String placements = "copy placements (" + PLACEMENT_COLUMNS + ") from stdin";
        pending[0] = 0;
        history.placements((contact, stage, entered, version) -> {
            rows.append(journeyId).append('\t').append(DashboardHistory.contactKey(contact)).append('\t').append(tenant)
                    .append('\t');
            stage(rows, stage).append('\t');
            timestamp(rows, entered).append('\t').append(version).append('\n');
            count[1]++;
            if (++pending[0] == commitRows) {
                flush(c, copy, placements, rows);
                pending[0] = 0;
            }
        });
        flush(c, copy, placements, rows);
        return count;
    }

    private static void flush(Connection c, CopyManager copy, String sql, StringBuilder rows) throws Exception {
        if (rows.length() > 0) {
            copy.copyIn(sql, new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
            rows.setLength(0);
        }
        c.commit();
    }

    /** The id of the transaction now open on {@code c}, as the SDK's insert computes it for tx_id. */
    private static long transactionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_current_xact_id()::text::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private StringBuilder stage(StringBuilder rows, int stage) {
        return stage == DashboardHistory.OUTSIDE ? rows.append("\\N") : rows.append(stageIds[stage]);
    }

    /** {@code yyyy-mm-dd hh:mm:ss+00}. */
    private StringBuilder timestamp(StringBuilder rows, long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400);
        int second = (int) (epochSecond - day * 86_400);
        rows.append(days[(int) (day - firstDay)]);
        two(rows, second / 3600).append(':');
        two(rows, second / 60 % 60).append(':');
        return two(rows, second % 60).append("+00");
    }

    private static StringBuilder two(StringBuilder rows, int value) {
        return rows.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    // ---- H2: JDBC batches ---------------------------------------------------------------------------------

    private long[] batches(Connection c) throws Exception {
        long[] count = new long[2];
        try (PreparedStatement ps = c.prepareStatement("insert into transitions (" + TRANSITION_COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            history.replay(m -> {
                ps.setString(1, tenant);
                ps.setLong(2, journeyId);
                ps.setString(3, DashboardHistory.contactKey(m.contact));
                setStage(ps, 4, m.from);
                setStage(ps, 5, m.to);
                ps.setObject(6, utc(m.effectiveSecond));
                ps.setObject(7, utc(m.recordedSecond));
                ps.setString(8, m.kind);
                ps.setString(9, m.ref);
                ps.setString(10, m.detail);
                ps.setNull(11, Types.VARCHAR);
                ps.setLong(12, m.version);
                ps.setObject(13, m.from == DashboardHistory.OUTSIDE ? null : utc(m.fromEnteredSecond));
                ps.addBatch();
                batched(c, ps, ++count[0]);
            });
            ps.executeBatch();
            c.commit();
        }
        history.dropEvents();
        try (PreparedStatement ps = c.prepareStatement("insert into placements (" + PLACEMENT_COLUMNS
                + ") values (?, ?, ?, ?, ?, ?)")) {
            history.placements((contact, stage, entered, version) -> {
                ps.setLong(1, journeyId);
                ps.setString(2, DashboardHistory.contactKey(contact));
                ps.setString(3, tenant);
                setStage(ps, 4, stage);
                ps.setObject(5, utc(entered));
                ps.setLong(6, version);
                ps.addBatch();
                batched(c, ps, ++count[1]);
            });
            ps.executeBatch();
            c.commit();
        }
        return count;
    }

    private void batched(Connection c, PreparedStatement ps, long rows) throws SQLException {
        boolean commit = rows % commitRows == 0;
        if (commit || rows % BATCH == 0) {
            ps.executeBatch();
        }
        if (commit) {
            c.commit();
        }
    }

    private void setStage(PreparedStatement ps, int index, int stage) throws SQLException {
        if (stage == DashboardHistory.OUTSIDE) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, stageIds[stage]);
        }
    }

    private static OffsetDateTime utc(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
