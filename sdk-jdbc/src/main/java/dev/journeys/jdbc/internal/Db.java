package dev.journeys.jdbc.internal;

import dev.journeys.api.JourneysException;
import dev.journeys.api.StorageException;
import java.sql.SQLException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** A started database: Jdbi, its dialect, and the translation of driver failures into SDK errors. */
final class Db {

    private static final int LOCK_STRIPES = 64;

    final Jdbi jdbi;
    final Dialect dialect;
    private final ReadWriteLock[] journeyLocks;

    Db(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.journeyLocks = new ReadWriteLock[dialect == Dialect.H2 ? LOCK_STRIPES : 0];
        for (int i = 0; i < journeyLocks.length; i++) {
            journeyLocks[i] = new ReentrantReadWriteLock();
        }
    }

    /** Runs a move on {@code journey}; on H2 it excludes definition changes of that journey. */
    <T> T asMove(long journey, Supplier<T> work) {
        return guarded(journeyLocks.length == 0 ? null : stripe(journey).readLock(), work);
    }

    /** Runs a definition change of {@code journey}; on H2 it excludes moves in that journey. */
    <T> T asChange(long journey, Supplier<T> work) {
        return guarded(journeyLocks.length == 0 ? null : stripe(journey).writeLock(), work);
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
    static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (JourneysException e) {
            throw e;
        } catch (JdbiException e) {
            throw new StorageException(e.getMessage(), e);
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
