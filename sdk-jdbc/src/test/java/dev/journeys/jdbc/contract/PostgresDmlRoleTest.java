package dev.journeys.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.AutomationSpec;
import dev.journeys.api.EventResult;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.Outcome;
import dev.journeys.api.TriggerEvent;
import dev.journeys.jdbc.Journeys;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A host whose schema another role migrated, running the SDK as a role granted only reads and writes on
 * its tables: no sequence of its own to draw from, no DDL. Every path it uses must still work.
 */
class PostgresDmlRoleTest {

    @Test
    void asynchronous_event_batches_work_for_a_role_granted_only_dml_on_the_tables() throws Exception {
        String url = Databases.postgresUrl();
        String tenant = "dml-" + UUID.randomUUID();
        String role = "journeys_dml_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Journey journey;
        try (JourneysSdk owner = configure(url).load()) {
            journey = owner.tenant(tenant).createJourney(JourneySpec.named("Advocacy").stages("Enrolled", "Ordered"));
            owner.tenant(tenant).automations().create(AutomationSpec.named("any order").on(TestTriggers.ORDER)
                    .then(Outcome.moveTo(journey.id(), journey.stages().get(1).id())));
        }
        try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
            try (java.sql.ResultSet rs = s.executeQuery(
                    "select rolsuper or rolcreaterole from pg_roles where rolname = current_user")) {
                rs.next();
                org.junit.jupiter.api.Assumptions.assumeTrue(rs.getBoolean(1),
                        "the test database's user may not create roles");
            }
            s.execute("create role " + role + " login password 'dml'");
            s.execute("grant usage on schema public to " + role);
            s.execute("grant select, insert, update, delete on all tables in schema public to " + role);
        }
        try {
            String asRole = url.replaceFirst("\\?.*$", "") + "?user=" + role + "&password=dml";
            try (JourneysSdk app = configure(asRole).asyncBatchSize(20).load()) {
                List<CompletableFuture<EventResult>> results = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    results.add(app.tenant(tenant).automations().publishAsync(
                            TriggerEvent.of("e" + i, TestTriggers.ORDER, "c" + (i % 7), Instant.parse("2026-06-01T10:00:00Z"))
                                    .with("status", "paid").with("amount", "10")));
                }
                for (CompletableFuture<EventResult> result : results) {
                    EventResult r = result.get(1, TimeUnit.MINUTES);
                    assertThat(r.duplicate()).isFalse();
                    assertThat(r.records()).hasSize(1);
                }
                assertThat(app.tenant(tenant).automations().runLog(dev.journeys.api.RunLogQuery.all(), dev.journeys.api.PageRequest.first(1000)).items())
                        .hasSize(60);
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
                s.execute("drop owned by " + role);
                s.execute("drop role " + role);
            } catch (SQLException e) {
                // the role stays behind in a throw-away test database: harmless
            }
        }
    }

    private static dev.journeys.jdbc.JourneysConfiguration configure(String url) {
        return Journeys.configure().jdbcUrl(url).trigger(TestTriggers.ORDER_TRIGGER);
    }
}
