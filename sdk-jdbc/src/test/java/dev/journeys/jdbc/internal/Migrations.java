package dev.journeys.jdbc.internal;

import dev.journeys.jdbc.contract.Databases;
import dev.journeys.jdbc.internal.db.Dialect;
import java.util.UUID;

/** Migrates a scratch database step by step, as the SDK does all at once, so that a test can seed a past schema. */
public final class Migrations {

    /** H2: a database of its own, in memory. PostgreSQL: a schema of its own in the suite's database. */
    public record Scratch(String url, String schema) {

        public static Scratch of(String vendor) {
            String schema = "mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            return vendor.equals("h2")
                    ? new Scratch("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1", null)
                    : new Scratch(Databases.postgresUrl(), schema);
        }

        public boolean h2() {
            return schema == null;
        }

        public Dialect dialect() {
            return h2() ? Dialect.H2 : Dialect.POSTGRES;
        }

        /** Drops the PostgreSQL schema; an H2 database in memory goes with the JVM. */
        public void drop() throws java.sql.SQLException {
            if (schema != null) {
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                        java.sql.Statement s = c.createStatement()) {
                    s.execute("drop schema " + schema + " cascade");
                }
            }
        }

        /** A connection to the scratch database, on PostgreSQL with the scratch schema as its search path. */
        public java.sql.Connection connect() throws java.sql.SQLException {
            java.sql.Connection c = java.sql.DriverManager.getConnection(url);
            if (schema != null) {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("set search_path to " + schema);
                }
            }
            return c;
        }

        public void migrateTo(String target) {
            var configuration = JdbcStorage.migrations(dialect()).dataSource(url, null, null);
            if (schema != null) {
                configuration.schemas(schema);
            }
            configuration.target(target).load().migrate();
        }
    }

    private Migrations() {
    }
}
