package dev.journeys.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.Actor;
import dev.journeys.api.AutomationSpec;
import dev.journeys.api.Condition;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyRef;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Outcome;
import dev.journeys.api.Placement;
import dev.journeys.api.ReadOnlyJourneyException;
import dev.journeys.api.Rejection;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.StatusChange;
import dev.journeys.api.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** System journeys: provisioned by the SDK in every tenant, moved only by status changes, read-only otherwise. */
abstract class SystemJourneyContract extends AsyncEventContract {

    private JourneysSdk withEnrollment(int version) {
        return configure(jdbcUrl()).systemJourney(new TestEnrollment(version)).load();
    }

    private static Journey enrollment(JourneyService service) {
        return service.journeys().stream().filter(j -> j.kind() == Journey.Kind.SYSTEM).findFirst().orElseThrow();
    }

    private long systemCopies() throws Exception {
        return count("select count(*) from journeys where tenant_id = '" + tenant + "' and system_key = '" + TestEnrollment.KEY + "'");
    }

    @Test
    void a_tenant_gets_its_system_journeys_on_first_use_and_lists_them_by_type() throws Exception {
        try (JourneysSdk sdk = withEnrollment(1)) {
            JourneyService service = sdk.tenant(tenant);
            service.createJourney(dev.journeys.api.JourneySpec.named("Custom").stages("A"));

            Journey system = enrollment(service);
            assertThat(system.name()).isEqualTo("Enrollment");
            assertThat(system.requiresSequence()).isFalse();
            assertThat(system.stages()).extracting(Stage::name)
                    .containsExactly("Prospect", "Enrolled", "Unsubscribed", "Flagged", "Banned");
            assertThat(service.journeys()).extracting(Journey::kind)
                    .containsExactlyInAnyOrder(Journey.Kind.SYSTEM, Journey.Kind.CUSTOM);
            assertThat(systemCopies()).isEqualTo(1);
        }
    }

