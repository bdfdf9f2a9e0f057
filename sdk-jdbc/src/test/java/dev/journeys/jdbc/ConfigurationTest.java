package dev.journeys.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.journeys.api.Actor;
import dev.journeys.api.ConfigurationException;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Placement;
import dev.journeys.api.StorageException;
import dev.journeys.api.TriggerEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Starting the SDK: defaults, bad settings refused at once, Guice wiring without side effects. */
class ConfigurationTest {

    @Test
    void starts_on_private_embedded_h2_with_no_configuration() {
        try (JourneysSdk first = Journeys.start(); JourneysSdk second = Journeys.start()) {
            first.defaultTenant().createJourney(JourneySpec.named("Sales").stages("Lead"));

            assertThat(first.defaultTenant().journeys()).hasSize(1);
            assertThat(second.defaultTenant().journeys()).as("each default SDK has its own database").isEmpty();
            assertThat(first.defaultTenant()).isSameAs(first.tenant(JourneysSdk.DEFAULT_TENANT));
        }
    }

    @Test
    void an_h2_file_keeps_journeys_across_restarts() throws Exception {
        Path file = Files.createTempDirectory("journeys-restart").resolve("db");
        try (JourneysSdk sdk = Journeys.configure().h2File(file).load()) {
            sdk.defaultTenant().createJourney(JourneySpec.named("Sales").stages("Lead"));
        }
        try (JourneysSdk sdk = Journeys.configure().h2File(file).load()) {
            assertThat(sdk.defaultTenant().journeyNamed("sales")).isPresent();
        }
    }

