package dev.journeys.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.jdbc.contract.Databases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** V10 starts the all-cohort conversion sums from what an upgraded database has already folded per cohort day. */
class ConversionTotalsMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void upgrading_sums_the_folded_conversions_over_cohort_days(String vendor) throws SQLException {
        // H2: a database of its own, in memory. PostgreSQL: a schema of its own in the suite's database.
        String schema = "mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        boolean h2 = vendor.equals("h2");
        String url = h2 ? "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1" : Databases.postgresUrl();
        try (Connection c = DriverManager.getConnection(url)) {
            flyway(url, vendor, h2 ? null : schema, "9").migrate();
            try (Statement s = c.createStatement()) {
                if (!h2) {
                    s.execute("set search_path to " + schema);
                }
                s.executeUpdate("""
                        insert into dash_conversions (journey_id, cohort_day, from_stage_id, to_stage_id, bucket, contacts, seconds)
                        values (1, timestamp '2026-01-01 00:00:00', 10, 11, 40, 2, 100),
                               (1, timestamp '2026-01-02 00:00:00', 10, 11, 40, 3, 200),
                               (1, timestamp '2026-01-02 00:00:00', 10, 11, 41, 1, 70),
                               (1, timestamp '2026-01-02 00:00:00', 11, 12, 40, 4, 90)""");
            }

            flyway(url, vendor, h2 ? null : schema, "latest").migrate();

            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select from_stage_id, to_stage_id, bucket, contacts, seconds"
                            + " from dash_conversion_totals order by 1, 2, 3")) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getLong(1) + "->" + rs.getLong(2) + " b" + rs.getInt(3) + ": " + rs.getLong(4) + " / "
                            + rs.getLong(5) + "s");
                }
                assertThat(rows).containsExactly("10->11 b40: 5 / 300s", "10->11 b41: 1 / 70s", "11->12 b40: 4 / 90s");
            } finally {
                if (!h2) {
                    c.createStatement().execute("drop schema " + schema + " cascade");
                }
            }
        }
    }

    private static Flyway flyway(String url, String vendor, String schema, String target) {
        var configuration = Flyway.configure().dataSource(url, null, null);
        if (schema != null) {
            configuration.schemas(schema);
        }
        return configuration
                .locations("classpath:db/journeys/common", "classpath:db/journeys/vendor-" + vendor)
                .table("journeys_schema_history")
                .target(target)
                .load();
    }
}
