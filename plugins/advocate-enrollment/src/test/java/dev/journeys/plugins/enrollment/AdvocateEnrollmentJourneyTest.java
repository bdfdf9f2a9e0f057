package dev.journeys.plugins.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.Actor;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.Stage;
import dev.journeys.jdbc.Journeys;
import dev.journeys.spi.SystemJourneyPlugin;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class AdvocateEnrollmentJourneyTest {

    private final AdvocateEnrollmentJourney plugin = new AdvocateEnrollmentJourney();

    @Test
    void its_stages_follow_the_enrollment_statuses_in_any_order() {
        assertThat(plugin.key()).isEqualTo("advocate-enrollment");
        assertThat(plugin.displayName()).isEqualTo("Advocate Enrollment");
        assertThat(plugin.stages()).containsExactly("Prospect", "Enrolled", "Unsubscribed", "Flagged", "Banned");
        assertThat(plugin.requiresSequence()).isFalse();
        assertThat(plugin.attribute()).isEqualTo("status");
    }

    @Test
    void every_status_maps_to_its_stage_ignoring_case_and_ambassador_means_enrolled() {
        assertThat(plugin.stageFor("prospect")).contains("Prospect");
        assertThat(plugin.stageFor("ENROLLED")).contains("Enrolled");
        assertThat(plugin.stageFor("ambassador")).contains("Enrolled");
        assertThat(plugin.stageFor(" Unsubscribed ")).contains("Unsubscribed");
        assertThat(plugin.stageFor("flagged")).contains("Flagged");
        assertThat(plugin.stageFor("banned")).contains("Banned");
        assertThat(plugin.stageFor("vip")).isEmpty();
        assertThat(plugin.stageFor("")).isEmpty();
        for (String stage : plugin.stages()) {
            assertThat(plugin.stageFor(stage)).as(stage).contains(stage);
        }
    }

    @Test
    void service_loader_finds_it() {
        assertThat(ServiceLoader.load(SystemJourneyPlugin.class).stream().map(ServiceLoader.Provider::type).toList())
                .containsExactly(AdvocateEnrollmentJourney.class);
    }

    @Test
    void the_sdk_provisions_it_and_moves_contacts_by_status_only() {
        try (JourneysSdk sdk = Journeys.configure().discoverPlugins().load()) {
            JourneyService journeys = sdk.defaultTenant();
            Journey enrollment = journeys.journeyNamed("Advocate Enrollment").orElseThrow();
            assertThat(enrollment.kind()).isEqualTo(Journey.Kind.SYSTEM);

            journeys.setStatus("ann@example.com", "prospect", Actor.person("signup"));
            journeys.setStatus("ann@example.com", "ambassador", Actor.person("program-manager"));
            journeys.setStatus("ann@example.com", "banned", Actor.person("security"));
            journeys.setStatus("ann@example.com", "enrolled", Actor.person("security"));

            List<String> path = journeys.history("ann@example.com", enrollment.id()).stream()
                    .map(t -> enrollment.stage(t.to().orElseThrow()).map(Stage::name).orElseThrow()).toList();
            assertThat(path).containsExactly("Prospect", "Enrolled", "Banned", "Enrolled");
            assertThat(journeys.status("ann@example.com")).contains("enrolled");
            assertThatThrownBy(() -> journeys.setStatus("ann@example.com", "vip", Actor.person("x"))).isInstanceOf(InvalidInputException.class);
        }
    }
}
