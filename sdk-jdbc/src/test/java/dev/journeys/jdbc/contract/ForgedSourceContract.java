package dev.journeys.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.Actor;
import dev.journeys.api.ReasonCode;
import dev.journeys.api.AutomationSpec;
import dev.journeys.api.Condition;
import dev.journeys.api.ImportMode;
import dev.journeys.api.ImportReport;
import dev.journeys.api.ImportRequest;
import dev.journeys.api.ImportSource;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.NotFoundException;
import dev.journeys.api.Outcome;
import dev.journeys.api.ReadOnlyJourneyException;
import dev.journeys.api.Rejection;
import dev.journeys.api.SourceKind;
import dev.journeys.api.StageId;
import dev.journeys.api.TimeRange;
import dev.journeys.api.Transition;
import dev.journeys.api.TriggerEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A host states who acted and nothing more. What only the SDK makes (automation, import, undo and system
 * sources, and the events that feed its own triggers) cannot be passed in through the API: the types refuse
 * it at compile time ({@code HostSourcesTest}), and what is left to try at run time is refused here with a
 * typed error, writing nothing.
 */
abstract class ForgedSourceContract extends DashboardContract {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private long runLogRowsOfTenant() throws Exception {
        return count("select count(*) from run_log where tenant_id = '" + tenant + "'");
    }

    private void refusedAndNothingWritten(Supplier<?> attempt, String message) throws Exception {
        long history = historyRowsOfTenant();
        long runLog = runLogRowsOfTenant();
        assertThatThrownBy(attempt::get).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
        assertThat(historyRowsOfTenant()).isEqualTo(history);
        assertThat(runLogRowsOfTenant()).isEqualTo(runLog);
    }

    @Test
    void a_host_cannot_publish_the_events_of_the_sdks_own_triggers() throws Exception {
        Journey j = advocacy();
        journeys.automations().create(AutomationSpec.named("on stage").on("journey.stage_changed")
                .then(Outcome.moveTo(j.id(), stage(j, 2).id())));
        TriggerEvent stageChanged = TriggerEvent.of("forged-1", "journey.stage_changed", "c1", T0)
                .with("journey_id", j.id().value()).with("journey", j.name()).with("source", "AUTOMATION");
        TriggerEvent statusChanged = TriggerEvent.of("forged-2", "contact.status_changed", "c1", T0)
                .with("new_status", "enrolled");

        for (TriggerEvent forged : List.of(stageChanged, statusChanged)) {
            refusedAndNothingWritten(() -> journeys.automations().publish(forged), "fired by the SDK itself");
            refusedAndNothingWritten(() -> {
                try {
                    return journeys.automations().publishAsync(forged).join();
                } catch (CompletionException e) {
                    throw (RuntimeException) e.getCause();
                }
            }, "fired by the SDK itself");
        }
        assertThat(journeys.placement("c1", j.id())).isEmpty();
    }

    @Test
    void a_host_event_cannot_take_the_id_of_a_chain_step_and_so_keep_it_from_running() throws Exception {
        Journey j = advocacy();
        Journey other = sales();
        journeys.automations().create(AutomationSpec.named("follow").on("journey.stage_changed")
                .when(Condition.equalTo("source", SourceKind.MANUAL.name()))
                .then(Outcome.moveTo(other.id(), stage(other, 0).id())));
        // The next transition's chain step will be keyed journey.stage_changed:<its id>; claim a range of them.
        for (String id : List.of("journey.stage_changed:1", "journey.stage_changed:999999", "contact.status_changed:5")) {
            refusedAndNothingWritten(() -> journeys.automations().publish(TriggerEvent.of(id, TestTriggers.ORDER, "c1", T0)
                    .with("status", "paid").with("amount", "10")), "are the SDK's own");
        }

        move("c1", j, 0);

        assertThat(journeys.placement("c1", other.id())).as("the chain step ran").isPresent();
    }

