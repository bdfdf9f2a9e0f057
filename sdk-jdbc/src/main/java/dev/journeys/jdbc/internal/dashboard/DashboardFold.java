package dev.journeys.jdbc.internal.dashboard;

import dev.journeys.api.JourneyId;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.dashboard.ContactFold;
import dev.journeys.core.internal.dashboard.FlowDelta;
import dev.journeys.jdbc.internal.db.Db;
import dev.journeys.jdbc.internal.db.Dialect;
import dev.journeys.jdbc.internal.db.HourIds;
import dev.journeys.jdbc.internal.db.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Folds the history into the dashboard's aggregates, one folder at a time per database. The mark says
 * how far: on PostgreSQL a transaction id below which every transaction has ended (the snapshot's xmin),
 * so no commit is ever skipped however transactions interleave; on H2 the highest transition id, read
 * while the JVM's move locks hold every writer off, so every id up to it is committed.
 */
final class DashboardFold {

    /** A folder of another SDK instance in this JVM on the same H2 database waits for this one. */
    private static final Map<Object, ReentrantLock> H2_FOLDERS = new ConcurrentHashMap<>();
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Db db;
    private final DataSource dataSource;
    private final boolean postgres;
    private final ReentrantLock h2Folder;
    private final FoldedStates held = new FoldedStates();

    DashboardFold(Db db, DataSource dataSource) {
        this.db = db;
        this.dataSource = dataSource;
        this.postgres = db.dialect == Dialect.POSTGRES;
        this.h2Folder = postgres ? null : H2_FOLDERS.computeIfAbsent(db.database, k -> new ReentrantLock());
    }

    /** The most transitions one call folds, in one transaction: a backlog is folded chunk by chunk. */
    static final int CHUNK = 20_000;

    /**
     * Where the fold stands: everything up to {@code (tx, id)} is folded. On PostgreSQL that is every
     * transaction below {@code tx}, and of transaction {@code tx} the rows up to id {@code id} (0: none);
     * on H2 {@code tx} is the highest folded transition id and {@code id} stays 0.
     */
    record Mark(long tx, long id) {
    }

    /**
     * Folds at most {@link #CHUNK} transitions past the mark, and moves the mark, in one transaction.
     *
     * @return transitions folded (0 when caught up), or -1 when another folder holds the fold or writers would not yield
     */
    long fold() {
        if (!postgres) {
            if (!h2Folder.tryLock()) {
                return -1;
            }
            try {
                return db.highestCommittedId("transitions").map(this::foldChunk).orElse(-1L);
            } finally {
                h2Folder.unlock();
            }
        }
        return foldChunk(-1);
    }

    /** @param highest on H2 the highest committed transition id; ignored on PostgreSQL */
    private long foldChunk(long highest) {
        return sql(c -> {
            c.setAutoCommit(false);
            try {
                FoldedStates.Point start = lockMark(c, postgres ? " nowait" : "");
                if (start == null) {
                    c.rollback();
                    return -1L;
                }
                Mark from = start.mark();
                // Every transaction below the snapshot's xmin has ended: nothing can commit behind the mark.
                long end = postgres ? snapshotXmin(c) : highest;
                if (from.tx() >= end) {
                    c.rollback();
                    return 0L;
                }
                held.begin(start);
                Chunk chunk = foldAll(c, held, postgres
                        // The row comparison bounds the (tx_id, id) index scan at the mark; an OR of the two
                        // would only bound it at the end, and each chunk would re-read all folded rows.
                        ? "select * from transitions where (tx_id, id) > (?, ?) and tx_id < ?"
                                + " order by tx_id, id limit " + CHUNK
                        : "select * from transitions where id > ? and id <= ? order by id limit " + CHUNK,
                        postgres ? new long[] {from.tx(), from.id(), end} : new long[] {from.tx(), end});
                Mark to = chunk.full() ? chunk.last() : new Mark(end, 0);
                try (PreparedStatement ps = c.prepareStatement("update dash_marks set folded_to = ?, folded_id = ? where id = 1")) {
                    ps.setLong(1, to.tx());
                    ps.setLong(2, to.id());
                    ps.executeUpdate();
                }
                c.commit();
                held.committed(new FoldedStates.Point(to, start.rebuilds()));
                return chunk.delta().transitions();
            } catch (SQLException | RuntimeException e) {
                held.forget();
                c.rollback();
                throw e;
            }
        });
    }

    /**
     * The mark and the count of rebuilds, locked for this transaction; null when another instance's
     * folder holds them ({@code nowait}).
     */
    private static FoldedStates.Point lockMark(Connection c, String wait) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(
                "select folded_to, folded_id, rebuilds from dash_marks where id = 1 for update" + wait)) {
            rs.next();
            return new FoldedStates.Point(new Mark(rs.getLong(1), rs.getLong(2)), rs.getLong(3));
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return null;
            }
            throw e;
        }
    }

    private static long snapshotXmin(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(
                "select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * What one pass folded.
     *
     * @param full whether it stopped at {@link #CHUNK} rows, so more may follow
     * @param last the position of the last row folded (PostgreSQL: its tx_id and id; H2: its id)
     */
    private record Chunk(FlowDelta delta, boolean full, Mark last) {
    }

    /** Transitions folded per run of per-contact state: bounds the memory a fold of millions takes. */
    private static final int RUN = 10_000;

    /**
     * Streams the transitions a query selects (long parameters) and folds them: the flows at the end, the
     * per-contact state run by run, all on {@code c}'s transaction.
     *
     * @param states follows the states written, or null to read every state from the database
     */
    private Chunk foldAll(Connection c, FoldedStates states, String sql, long... parameters) throws SQLException {
        FlowDelta delta = new FlowDelta();
        List<ContactFolding.Folded> run = new ArrayList<>(RUN);
        long rows = 0;
        Mark last = null;
        try (PreparedStatement ps = Db.plannedEachTime(c.prepareStatement(sql))) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setLong(i + 1, parameters[i]);
            }
            ps.setFetchSize(1_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ContactFolding.Folded row = ContactFolding.FOLDED.map(rs, null);
                    Transition t = row.transition();
                    rows++;
                    last = postgres ? new Mark(rs.getLong("tx_id"), t.id()) : new Mark(t.id(), 0);
                    delta.add(t);
                    run.add(row);
                    if (run.size() == RUN) {
                        foldRun(c, states, run);
                        run.clear();
                    }
                }
            }
        }
        if (!run.isEmpty()) {
            foldRun(c, states, run);
        }
        apply(c, delta);
        return new Chunk(delta, rows == CHUNK, last);
    }

    private void foldRun(Connection c, FoldedStates states, List<ContactFolding.Folded> run) throws SQLException {
        ContactFold fold = ContactFolding.fold(c, postgres, run, states);
        ContactFolding.apply(c, fold);
        if (states != null) {
            states.putAll(fold.states());
        }
        fileByHour(c, run);
    }

    private record Hour(long journey, Instant start) {
    }

    /**
     * Files the folded transitions' ids under the hour they are effective in, for the exact edges of
     * dashboard ranges: packed, a row per journey and hour in the run ({@link HourIds}). Here rather than an
     * index on the history, which every move would write in its own transaction (V17, V18).
     */
    private static void fileByHour(Connection c, List<ContactFolding.Folded> run) throws SQLException {
        Map<Hour, List<Long>> byHour = new HashMap<>();
        for (ContactFolding.Folded row : run) {
            Transition t = row.transition();
            byHour.computeIfAbsent(new Hour(t.journeyId().value(), t.effectiveAt().truncatedTo(ChronoUnit.HOURS)),
                    k -> new ArrayList<>()).add(t.id());
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into dash_hour_ids (journey_id, hour_start, first_id, ids) values (?, ?, ?, ?)")) {
            StringBuilder packed = new StringBuilder();
            for (Map.Entry<Hour, List<Long>> e : byHour.entrySet()) {
                long[] ids = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
                for (int from = 0; from < ids.length; ) {
                    packed.setLength(0);
                    int to = HourIds.encode(ids, from, ids.length, packed);
                    ps.setLong(1, e.getKey().journey());
                    ps.setObject(2, Rows.utc(e.getKey().start()));
                    ps.setLong(3, ids[from]);
                    ps.setString(4, packed.toString());
                    ps.addBatch();
                    from = to;
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * Adds a delta to the aggregates: an update per row, then an insert for the rows not there yet. Safe
     * without upserts because one folder at a time writes them.
     */
    static void apply(Connection c, FlowDelta delta) throws SQLException {
        upsert(c, "update dash_populations set population = population + ? where journey_id = ? and stage_id = ?",
                "insert into dash_populations (population, journey_id, stage_id) values (?, ?, ?)",
                delta.populations().entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey().journey(),
                        e.getKey().stage()}).toList());
        for (boolean hourly : new boolean[] {true, false}) {
            String table = hourly ? "dash_flows_hourly" : "dash_flows_daily";
            upsert(c, "update " + table + " set entered = entered + ?, exited = exited + ?"
                            + " where journey_id = ? and stage_id = ? and bucket = ?",
                    "insert into " + table + " (entered, exited, journey_id, stage_id, bucket) values (?, ?, ?, ?, ?)",
                    (hourly ? delta.hourly() : delta.daily()).entrySet().stream().map(e -> new Object[] {
                            e.getValue()[0], e.getValue()[1], e.getKey().journey(), e.getKey().stage(),
                            Rows.utc(e.getKey().bucket())}).toList());
        }
        upsert(c, "update dash_moves_hourly set moves = moves + ? where journey_id = ? and bucket = ? and source_kind = ?"
                        + " and source_ref = ? and from_stage_id = ? and to_stage_id = ?",
                "insert into dash_moves_hourly (moves, journey_id, bucket, source_kind, source_ref, from_stage_id,"
                        + " to_stage_id) values (?, ?, ?, ?, ?, ?, ?)",
                delta.moves().entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey().journey(),
                        Rows.utc(e.getKey().hour()), e.getKey().kind(), clip(e.getKey().ref()), e.getKey().from(),
                        e.getKey().to()}).toList());
    }

    /** Updates each row, then inserts those that were not there; safe because one folder at a time writes. */
    static void upsert(Connection c, String update, String insert, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> missing = new ArrayList<>();
        // Planned for the table as it is now: a plan cached while it was empty would scan it per row.
        try (PreparedStatement ps = Db.plannedEachTime(c.prepareStatement(update))) {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    missing.add(rows.get(i));
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (Object[] row : missing) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            ps.setObject(i + 1, row[i]);
        }
    }

    private static String clip(String ref) {
        return ref.length() <= 200 ? ref : ref.substring(0, 200);
    }

    /** Replaces the journey's aggregates with those of its folded history, holding the fold's mark. */
    void rebuild(String tenant, JourneyId journey) {
        if (h2Folder != null) {
            h2Folder.lock();
        }
        try {
            sql(c -> {
                c.setAutoCommit(false);
                try {
                    Mark mark = lockMark(c, "").mark();
                    // Other instances' folders stop trusting the states they hold; this one forgets its own.
                    held.forget();
                    try (PreparedStatement ps = c.prepareStatement("update dash_marks set rebuilds = rebuilds + 1 where id = 1")) {
                        ps.executeUpdate();
                    }
                    for (String table : List.of("dash_populations", "dash_flows_hourly", "dash_flows_daily", "dash_moves_hourly",
                            "dash_contacts", "dash_paths", "dash_conversions", "dash_conversion_totals", "dash_occupancy",
                            "dash_hour_ids")) {
                        try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where journey_id = ?")) {
                            ps.setLong(1, journey.value());
                            ps.executeUpdate();
                        }
                    }
                    if (postgres) {
                        foldAll(c, null, "select * from transitions where journey_id = ? and (tx_id < ? or (tx_id = ? and id <= ?))"
                                + " order by id", journey.value(), mark.tx(), mark.tx(), mark.id());
                    } else {
                        foldAll(c, null, "select * from transitions where journey_id = ? and id <= ? order by id",
                                journey.value(), mark.tx());
                    }
                    c.commit();
                    return null;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            });
        } finally {
            if (h2Folder != null) {
                h2Folder.unlock();
            }
        }
    }

    private <T> T sql(Db.SqlWork<T> work) {
        return Db.onConnection(dataSource, "folding the dashboard", work);
    }
}
