package dev.journeys.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.Actor;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.MoveOutcome;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Rejection;
import dev.journeys.api.Stage;
import dev.journeys.jdbc.JourneysConfiguration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * What every contract test stands on: one SDK per database per class, and a fresh tenant per test,
 * which is all the isolation tests need because nothing crosses tenants.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContractSupport {

    protected static final Actor ANN = Actor.person("ann");

    protected JourneysSdk sdk;
    protected JourneyService journeys;
    protected String tenant;

    /** A JDBC URL that reaches the same database as {@link #configure(String)}, for raw checks. */
    protected abstract String jdbcUrl();

    protected JourneysConfiguration configure(String url) {
        return dev.journeys.jdbc.Journeys.configure().jdbcUrl(url)
                .trigger(TestTriggers.ORDER_TRIGGER).trigger(TestTriggers.FLAKY_TRIGGER).trigger(TestTriggers.SLOW_TRIGGER)
                .pluginTimeout(TestTriggers.PLUGIN_TIMEOUT).maxChainDepth(3);
    }

    @BeforeAll
    void startSdk() {
        sdk = configure(jdbcUrl()).load();
    }

    @AfterAll
    void closeSdk() {
        sdk.close();
    }

    @BeforeEach
    void freshTenant() {
        tenant = "t-" + UUID.randomUUID();
        journeys = sdk.tenant(tenant);
    }

    protected Journey sales() {
        return journeys.createJourney(JourneySpec.named("Sales")
                .stages("Lead", "Demo Complete", "Trial", "Conversion", "Closed/Lost").requireSequence());
    }

    protected Journey advocacy() {
        return journeys.createJourney(JourneySpec.named("Advocacy")
                .stages("Case Study Submitted", "Testimonial Complete", "Reward Triggered"));
    }

    protected static Stage stage(Journey journey, int position) {
        return journey.stages().get(position);
    }

    protected MoveOutcome move(String contact, Journey journey, int position) {
        return journeys.move(MoveRequest.to(contact, journey.id(), stage(journey, position).id(), ANN));
    }

    protected static Rejection rejection(MoveOutcome outcome) {
        assertThat(outcome).isInstanceOf(MoveOutcome.Rejected.class);
        return ((MoveOutcome.Rejected) outcome).reason();
    }

    /** Every record the query matches, newest first, page after page as a host would read them. */
    protected static java.util.List<dev.journeys.api.RunRecord> allRunLog(dev.journeys.api.AutomationService automations,
                                                                       dev.journeys.api.RunLogQuery query) {
        java.util.List<dev.journeys.api.RunRecord> all = new java.util.ArrayList<>();
        dev.journeys.api.PageRequest page = dev.journeys.api.PageRequest.first(7);
        while (true) {
            dev.journeys.api.Page<dev.journeys.api.RunRecord> read = automations.runLog(query, page);
            all.addAll(read.items());
            if (read.next().isEmpty()) {
                return all;
            }
            page = dev.journeys.api.PageRequest.after(read.next().get(), 7);
        }
    }

    protected Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    protected long count(String sql) throws SQLException {
        try (Connection c = rawConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    protected long historyRowsOfTenant() throws SQLException {
        return count("select count(*) from transitions where tenant_id = '" + tenant + "'");
    }
}
