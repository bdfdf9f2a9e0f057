package dev.journeys.jdbc.internal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.jdbc.internal.Migrations;
import dev.journeys.jdbc.internal.db.HourIds;
import dev.journeys.jdbc.internal.db.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V18 files what an upgraded database has already folded under the hour it is effective in, and only that: the rest is
 * still the unfolded tail, which reads take from the history and the next fold files.
 */
class HourIdsMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void upgrading_files_the_folded_history_by_the_hour_it_is_effective_in(String vendor) throws SQLException {
        Migrations.Scratch db = Migrations.Scratch.of(vendor);
        try (Connection c = db.connect()) {
            db.migrateTo("16");
            try (Statement s = c.createStatement()) {
                // PostgreSQL's mark (100, 2): every transaction below 100, and of 100 the rows up to id 2.
                // H2's mark: every id up to 2, and id 4, written by an earlier transaction, is not folded.
                s.executeUpdate("insert into transitions (id, tenant_id, journey_id, contact_key, to_stage_id, effective_at,"
                        + " recorded_at, source_kind, source_ref, placement_version" + (db.h2() ? "" : ", tx_id") + ") values "
                        + row(1, 7, "a", "2026-01-05 10:15:00", db.h2() ? "" : ", 100") + ", "
                        + row(2, 7, "b", "2026-01-05 10:45:00", db.h2() ? "" : ", 100") + ", "
                        + row(3, 8, "a", "2026-01-06 09:00:00", db.h2() ? "" : ", 101") + ", "
                        + row(4, 8, "b", "2026-01-04 08:00:00", db.h2() ? "" : ", 99"));
                s.executeUpdate(db.h2() ? "update dash_marks set folded_to = 2"
                        : "update dash_marks set folded_to = 100, folded_id = 2");
            }

            db.migrateTo("latest");

            List<String> filed = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select journey_id, hour_start, ids from dash_hour_ids order by journey_id, first_id")) {
                while (rs.next()) {
                    filed.add(rs.getLong(1) + " " + Rows.instant(rs, "hour_start") + " " + java.util.Arrays.toString(HourIds.decode(rs.getString(3))));
                }
            }
            assertThat(filed).containsExactly(db.h2()
                    ? new String[] {"7 2026-01-05T10:00:00Z [1]", "7 2026-01-05T10:00:00Z [2]"}
                    : new String[] {"7 2026-01-05T10:00:00Z [1]", "7 2026-01-05T10:00:00Z [2]", "8 2026-01-04T08:00:00Z [4]"});
        } finally {
            db.drop();
        }
    }

    private static String row(long id, long journey, String contact, String effective, String tx) {
        return "(" + id + ", 't', " + journey + ", '" + contact + "', 1, timestamp with time zone '" + effective
                + "+00', timestamp with time zone '" + effective + "+00', 'MANUAL', 'ann', 1" + tx + ")";
    }
}