    @Test
    void nobody_moves_a_contact_in_a_system_journey_by_hand_by_import_or_by_removing_a_stage() throws Exception {
        try (JourneysSdk withSystem = configure(jdbcUrl()).systemJourney(new TestEnrollment(1)).load()) {
            JourneyService service = withSystem.tenant(tenant);
            Journey enrollment = service.journeys().stream().filter(x -> x.kind() == Journey.Kind.SYSTEM)
                    .findFirst().orElseThrow();
            StageId banned = enrollment.stageNamed("Banned").orElseThrow().id();
            service.setStatus("ann@example.com", "enrolled", Actor.person("program-manager"));
            long history = historyRowsOfTenant();

            for (Actor actor : List.of(Actor.person("ann"), Actor.integration("crm-sync"))) {
                assertThat(rejection(service.move(MoveRequest.to("ann@example.com", enrollment.id(), banned, actor))))
                        .isInstanceOf(Rejection.SystemJourneyReadOnly.class);
                assertThat(rejection(service.move(MoveRequest.exit("ann@example.com", enrollment.id(), actor))))
                        .isInstanceOf(Rejection.SystemJourneyReadOnly.class);
            }
            ImportReport imported = service.imports().run(ImportRequest.of("forge.csv", ImportSource.of(
                    ("contact,journey,stage\nann@example.com," + enrollment.name() + ",Banned\n")
                            .getBytes(StandardCharsets.UTF_8)), Actor.person("ann")).mode(ImportMode.BEST_EFFORT));
            assertThat(imported.rejections()).singleElement()
                    .satisfies(r -> assertThat(r.code()).isEqualTo(ReasonCode.SYSTEM_JOURNEY_READ_ONLY));
            assertThatThrownBy(() -> service.removeStage(enrollment.id(), banned,
                    enrollment.stageNamed("Prospect").orElseThrow().id(), Actor.person("ann")))
                    .isInstanceOf(ReadOnlyJourneyException.class);

            assertThat(historyRowsOfTenant()).isEqualTo(history);
            assertThat(service.status("ann@example.com")).contains("enrolled");
            assertThat(service.placement("ann@example.com", enrollment.id()).orElseThrow().stageId())
                    .isEqualTo(enrollment.stageNamed("Enrolled").orElseThrow().id());
            Transition made = service.history("ann@example.com", enrollment.id()).get(0);
            assertThat(made.source()).isEqualTo(new MoveSource.SystemPlugin(TestEnrollment.KEY,
                    Actor.person("program-manager")));
        }
    }

    @Test
    void a_tenant_cannot_reach_or_be_credited_with_another_tenants_import() throws Exception {
        Journey j = advocacy();
        ImportReport mine = journeys.imports().run(ImportRequest.of("a.csv", ImportSource.of(
                "contact,stage\nc1,Case Study Submitted\n".getBytes(StandardCharsets.UTF_8)), Actor.person("ann"))
                .intoJourney(j.id()));
        long job = mine.jobId().orElseThrow();
        JourneyService other = sdk.tenant(tenant + "-b");
        Journey theirs = other.createJourney(dev.journeys.api.JourneySpec.named("Advocacy").stages("Case Study Submitted"));
        other.move(MoveRequest.to("c1", theirs.id(), theirs.stages().get(0).id(), Actor.integration("b-sync")));

        assertThat(other.imports().job(job)).isEmpty();
        assertThatThrownBy(() -> other.imports().undo(job, Actor.person("mallory"))).isInstanceOf(NotFoundException.class);
        assertThat(other.dashboard().movements(theirs.id(), TimeRange.of(T0.minusSeconds(86_400 * 365),
                Instant.now().plusSeconds(60))).sources())
                .singleElement().satisfies(s -> {
                    assertThat(s.kind()).isEqualTo(SourceKind.INTEGRATION);
                    assertThat(s.ref()).isEqualTo("b-sync");
                });
        assertThat(journeys.imports().job(job).orElseThrow().undoneAt()).isEmpty();
    }
}