    @Test
    void restarting_and_racing_instances_leave_exactly_one_copy() throws Exception {
        long id;
        try (JourneysSdk first = withEnrollment(1)) {
            id = enrollment(first.tenant(tenant)).id().value();
        }
        String fresh = tenant + "-race";
        List<JourneysSdk> instances = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<JourneysSdk>> starting = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                starting.add(pool.submit((Callable<JourneysSdk>) () -> withEnrollment(1)));
            }
            for (Future<JourneysSdk> f : starting) {
                instances.add(f.get(2, TimeUnit.MINUTES));
            }
            List<Future<Journey>> racing = new ArrayList<>();
            for (JourneysSdk sdk : instances) {
                racing.add(pool.submit(() -> enrollment(sdk.tenant(fresh))));
            }
            for (Future<Journey> f : racing) {
                f.get(2, TimeUnit.MINUTES);
            }
            assertThat(enrollment(instances.get(0).tenant(tenant)).id().value()).isEqualTo(id);
            assertThat(systemCopies()).isEqualTo(1);
            assertThat(count("select count(*) from journeys where tenant_id = '" + fresh + "' and system_key is not null"))
                    .isEqualTo(1);
        } finally {
            pool.shutdown();
            instances.forEach(JourneysSdk::close);
        }
    }

    @Test
    void a_newer_plugin_adds_its_stage_in_place_and_keeps_history() throws Exception {
        try (JourneysSdk v1 = withEnrollment(1)) {
            v1.tenant(tenant).setStatus("c1", "enrolled", Actor.person("crm"));
        }
        try (JourneysSdk v2 = withEnrollment(2)) {
            // Upgraded at start for every tenant the database knows, before anyone asks for it.
            assertThat(count("select count(*) from stages s join journeys j on j.id = s.journey_id where j.tenant_id = '"
                    + tenant + "' and j.system_key is not null and not s.removed")).isEqualTo(6);
            JourneyService service = v2.tenant(tenant);
            Journey upgraded = enrollment(service);
            assertThat(upgraded.stages()).extracting(Stage::name).endsWith("Banned", "Alumni");
            assertThat(service.history("c1", upgraded.id())).hasSize(1);
            assertThat(service.setStatus("c1", "alumni", Actor.person("crm"))).isPresent();
            assertThat(service.placement("c1", upgraded.id()).orElseThrow().stageId()).isEqualTo(upgraded.stages().get(5).id());
            assertThat(systemCopies()).isEqualTo(1);
        }
    }

    @Test
    void a_status_change_moves_the_contact_and_its_history_mirrors_the_journey() {
        try (JourneysSdk sdk = withEnrollment(1)) {
            JourneyService service = sdk.tenant(tenant);
            Journey system = enrollment(service);

            StatusChange first = service.setStatus("c1", "prospect", Actor.person("signup-form")).orElseThrow();
            service.setStatus("c1", "Enrolled", Actor.person("ann"));
            service.setStatus("c1", "banned", Actor.person("security"));
            service.setStatus("c1", "enrolled", Actor.person("ann"));

            assertThat(first.from()).isEmpty();
            assertThat(service.status("c1")).contains("enrolled");
            List<StatusChange> statuses = service.statusHistory("c1");
            List<Transition> moves = service.history("c1", system.id());
            assertThat(statuses).extracting(StatusChange::to).containsExactly("prospect", "Enrolled", "banned", "enrolled");
            assertThat(moves).extracting(t -> system.stage(t.to().orElseThrow()).orElseThrow().name())
                    .containsExactly("Prospect", "Enrolled", "Banned", "Enrolled");
            assertThat(moves).extracting(Transition::source).first()
                    .isEqualTo(new MoveSource.SystemPlugin(TestEnrollment.KEY, Actor.person("signup-form")));
        }
    }

    @Test
    void setting_the_same_status_again_changes_nothing() throws Exception {
        try (JourneysSdk sdk = withEnrollment(1)) {
            JourneyService service = sdk.tenant(tenant);
            service.setStatus("c1", "enrolled", Actor.person("ann"));

            assertThat(service.setStatus("c1", "enrolled", Actor.person("bob"))).isEmpty();
            assertThat(service.statusHistory("c1")).hasSize(1);
            assertThat(historyRowsOfTenant()).isEqualTo(1);
        }
    }

    @Test
    void a_status_change_on_an_instance_whose_cache_lags_still_moves_the_contact() throws Exception {
        // The second instance never polls during the test: on PostgreSQL its cached placement stays behind the
        // first instance's commit, and its status change must not be decided on it.
        try (JourneysSdk first = withEnrollment(1);
                JourneysSdk second = configure(jdbcUrl()).commitPollInterval(Duration.ofMinutes(10))
                        .systemJourney(new TestEnrollment(1)).load()) {
            JourneyService a = first.tenant(tenant);
            JourneyService b = second.tenant(tenant);
            a.setStatus("c1", "prospect", Actor.person("form"));
            Journey enrollment = enrollment(b);
            StageId prospect = enrollment.stageNamed("Prospect").orElseThrow().id();
            assertThat(b.placement("c1", enrollment.id()).map(Placement::stageId)).contains(prospect);
            a.setStatus("c1", "enrolled", Actor.person("ann"));

            assertThat(b.setStatus("c1", "prospect", Actor.person("crm"))).isPresent();

            List<Transition> history = a.history("c1", enrollment.id());
            assertThat(history).as("prospect, enrolled, prospect again").hasSize(3);
            assertThat(history.get(2).to()).contains(prospect);
            assertThat(count("select count(*) from placements where tenant_id = '" + tenant + "' and contact_key = 'c1'"
                    + " and stage_id = " + prospect.value())).isEqualTo(1);
        }
    }

    @Test
    void an_unknown_status_is_a_typed_error_and_writes_nothing() throws Exception {
        try (JourneysSdk sdk = withEnrollment(1)) {
            JourneyService service = sdk.tenant(tenant);

            assertThatThrownBy(() -> service.setStatus("c1", "vip", Actor.person("ann"))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("unknown status 'vip'");
            assertThatThrownBy(() -> service.setStatus("c1", " ", Actor.person("ann"))).isInstanceOf(InvalidInputException.class);
            assertThat(service.status("c1")).isEmpty();
            assertThat(historyRowsOfTenant()).isZero();
        }
        assertThatThrownBy(() -> journeys.setStatus("c1", "enrolled", Actor.person("ann"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no system journey follows contact status");
    }

    @Test
    void nobody_moves_or_edits_a_system_journey_by_hand() throws Exception {
        try (JourneysSdk sdk = withEnrollment(1)) {
            JourneyService service = sdk.tenant(tenant);
            Journey system = enrollment(service);
            service.setStatus("c1", "prospect", Actor.person("form"));
            long rows = historyRowsOfTenant();

            assertThat(service.move(MoveRequest.to("c2", system.id(), system.stages().get(1).id(), ANN)))
                    .extracting(o -> ((dev.journeys.api.MoveOutcome.Rejected) o).reason())
                    .isEqualTo(new Rejection.SystemJourneyReadOnly(JourneyRef.of(system)));
            assertThat(service.move(MoveRequest.exit("c1", system.id(), ANN)))
                    .isInstanceOf(dev.journeys.api.MoveOutcome.Rejected.class);
            assertThatThrownBy(() -> service.renameJourney(system.id(), "Mine")).isInstanceOf(ReadOnlyJourneyException.class);
            assertThatThrownBy(() -> service.addStage(system.id(), "VIP")).isInstanceOf(ReadOnlyJourneyException.class);
            assertThatThrownBy(() -> service.renameStage(system.id(), system.stages().get(0).id(), "Lead"))
                    .isInstanceOf(ReadOnlyJourneyException.class);
            assertThatThrownBy(() -> service.archiveJourney(system.id())).isInstanceOf(ReadOnlyJourneyException.class);
            assertThatThrownBy(() -> service.removeStage(system.id(), system.stages().get(4).id()))
                    .isInstanceOf(ReadOnlyJourneyException.class);
            assertThatThrownBy(() -> service.automations().create(AutomationSpec.named("sneaky").on(TestTriggers.ORDER)
                    .then(Outcome.moveTo(system.id(), system.stages().get(1).id()))))
                    .isInstanceOf(ReadOnlyJourneyException.class);

            assertThat(enrollment(service)).isEqualTo(system);
            assertThat(historyRowsOfTenant()).isEqualTo(rows);
            assertThat(service.automations().list()).isEmpty();
        }
    }

    @Test
    void a_status_change_fires_contact_status_changed_for_automations() {
        try (JourneysSdk sdk = withEnrollment(1)) {
            JourneyService service = sdk.tenant(tenant);
            Journey onboarding = service.createJourney(dev.journeys.api.JourneySpec.named("Onboarding")
                    .stages("Enrolled", "First Referral Sent", "First Order Received").requireSequence());
            service.automations().create(AutomationSpec.named("welcome").on("contact.status_changed")
                    .when(Condition.equalTo("new_status", "enrolled"))
                    .then(Outcome.moveTo(onboarding.id(), onboarding.stages().get(0).id())));

            service.setStatus("c1", "prospect", Actor.person("form"));
            assertThat(service.placement("c1", onboarding.id())).isEmpty();
            service.setStatus("c1", "enrolled", Actor.person("ann"));

            assertThat(service.placement("c1", onboarding.id()).orElseThrow().stageId())
                    .isEqualTo(onboarding.stages().get(0).id());
            assertThat(allRunLog(service.automations(), dev.journeys.api.RunLogQuery.all().contact("c1")))
                    .extracting(r -> r.decision().getClass().getSimpleName()).containsExactlyInAnyOrder("Moved", "NotMatched");
        }
    }
}
