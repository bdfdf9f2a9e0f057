package dev.journeys.jdbc.internal.db;

import dev.journeys.api.ConfigurationException;

/** The few places where H2 and PostgreSQL need different SQL. */
public enum Dialect {
    /**
     * Embedded in this process and owned by it, so a JVM lock per journey serialises stage removals
     * against moves (see Db).
     */
    H2("h2", "", ""),
    /**
     * A stage removal locks the placements table against writers for its short transaction (see
     * DefinitionStore), so that moves pay nothing for it. A row lock on the journey from every move
     * was measured first: it turned into a multixact on the hot journey row at 8 threads.
     */
    POSTGRES("postgresql", ", tx_id", ", pg_current_xact_id()::text::bigint");

    /** Migrations special to a database live in db/journeys/vendor-{flywayVendor}. */
    public final String flywayVendor;
    /** transitions.tx_id exists only on PostgreSQL, for PostgresCommitPoller. */
    public final String historyTxColumn;
    public final String historyTxValue;

    Dialect(String flywayVendor, String historyTxColumn, String historyTxValue) {
        this.flywayVendor = flywayVendor;
        this.historyTxColumn = historyTxColumn;
        this.historyTxValue = historyTxValue;
    }

    public static Dialect ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            requireEmbeddedH2(jdbcUrl);
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new ConfigurationException("unsupported database URL " + Secrets.redact(jdbcUrl) + "; use jdbc:h2: or jdbc:postgresql:");
    }

    /**
     * SDK instances on one H2 database share commits and move locks inside their JVM; H2 in server mode lets
     * other processes write past them, so it is refused. Several processes call for PostgreSQL.
     */
    public static void requireEmbeddedH2(String jdbcUrl) {
        String url = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
        boolean autoServer = false;
        for (String setting : url.split(";")) {
            String[] pair = setting.split("=", 2);
            // H2 reads a setting's boolean leniently (TRUE, YES, 1, T...): anything but an explicit no is on.
            autoServer |= pair.length == 2 && pair[0].trim().equals("AUTO_SERVER")
                    && !java.util.Set.of("FALSE", "NO", "0", "F", "OFF").contains(pair[1].trim());
        }
        if (url.startsWith("JDBC:H2:TCP:") || url.startsWith("JDBC:H2:SSL:") || autoServer) {
            throw new ConfigurationException("H2 in server mode is not supported (" + Secrets.redact(jdbcUrl) + "): other processes"
                    + " would write past the SDK's in-process locks; use embedded H2 for one process, PostgreSQL for several");
        }
    }

    public static Dialect ofProductName(String product) {
        if (product.equalsIgnoreCase("H2")) {
            return H2;
        }
        if (product.equalsIgnoreCase("PostgreSQL")) {
            return POSTGRES;
        }
        throw new ConfigurationException("unsupported database " + product + "; use H2 or PostgreSQL");
    }
}