    @Test
    void uses_a_host_data_source_and_leaves_it_open() throws Exception {
        JdbcDataSource host = new JdbcDataSource();
        host.setURL("jdbc:h2:mem:host-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (JourneysSdk sdk = Journeys.configure().dataSource(host).load()) {
            sdk.defaultTenant().createJourney(JourneySpec.named("Sales").stages("Lead"));
        }
        try (var c = host.getConnection(); var rs = c.createStatement().executeQuery("select count(*) from journeys")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void bad_settings_fail_when_set() {
        JourneysConfiguration config = Journeys.configure();

        assertThatThrownBy(() -> config.jdbcUrl(" ")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> config.jdbcUrl("jdbc:mysql://x/y")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unsupported");
        assertThatThrownBy(() -> config.poolSize(0)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> config.placementCacheSize(-1)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> config.journeyCacheSize(-1)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> config.maxMoveAttempts(0)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> config.commitPollInterval(Duration.ZERO)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void malformed_tenants_are_refused() {
        try (JourneysSdk sdk = Journeys.start()) {
            for (String bad : new String[] {null, "", " ", "a b", "x".repeat(65), "ünï"}) {
                assertThatThrownBy(() -> sdk.tenant(bad)).isInstanceOf(InvalidInputException.class);
            }
            assertThat(sdk.tenant("acme-eu_1.prod").tenant()).isEqualTo("acme-eu_1.prod");
        }
    }

    @Test
    void plugins_on_the_class_path_are_loaded_only_when_the_host_opts_in() {
        TriggerEvent event = TriggerEvent.of("e1", DiscoveredTestTrigger.KEY, "c1", Instant.now());
        try (JourneysSdk sdk = Journeys.start()) {
            assertThatThrownBy(() -> sdk.defaultTenant().automations().publish(event))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown trigger type");
        }
        try (JourneysSdk sdk = Journeys.configure().discoverPlugins().load()) {
            assertThat(sdk.defaultTenant().automations().publish(event).duplicate()).isFalse();
        }
    }

    @Test
    void two_plugins_with_one_key_stop_the_start_and_both_are_named() {
        JourneysConfiguration config = Journeys.configure().discoverPlugins().trigger(new DiscoveredTestTrigger() {
        });

        assertThatThrownBy(config::load).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("test.discovered")
                .hasMessageContaining(DiscoveredTestTrigger.class.getName())
                .hasMessageContaining("ConfigurationTest$");
    }

    @Test
    void the_guice_module_connects_nothing_until_started() {
        // Nothing listens on port 1: building the injector must still succeed, and only start fails.
        JourneysConfiguration config = Journeys.configure().jdbcUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
        Injector injector = Guice.createInjector(config.module());

        assertThat(injector.getInstance(JourneysSdk.class)).isNotNull();
        assertThatThrownBy(() -> JourneysConfiguration.start(injector)).isInstanceOf(StorageException.class);
    }

    @Test
    void a_guice_host_starts_the_sdk_from_its_injector() {
        Injector injector = Guice.createInjector(Journeys.configure().module());
        try (JourneysSdk sdk = JourneysConfiguration.start(injector)) {
            assertThat(sdk).isSameAs(injector.getInstance(JourneysSdk.class));
            assertThat(sdk.defaultTenant().createJourney(JourneySpec.named("Sales").stages("Lead")).stages()).hasSize(1);
        }
    }

    @Test
    void instances_reaching_one_h2_file_by_different_urls_follow_each_others_moves_at_once() throws Exception {
        Path file = Files.createTempDirectory("journeys-shared").resolve("db");
        try (JourneysSdk first = Journeys.configure().h2File(file).load();
                JourneysSdk second = Journeys.configure().jdbcUrl("jdbc:h2:" + file.toAbsolutePath()).load()) {
            JourneyService a = first.defaultTenant();
            JourneyService b = second.defaultTenant();
            Journey sales = a.createJourney(JourneySpec.named("Sales").stages("Lead", "Demo"));
            a.move(MoveRequest.to("c1", sales.id(), sales.stages().get(0).id(), Actor.person("ann")));
            assertThat(b.placement("c1", sales.id()).map(Placement::stageId)).contains(sales.stages().get(0).id());

            a.move(MoveRequest.to("c1", sales.id(), sales.stages().get(1).id(), Actor.person("ann")));

            assertThat(b.placement("c1", sales.id()).map(Placement::stageId))
                    .as("H2 has no poller: only the in-process bus, keyed by the database, tells the second instance")
                    .contains(sales.stages().get(1).id());
        }
    }

    @Test
    void two_in_memory_h2_databases_of_the_same_last_name_never_share_commits() {
        // H2 names both databases "DB": a key taken from that name alone made them share commits.
        try (JourneysSdk first = Journeys.configure().jdbcUrl("jdbc:h2:mem:tenant-a/db;DB_CLOSE_DELAY=-1").load();
                JourneysSdk second = Journeys.configure().jdbcUrl("jdbc:h2:mem:tenant-b/db;DB_CLOSE_DELAY=-1").load()) {
            Journey inFirst = first.defaultTenant().createJourney(JourneySpec.named("Sales").stages("Lead", "Demo"));
            Journey inSecond = second.defaultTenant().createJourney(JourneySpec.named("Sales").stages("Lead", "Demo"));
            assertThat(inSecond.id()).as("both databases start their ids alike").isEqualTo(inFirst.id());
            assertThat(second.defaultTenant().placement("c1", inSecond.id())).isEmpty();

            first.defaultTenant().move(MoveRequest.to("c1", inFirst.id(), inFirst.stages().get(1).id(), Actor.person("ann")));

            assertThat(second.defaultTenant().placement("c1", inSecond.id())).isEmpty();
            assertThat(second.defaultTenant().move(MoveRequest.to("c1", inSecond.id(), inSecond.stages().get(0).id(),
                    Actor.person("bob"))).isMoved()).isTrue();
        }
    }

    @Test
    void h2_in_server_mode_is_refused_when_configured() {
        for (String url : java.util.List.of("jdbc:h2:tcp://localhost/~/journeys", "jdbc:h2:ssl://localhost/~/journeys",
                "jdbc:h2:file:/tmp/journeys;AUTO_SERVER=TRUE", "jdbc:h2:/tmp/journeys;auto_server=yes",
                "jdbc:h2:/tmp/journeys;DB_CLOSE_DELAY=-1;AUTO_SERVER=1")) {
            assertThatThrownBy(() -> Journeys.configure().jdbcUrl(url)).as(url)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("server mode");
        }
    }
}
