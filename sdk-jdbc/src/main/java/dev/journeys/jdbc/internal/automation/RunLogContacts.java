package dev.journeys.jdbc.internal.automation;

import dev.journeys.jdbc.internal.db.Db;
import dev.journeys.jdbc.internal.db.HourIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;

/**
 * The run log by contact on H2, filed in the background instead of indexed by every event (V19).
 *
 * <p>An index on {@code (tenant_id, contact_key)} took each event's row to a random place in a large tree,
 * inside the event's own transaction: measured, the largest single cost an event added to its move on H2
 * (benchmarks/README.md). Instead, with each dashboard fold, {@link #file} packs the ids of the rows past a
 * mark per contact ({@link HourIds}' text, a row per contact and call) and moves the mark, in one transaction.
 * The mark is the highest run-log id read while every writer is held off ({@link Db#highestCommittedId}); every
 * run-log row is written holding a stripe ({@link Db#moveLocks}), so each id up to it is committed or never will be.
 *
 * <p>PostgreSQL keeps its index: several instances write there, with no JVM lock to hold them off.
 */
final class RunLogContacts {

    /** The most rows one call files, in one transaction: a backlog is filed chunk by chunk. */
    static final int CHUNK = 20_000;

    /** The mark: every run-log id up to it is filed, or holds no decision. */
    private static final String READ_MARK = "select filed_to from run_log_filed where id = 1";

    /** One filer at a time per H2 database, however many SDK instances of this JVM share it. */
    private static final Map<Object, ReentrantLock> FILERS = new ConcurrentHashMap<>();

    private final Db db;
    private final DataSource dataSource;
    private final ReentrantLock filer;
    private final int chunk;

    RunLogContacts(Db db, DataSource dataSource) {
        this(db, dataSource, CHUNK);
    }

    RunLogContacts(Db db, DataSource dataSource, int chunk) {
        this.db = db;
        this.dataSource = dataSource;
        this.filer = FILERS.computeIfAbsent(db.database, k -> new ReentrantLock());
        this.chunk = chunk;
    }

    /**
     * Files at most one chunk of rows past the mark.
     *
     * @return rows filed (0 when caught up), or -1 when another filer holds the mark or writers would not yield
     */
    long file() {
        if (!filer.tryLock()) {
            return -1;
        }
        try {
            return db.highestCommittedId("run_log").map(this::fileUpTo).orElse(-1L);
        } finally {
            filer.unlock();
        }
    }

    private record Contact(String tenant, String key) {
    }

    /** A contact's ids in the chunk, ascending as the chunk is read. */
    private static final class Ids {
        long[] values = new long[4];
        int size;

        void add(long id) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = id;
        }
    }

    private long fileUpTo(long highest) {
        return sql(c -> {
            c.setAutoCommit(false);
            try {
                long mark = mark(c);
                if (mark >= highest) {
                    c.rollback();
                    return 0L;
                }
                Map<Contact, Ids> ids = new LinkedHashMap<>();
                int rows = 0;
                long last = mark;
                // Rows that only key an applied event hold no decision: queries never return them.
                try (PreparedStatement ps = c.prepareStatement("select id, tenant_id, contact_key from run_log"
                        + " where id > ? and id <= ? and decisions <> '' order by id fetch first " + chunk + " rows only")) {
                    ps.setLong(1, mark);
                    ps.setLong(2, highest);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            last = rs.getLong(1);
                            ids.computeIfAbsent(new Contact(rs.getString(2), rs.getString(3)), k -> new Ids()).add(last);
                            rows++;
                        }
                    }
                }
                insert(c, ids);
                // A chunk that was not full read every row up to the highest id.
                setMark(c, rows == chunk ? last : highest);
                c.commit();
                return (long) rows;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        });
    }

    private static void insert(Connection c, Map<Contact, Ids> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into run_log_contacts (tenant_id, contact_key, first_id, ids) values (?, ?, ?, ?)")) {
            StringBuilder packed = new StringBuilder();
            for (Map.Entry<Contact, Ids> e : ids.entrySet()) {
                Ids own = e.getValue();
                for (int from = 0; from < own.size; ) {
                    packed.setLength(0);
                    int to = HourIds.encode(own.values, from, own.size, packed);
                    ps.setString(1, e.getKey().tenant());
                    ps.setString(2, e.getKey().key());
                    ps.setLong(3, own.values[from]);
                    ps.setString(4, packed.toString());
                    ps.addBatch();
                    from = to;
                }
            }
            ps.executeBatch();
        }
    }

    private static long mark(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(READ_MARK)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setMark(Connection c, long to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update run_log_filed set filed_to = ? where id = 1")) {
            ps.setLong(1, to);
            ps.executeUpdate();
        }
    }

    /**
     * The ids of the contact's rows that hold decisions, newest first: the filed ones and the tail past the
     * mark. Read in that order, each read at least as new as the one before, so that nothing falls between
     * them: every id up to the mark read first is filed by then, and every id past it is in the run log.
     * An id filed after the mark was read is found twice, once.
     */
    static long[] idsOf(Handle h, String tenant, String contact) {
        long mark = h.createQuery(READ_MARK).mapTo(Long.class).one();
        List<long[]> parts = new ArrayList<>();
        h.createQuery("select ids from run_log_contacts where tenant_id = :tenant and contact_key = :contact")
                .bind("tenant", tenant).bind("contact", contact)
                .mapTo(String.class).forEach(text -> parts.add(HourIds.decode(text)));
        // Tenant and contact are compared here: given them, H2 walks an index led by the tenant, all of it,
        // where the tail past the mark is a short range of the primary key.
        parts.add(h.createQuery("select id, tenant_id, contact_key from run_log where id > :mark and decisions <> ''")
                .bind("mark", mark)
                .map((rs, ctx) -> tenant.equals(rs.getString(2)) && contact.equals(rs.getString(3)) ? rs.getLong(1) : -1L)
                .stream().mapToLong(Long::longValue).filter(id -> id >= 0).toArray());
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().distinct().toArray();
        for (int i = 0, j = all.length - 1; i < j; i++, j--) {
            long swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        return all;
    }

    private <T> T sql(Db.SqlWork<T> work) {
        return Db.onConnection(dataSource, "filing the run log by contact", work);
    }
}
