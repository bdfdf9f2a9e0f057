package dev.journeys.jdbc.internal.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.JourneyId;
import dev.journeys.api.ReasonCode;
import dev.journeys.api.RunDecision;
import dev.journeys.api.RunLogQuery;
import dev.journeys.api.RunRecord;
import dev.journeys.api.StageId;
import dev.journeys.jdbc.internal.Migrations;
import dev.journeys.jdbc.internal.db.Db;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** V12 carries the row-per-decision log and the processed-event keys of an upgraded database into run_log. */
class RunLogMigrationTest {

    private static final String OLD_ROW = """
            insert into automation_runs (tenant_id, automation_id, event_id, trigger_type, contact_key, recorded_at,
              chain_depth, decision, condition_index, reason_code, detail, journey_id, from_stage_id, to_stage_id,
              transition_id)
            values ('%s', %d, '%s', 'order.created', 'c1', timestamp with time zone '%s', %d, %s)""";
    private static final String TEN = "2026-06-01 10:00:00+00";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void upgrading_keeps_every_decision_of_the_old_log(String vendor) throws SQLException {
        Migrations.Scratch db = Migrations.Scratch.of(vendor);
        try (Connection c = db.connect()) {
            db.migrateTo("11");
            try (Statement s = c.createStatement()) {
                s.executeUpdate(OLD_ROW.formatted("t1", 1, "e1", TEN, 0,
                        "'NOT_MATCHED', 1, null, 'status was ''open''', null, null, null, null"));
                s.executeUpdate(OLD_ROW.formatted("t1", 2, "e1", TEN, 0,
                        "'MOVED', null, null, null, 7, null, 70, 501"));
                s.executeUpdate(OLD_ROW.formatted("t2", 1, "e1", TEN, 0,
                        "'FAILED', null, null, 'plugin failed: \uD83D\uDE80', null, null, null, null"));
                s.executeUpdate(OLD_ROW.formatted("t1", 3, "stage_changed:501", TEN, 1,
                        "'SKIPPED', null, 'OUT_OF_SEQUENCE', 'no skipping', 7, null, null, null"));
                s.executeUpdate(OLD_ROW.formatted("t1", 3, "stage_changed:502", TEN, 9,
                        "'LOOP_STOPPED', 9, null, null, null, null, null, null"));
                s.executeUpdate("insert into processed_events (tenant_id, event_id, trigger_type, processed_at)"
                        + " values ('t1', 'e1', 'order.created', timestamp with time zone '2026-06-01 10:00:00+00')");
                s.executeUpdate("insert into processed_events (tenant_id, event_id, trigger_type, processed_at)"
                        + " values ('t1', 'quiet', 'order.created', timestamp with time zone '2026-06-01 10:00:00+00')");
            }

            db.migrateTo("latest");

            try (Handle h = Jdbi.open(c)) {
                List<RunRecord> t1 = RunLogQueries.query(h, db.dialect(), "t1", RunLogQuery.all(), java.util.Optional.empty(), 100);
                assertThat(t1).extracting(RunRecord::eventId)
                        .containsExactly("stage_changed:502", "stage_changed:501", "e1", "e1");
                assertThat(t1).extracting(RunRecord::decision).containsExactly(
                        new RunDecision.LoopStopped(9),
                        new RunDecision.Skipped(new JourneyId(7), ReasonCode.OUT_OF_SEQUENCE, "no skipping"),
                        new RunDecision.Moved(new JourneyId(7), Optional.empty(), new StageId(70), 501),
                        new RunDecision.NotMatched(1, null, "status was 'open'"));
                assertThat(t1).extracting(RunRecord::chainDepth).containsExactly(9, 1, 0, 0);
                assertThat(t1.get(3).recordedAt()).isEqualTo(Instant.parse("2026-06-01T10:00:00Z"));
                // By contact too: on H2 through V19's filing of what V12 copied, on PostgreSQL through the index.
                assertThat(RunLogQueries.query(h, db.dialect(), "t1", RunLogQuery.all().contact("c1"), java.util.Optional.empty(), 100)).isEqualTo(t1);
                assertThat(RunLogQueries.query(h, db.dialect(), "t2", RunLogQuery.all(), java.util.Optional.empty(), 100)).extracting(RunRecord::decision)
                        .containsExactly(new RunDecision.Failed("plugin failed: \uD83D\uDE80"));
                // The two decisions of e1 share one row again; each processed event keeps its key in a row of its own.
                assertThat(h.createQuery("select count(*) from run_log where applied is null").mapTo(Integer.class).one())
                        .isEqualTo(4);
                assertThat(h.createQuery("select event_id from run_log where applied order by event_id")
                        .mapTo(String.class).list()).containsExactly("e1", "quiet");
                assertThatThrownBy(() -> h.execute("insert into run_log (tenant_id, event_id, trigger_type, contact_key,"
                        + " recorded_at, chain_depth, decisions, applied) values ('t1', 'quiet', 'order.created', 'c9',"
                        + " current_timestamp, 0, '', true)"))
                        .satisfies(e -> assertThat(Db.isUniqueViolation(e)).isTrue());
                for (String dropped : List.of("automation_runs", "processed_events")) {
                    assertThatThrownBy(() -> h.createQuery("select count(*) from " + dropped).mapTo(Integer.class).one())
                            .hasMessageContaining(dropped);
                }
            }
        } finally {
            db.drop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_retry_stays_an_attempt_of_its_own_and_interleaved_tenants_copy_in_full(String vendor) throws SQLException {
        Migrations.Scratch db = Migrations.Scratch.of(vendor);
        try (Connection c = db.connect()) {
            db.migrateTo("11");
            try (Statement s = c.createStatement()) {
                // A failed attempt at 10:00 and its retry at 11:00, two automations each.
                for (String at : List.of(TEN, "2026-06-01 11:00:00+00")) {
                    String decision = (at.equals(TEN) ? "'FAILED'" : "'NOT_MATCHED'") + ", 0, null, 'x', null, null, null, null";
                    s.executeUpdate(OLD_ROW.formatted("t1", 1, "r1", at, 0, decision));
                    s.executeUpdate(OLD_ROW.formatted("t1", 2, "r1", at, 0, decision));
                }
                // Two tenants taking turns, more rows than one batch holds.
                try (java.sql.PreparedStatement ps = c.prepareStatement("""
                        insert into automation_runs (tenant_id, automation_id, event_id, trigger_type, contact_key,
                          recorded_at, chain_depth, decision, detail)
                        values (?, 1, ?, 'order.created', 'c1', timestamp with time zone '2026-06-02 10:00:00+00', 0,
                                'FAILED', 'y')""")) {
                    for (int i = 0; i < 2_600; i++) {
                        ps.setString(1, i % 2 == 0 ? "even" : "odd");
                        ps.setString(2, "e" + i);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }

            db.migrateTo("latest");

            try (Handle h = Jdbi.open(c)) {
                List<RunRecord> retried = RunLogQueries.query(h, db.dialect(), "t1", RunLogQuery.all(), java.util.Optional.empty(), 100);
                assertThat(retried).extracting(r -> r.decision().getClass().getSimpleName())
                        .containsExactly("NotMatched", "NotMatched", "Failed", "Failed");
                assertThat(retried).extracting(RunRecord::recordedAt).containsExactly(
                        Instant.parse("2026-06-01T11:00:00Z"), Instant.parse("2026-06-01T11:00:00Z"),
                        Instant.parse("2026-06-01T10:00:00Z"), Instant.parse("2026-06-01T10:00:00Z"));
                assertThat(RunLogQueries.query(h, db.dialect(), "t1", RunLogQuery.all().between(Instant.parse("2026-06-01T10:30:00Z"),
                        Instant.parse("2026-06-01T12:00:00Z")), java.util.Optional.empty(), 100)).hasSize(2);
                for (String tenant : List.of("even", "odd")) {
                    List<RunRecord> copied = RunLogQueries.query(h, db.dialect(), tenant, RunLogQuery.all(), java.util.Optional.empty(), 10_000);
                    assertThat(copied).hasSize(1_300);
                    // Newest first, as the old ids ordered them.
                    assertThat(copied.get(0).eventId()).isEqualTo(tenant.equals("even") ? "e2598" : "e2599");
                    assertThat(copied.get(1_299).eventId()).isEqualTo(tenant.equals("even") ? "e0" : "e1");
                }
            }
        } finally {
            db.drop();
        }
    }
}
