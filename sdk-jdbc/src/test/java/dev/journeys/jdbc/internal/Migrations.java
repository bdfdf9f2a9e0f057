package dev.journeys.jdbc.internal;

import dev.journeys.jdbc.contract.Databases;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/** Migrates a scratch database step by step, as the SDK does all at once, so that a test can seed a past schema. */
final class Migrations {

    /** H2: a database of its own, in memory. PostgreSQL: a schema of its own in the suite's database. */
    record Scratch(String vendor, String url, String schema) {

        static Scratch of(String vendor) {
            String schema = "mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            return vendor.equals("h2")
                    ? new Scratch(vendor, "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1", null)
                    : new Scratch(vendor, Databases.postgresUrl(), schema);
        }

        boolean h2() {
            return schema == null;
        }

        /** Drops the PostgreSQL schema; an H2 database in memory goes with the JVM. */
        void drop() throws java.sql.SQLException {
            if (schema != null) {
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                        java.sql.Statement s = c.createStatement()) {
                    s.execute("drop schema " + schema + " cascade");
                }
            }
        }

        void migrateTo(String target) {
            var configuration = Flyway.configure().dataSource(url, null, null);
            if (schema != null) {
                configuration.schemas(schema);
            }
            configuration
                    .locations("classpath:db/journeys/common", "classpath:db/journeys/vendor-" + vendor)
                    .javaMigrations(new RunLogMigration())
                    .table("journeys_schema_history")
                    .target(target)
                    .load()
                    .migrate();
        }
    }

    private Migrations() {
    }
}
