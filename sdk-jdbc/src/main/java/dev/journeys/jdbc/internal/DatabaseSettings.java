package dev.journeys.jdbc.internal;

import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where the data lives: either a URL for which the SDK builds and owns a HikariCP pool, or a
 * host-supplied {@link DataSource} that the SDK uses but never closes.
 *
 * @param commitPollInterval how often a PostgreSQL instance looks for other instances' commits
 * @param privateDatabase an in-memory H2 that the SDK made for itself and drops when it closes
 * @param timeouts the bounds of a wait on the SDK's own pool; a host's pool keeps its own
 */
public record DatabaseSettings(
        Optional<String> jdbcUrl,
        Optional<String> user,
        Optional<String> password,
        int poolSize,
        Optional<DataSource> hostDataSource,
        Duration commitPollInterval,
        boolean privateDatabase,
        Timeouts timeouts) {

    /**
     * @param connection the longest wait for a connection of the pool
     * @param statement the longest a statement may run
     * @param lock the longest a statement may wait for a lock another transaction holds
     */
    public record Timeouts(Duration connection, Duration statement, Duration lock) {
    }
}
