package dev.journeys.jdbc.internal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.jdbc.internal.Migrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** V10 starts the all-cohort conversion sums from what an upgraded database has already folded per cohort day. */
class ConversionTotalsMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void upgrading_sums_the_folded_conversions_over_cohort_days(String vendor) throws SQLException {
        Migrations.Scratch db = Migrations.Scratch.of(vendor);
        try (Connection c = db.connect()) {
            db.migrateTo("9");
            try (Statement s = c.createStatement()) {
                s.executeUpdate("""
                        insert into dash_conversions (journey_id, cohort_day, from_stage_id, to_stage_id, bucket, contacts, seconds)
                        values (1, timestamp '2026-01-01 00:00:00', 10, 11, 40, 2, 100),
                               (1, timestamp '2026-01-02 00:00:00', 10, 11, 40, 3, 200),
                               (1, timestamp '2026-01-02 00:00:00', 10, 11, 41, 1, 70),
                               (1, timestamp '2026-01-02 00:00:00', 11, 12, 40, 4, 90)""");
            }

            db.migrateTo("latest");

            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select from_stage_id, to_stage_id, bucket, contacts, seconds"
                            + " from dash_conversion_totals order by 1, 2, 3")) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getLong(1) + "->" + rs.getLong(2) + " b" + rs.getInt(3) + ": " + rs.getLong(4) + " / "
                            + rs.getLong(5) + "s");
                }
                assertThat(rows).containsExactly("10->11 b40: 5 / 300s", "10->11 b41: 1 / 70s", "11->12 b40: 4 / 90s");
            }
        } finally {
            db.drop();
        }
    }
}
