package dev.journeys.jdbc.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** What a writer of the move path holds and does, for tests that play one without the rest of the SDK. */
public final class Writers {

    private Writers() {
    }

    /** Runs {@code work} holding the H2 locks that a write of moves in {@code journeys} holds. */
    public static <T> T holdingMoveLocks(Db db, long[] journeys, Supplier<T> work) {
        List<Lock> locks = db.moveLocks(journeys);
        locks.forEach(Lock::lock);
        try {
            return work.get();
        } finally {
            for (int i = locks.size() - 1; i >= 0; i--) {
                locks.get(i).unlock();
            }
        }
    }

    /** Runs {@code work} in a transaction of its own and commits it. */
    public static <T> T committed(DataSource dataSource, Db.SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
