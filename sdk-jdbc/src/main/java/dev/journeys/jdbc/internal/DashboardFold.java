package dev.journeys.jdbc.internal;

import dev.journeys.api.JourneyId;
import dev.journeys.api.StorageException;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.storage.FlowDelta;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

    DashboardFold(Db db, DataSource dataSource) {
        this.db = db;
        this.dataSource = dataSource;
        this.postgres = db.dialect == Dialect.POSTGRES;
        this.h2Folder = postgres ? null : H2_FOLDERS.computeIfAbsent(db.database, k -> new ReentrantLock());
    }

    /** @return transitions folded, or -1 when another folder holds the fold or writers would not yield */
    long fold() {
        if (!postgres) {
            if (!h2Folder.tryLock()) {
                return -1;
            }
            try {
                return db.withMovesHeldOff(50, this::highestId).map(this::foldUpTo).orElse(-1L);
            } finally {
                h2Folder.unlock();
            }
        }
        return foldUpTo(-1);
    }

    private long highestId() {
        return sql(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("select coalesce(max(id), 0) from transitions")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** @param highest on H2 the highest committed transition id; ignored on PostgreSQL */
    private long foldUpTo(long highest) {
        return sql(c -> {
            c.setAutoCommit(false);
            try {
                Long from = lockMark(c);
                if (from == null) {
                    c.rollback();
                    return -1L;
                }
                long to = postgres ? snapshotXmin(c) : highest;
                if (to <= from) {
                    c.rollback();
                    return 0L;
                }
                String range = postgres ? "tx_id >= ? and tx_id < ?" : "id > ? and id <= ?";
                FlowDelta delta = foldAll(c, "select * from transitions where " + range + " order by id", from, to);
                try (PreparedStatement ps = c.prepareStatement("update dash_marks set folded_to = ? where id = 1")) {
                    ps.setLong(1, to);
                    ps.executeUpdate();
                }
                c.commit();
                return delta.transitions();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        });
    }

    /** The mark, locked for this transaction; null when another instance's folder holds it (PostgreSQL). */
    private Long lockMark(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(
                "select folded_to from dash_marks where id = 1 for update" + (postgres ? " nowait" : ""))) {
            rs.next();
            return rs.getLong(1);
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

    /** Transitions folded per run of per-contact state: bounds the memory a fold of millions takes. */
    private static final int RUN = 10_000;

    /**
     * Streams the transitions a query selects (two long parameters) and folds them: the flows at the end,
     * the per-contact state run by run, all on {@code c}'s transaction.
     */
    private FlowDelta foldAll(Connection c, String sql, long first, long second) throws SQLException {
        FlowDelta delta = new FlowDelta();
        List<Transition> run = new ArrayList<>(RUN);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, first);
            ps.setLong(2, second);
            ps.setFetchSize(1_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Transition t = Rows.TRANSITION.map(rs, null);
                    delta.add(t);
                    run.add(t);
                    if (run.size() == RUN) {
                        ContactFolding.apply(c, ContactFolding.fold(c, postgres, run));
                        run.clear();
                    }
                }
            }
        }
        if (!run.isEmpty()) {
            ContactFolding.apply(c, ContactFolding.fold(c, postgres, run));
        }
        apply(c, delta);
        return delta;
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
        try (PreparedStatement ps = c.prepareStatement(update)) {
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
                    long mark;
                    try (ResultSet rs = c.createStatement().executeQuery("select folded_to from dash_marks where id = 1 for update")) {
                        rs.next();
                        mark = rs.getLong(1);
                    }
                    for (String table : List.of("dash_populations", "dash_flows_hourly", "dash_flows_daily", "dash_moves_hourly",
                            "dash_contacts", "dash_paths", "dash_conversions", "dash_occupancy")) {
                        try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where journey_id = ?")) {
                            ps.setLong(1, journey.value());
                            ps.executeUpdate();
                        }
                    }
                    foldAll(c, "select * from transitions where journey_id = ? and " + (postgres ? "tx_id < ?" : "id <= ?")
                            + " order by id", journey.value(), mark);
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

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T sql(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("folding the dashboard failed: " + e.getMessage(), e);
        }
    }
}
