package dev.journeys.jdbc.internal;

import dev.journeys.api.ConfigurationException;

/** The few places where H2 and PostgreSQL need different SQL. */
public enum Dialect {
    /**
     * Embedded in this process and owned by it, so a JVM lock per journey serialises definition
     * changes against moves; H2 has no shared row lock to do it in SQL.
     */
    H2("", "null"),
    /**
     * Moves take the weakest row lock on their journey, which only a definition change (FOR UPDATE)
     * waits for. It closes the window where a move checked against the old definition commits after
     * a stage removal counted that stage empty.
     */
    POSTGRES(" for key share", "pg_current_xact_id()::text::bigint");

    final String journeyShareLock;
    /** What goes into transitions.tx_id; see PostgresCommitPoller. */
    final String currentTransactionId;

    Dialect(String journeyShareLock, String currentTransactionId) {
        this.journeyShareLock = journeyShareLock;
        this.currentTransactionId = currentTransactionId;
    }

    public static Dialect ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new ConfigurationException("unsupported database URL " + jdbcUrl + "; use jdbc:h2: or jdbc:postgresql:");
    }

    static Dialect ofProductName(String product) {
        if (product.equalsIgnoreCase("H2")) {
            return H2;
        }
        if (product.equalsIgnoreCase("PostgreSQL")) {
            return POSTGRES;
        }
        throw new ConfigurationException("unsupported database " + product + "; use H2 or PostgreSQL");
    }
}
