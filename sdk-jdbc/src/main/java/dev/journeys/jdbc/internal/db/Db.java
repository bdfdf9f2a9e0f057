package dev.journeys.jdbc.internal.db;

import dev.journeys.api.JourneysException;
import dev.journeys.api.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** A started database: Jdbi, its dialect, and the translation of driver failures into SDK errors. */
public final class Db {

    /** 64, so that a set of stripes fits in one {@code long} ({@link #moveLocks}). */
    private static final int LOCK_STRIPES = Long.SIZE;

    public final Jdbi jdbi;
    public final Dialect dialect;
    /** Identifies the database across SDK instances in this JVM: on H2 the database itself, on PostgreSQL its URL or pool. */
    public final Object database;
    private final ReadWriteLock[] journeyLocks;

    /** Shared by every SDK instance of this JVM on the same embedded database. */
    private static final ConcurrentHashMap<Object, ReadWriteLock[]> H2_LOCKS = new ConcurrentHashMap<>();

    public Db(Jdbi jdbi, Dialect dialect, Object database) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.database = database;
        this.journeyLocks = dialect == Dialect.H2 ? H2_LOCKS.computeIfAbsent(database, k -> stripes()) : new ReadWriteLock[0];
    }

    private static ReadWriteLock[] stripes() {
        ReadWriteLock[] locks = new ReadWriteLock[LOCK_STRIPES];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantReadWriteLock();
        }
        return locks;
    }

    /** Runs a definition change of {@code journey}; on H2 it excludes moves in that journey. */
    public <T> T asChange(long journey, Supplier<T> work) {
        return guarded(journeyLocks.length == 0 ? null : stripe(journey).writeLock(), work);
    }

    /**
     * The lock a write of moves in {@code journey} holds until its transaction ends, for callers that hold it
     * across several writes (imports); null where there is none (PostgreSQL).
     */
    public Lock moveLock(long journey) {
        return journeyLocks.length == 0 ? null : stripe(journey).readLock();
    }

    /**
     * The locks a write of moves in these journeys holds until its transaction ends, in stripe order so that
     * two writers never cross; none on PostgreSQL. A write of no moves takes stripe 0 (read locks share it):
     * the run log's filer relies on every run-log row being written under a stripe ({@link RunLogContacts}).
     */
    public List<Lock> moveLocks(long[] journeys) {
        if (journeyLocks.length == 0) {
            return List.of();
        }
        // One bit per stripe: repeats collapse and the bits read in stripe order, without sorting anything.
        long stripes = journeys.length == 0 ? 1L : 0L;
        for (long journey : journeys) {
            stripes |= 1L << Math.floorMod(journey, (long) LOCK_STRIPES);
        }
        List<Lock> locks = new java.util.ArrayList<>(Long.bitCount(stripes));
        for (long left = stripes; left != 0; left &= left - 1) {
            locks.add(journeyLocks[Long.numberOfTrailingZeros(left)].readLock());
        }
        return locks;
    }

    /** The lock {@link #asChange} takes, for a stage removal's transaction; null on PostgreSQL. */
    public Lock changeLock(long journey) {
        return journeyLocks.length == 0 ? null : stripe(journey).writeLock();
    }

    /**
     * Runs {@code work} while no move of any journey is being written through this JVM (H2), which makes
     * every transition id up to the highest one committed. Empty when the writers do not yield within
     * {@code waitMillis} per journey stripe, or where there are no such locks (PostgreSQL).
     */
    <T> Optional<T> withMovesHeldOff(long waitMillis, Supplier<T> work) {
        if (journeyLocks.length == 0) {
            return Optional.empty();
        }
        int held = 0;
        try {
            for (; held < journeyLocks.length; held++) {
                if (!journeyLocks[held].writeLock().tryLock(waitMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return Optional.empty();
                }
            }
            return Optional.ofNullable(call(work));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            for (int i = held - 1; i >= 0; i--) {
                journeyLocks[i].writeLock().unlock();
            }
        }
    }

    /**
     * H2: the highest id in {@code table}, read while every writer is held off ({@link #withMovesHeldOff}), so
     * that every id up to it is committed or never will be: a mark that background work may advance to. Empty
     * when the writers do not yield, and on PostgreSQL.
     */
    public Optional<Long> highestCommittedId(String table) {
        return withMovesHeldOff(50, () -> jdbi.withHandle(h -> h.createQuery("select coalesce(max(id), 0) from " + table)
                .mapTo(Long.class).one()));
    }

    private ReadWriteLock stripe(long journey) {
        return journeyLocks[(int) Math.floorMod(journey, (long) LOCK_STRIPES)];
    }

    private static <T> T guarded(Lock lock, Supplier<T> work) {
        if (lock == null) {
            return call(work);
        }
        lock.lock();
        try {
            return call(work);
        } finally {
            lock.unlock();
        }
    }

    /** Runs database work, turning driver failures into {@link StorageException}. */
    public static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (JourneysException e) {
            throw e;
        } catch (JdbiException e) {
            throw DatabaseErrors.failed("a call to the database", e);
        }
    }

    /** One piece of work on a connection inside a transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on a connection of its own; a driver failure becomes a StorageException saying what failed. */
    public static <T> T onConnection(DataSource dataSource, String what, SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw DatabaseErrors.failed(what, e);
        }
    }

    /**
     * PostgreSQL: plans the statement afresh at each execution, for its parameters and the table's current
     * size. A server-side prepared statement soon runs a generic plan made once per pooled connection; made
     * while a table was nearly empty, that plan scans it whole and matches each row against a key array, and
     * keeps doing so as the table grows to millions (a new install's first big import, its dashboard fold).
     * For statements that look up many keys at once or read a range, planning costs far less than that risk.
     */
    public static <S extends java.sql.Statement> S plannedEachTime(S statement) throws SQLException {
        if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
            statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
        }
        return statement;
    }

    /** {@link #plannedEachTime} for a Jdbi statement. */
    public static final org.jdbi.v3.core.statement.StatementCustomizer PLANNED_EACH_TIME =
            new org.jdbi.v3.core.statement.StatementCustomizer() {
                @Override
                public void beforeExecution(java.sql.PreparedStatement stmt, org.jdbi.v3.core.statement.StatementContext ctx)
                        throws SQLException {
                    plannedEachTime(stmt);
                }
            };

    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
