package dev.journeys.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.AutomationService;
import dev.journeys.api.AutomationSpec;
import dev.journeys.api.ErrorCode;
import dev.journeys.api.EventResult;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneysException;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.Outcome;
import dev.journeys.api.RunDecision;
import dev.journeys.api.TriggerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The asynchronous publisher: many events per transaction, the same results and guarantees as one by one. */
abstract class AsyncEventContract extends AutomationContract {

    private static TriggerEvent order(String id, String contact) {
        return TriggerEvent.of(id, TestTriggers.ORDER, contact, Instant.parse("2026-06-01T10:00:00Z"))
                .with("status", "paid").with("amount", "10");
    }

    /** Events alternate a contact between two stages, so every event is a real move. */
    private void pingPong(JourneyService service, Journey j) {
        AutomationService automations = service.automations();
        automations.create(AutomationSpec.named("to A").on(TestTriggers.ORDER)
                .when(dev.journeys.api.Condition.equalTo("campaign", "a")).then(Outcome.moveTo(j.id(), stage(j, 0).id())));
        automations.create(AutomationSpec.named("to B").on(TestTriggers.ORDER)
                .when(dev.journeys.api.Condition.equalTo("campaign", "b")).then(Outcome.moveTo(j.id(), stage(j, 1).id())));
    }

    @Test
    void queued_events_are_applied_once_each_in_order_with_their_own_results() throws Exception {
        try (JourneysSdk small = configure(jdbcUrl()).asyncQueueCapacity(8).asyncWorkers(2).asyncBatchSize(5).load()) {
            JourneyService service = small.tenant(tenant);
            Journey j = service.journeyNamed("Advocacy").orElseGet(this::advocacy);
            pingPong(service, j);
            int producers = 4;
            int perProducer = 50;
            ExecutorService pool = Executors.newFixedThreadPool(producers);
            List<Future<List<CompletableFuture<EventResult>>>> submitted = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                submitted.add(pool.submit(() -> {
                    List<CompletableFuture<EventResult>> mine = new ArrayList<>();
                    for (int i = 0; i < perProducer; i++) {
                        String id = "p" + producer + "-" + i;
                        TriggerEvent event = order(id, "c" + producer).with("campaign", i % 2 == 0 ? "a" : "b");
                        mine.add(service.automations().publishAsync(event));
                        // Every fifth event is delivered twice, sometimes in the same batch.
                        if (i % 5 == 0) {
                            mine.add(service.automations().publishAsync(event));
                        }
                    }
                    return mine;
                }));
            }
            int applied = 0;
            int duplicates = 0;
            List<Long> recordIds = new ArrayList<>();
            for (Future<List<CompletableFuture<EventResult>>> f : submitted) {
                for (CompletableFuture<EventResult> result : f.get(2, TimeUnit.MINUTES)) {
                    EventResult r = result.get(2, TimeUnit.MINUTES);
                    if (r.duplicate()) {
                        duplicates++;
                    } else {
                        applied++;
                        assertThat(r.records()).hasSize(2);
                        r.records().forEach(record -> recordIds.add(record.id()));
                    }
                }
            }
            pool.shutdown();

            assertThat(applied).isEqualTo(producers * perProducer);
            assertThat(duplicates).isEqualTo(producers * perProducer / 5);
            assertThat(count("select count(*) from run_log where applied and tenant_id = '" + tenant + "'"))
                    .isEqualTo(producers * perProducer);
            // Each result names the run-log records its batch wrote, one id each, as the log reads them back.
            List<Long> stored = allRunLog(service.automations(), dev.journeys.api.RunLogQuery.all()).stream()
                    .filter(r -> r.eventId().startsWith("p")).map(dev.journeys.api.RunRecord::id).toList();
            assertThat(recordIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stored);
            // One contact per producer, moved by each of its events in the order they were published.
            for (int p = 0; p < producers; p++) {
                assertThat(service.history("c" + p, j.id())).hasSize(perProducer);
                assertThat(service.placement("c" + p, j.id()).orElseThrow().stageId()).isEqualTo(stage(j, 1).id());
            }
        }
    }

    @Test
    void a_bad_event_fails_its_own_future_and_no_other() throws Exception {
        try (JourneysSdk small = configure(jdbcUrl()).asyncBatchSize(10).load()) {
            AutomationService automations = small.tenant(tenant).automations();
            Journey j = advocacy();
            automations.create(AutomationSpec.named("any").on(TestTriggers.ORDER).then(Outcome.moveTo(j.id(), stage(j, 2).id())));

            CompletableFuture<EventResult> good = automations.publishAsync(order("g1", "c1"));
            CompletableFuture<EventResult> bad = automations.publishAsync(order("b1", "c2").with("amount", "lots"));
            CompletableFuture<EventResult> flaky = automations.publishAsync(
                    TriggerEvent.of("f1", TestTriggers.FLAKY, "c3", Instant.now()).with("explode", true));

            assertThat(good.get(1, TimeUnit.MINUTES).records()).singleElement()
                    .extracting(r -> r.decision()).isInstanceOf(RunDecision.Moved.class);
            assertThatThrownBy(() -> bad.get(1, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(InvalidInputException.class);
            assertThat(flaky.get(1, TimeUnit.MINUTES).duplicate()).isFalse();
        }
    }

    @Test
    void closing_processes_everything_queued_then_refuses_more() throws Exception {
        Journey j = advocacy();
        JourneysSdk closing = configure(jdbcUrl()).asyncWorkers(1).asyncBatchSize(7).load();
        AutomationService automations = closing.tenant(tenant).automations();
        pingPong(closing.tenant(tenant), j);
        List<CompletableFuture<EventResult>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            results.add(automations.publishAsync(order("q" + i, "c" + (i % 7)).with("campaign", i % 2 == 0 ? "a" : "b")));
        }

        closing.close();

        assertThat(results).allMatch(CompletableFuture::isDone);
        assertThat(results).noneMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(count("select count(*) from run_log where applied and tenant_id = '" + tenant + "'")).isEqualTo(100);
        assertThatThrownBy(() -> automations.publishAsync(order("late", "c1")))
                .isInstanceOf(JourneysException.class)
                .extracting(e -> ((JourneysException) e).code()).isEqualTo(ErrorCode.CLOSED);
    }
}
