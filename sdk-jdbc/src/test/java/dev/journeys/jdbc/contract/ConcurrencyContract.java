package dev.journeys.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.Actor;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.MoveOutcome;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Placement;
import dev.journeys.api.Rejection;
import dev.journeys.api.StageId;
import dev.journeys.api.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many writers, one truth: after thousands of random concurrent moves, from several threads and from
 * two SDK instances on one database, every placement agrees with its history.
 */
abstract class ConcurrencyContract extends QueryContract {

    private static final int THREADS = 8;
    private static final int MOVES_PER_THREAD = 400;
    private static final int CONTACTS = 12;

    @Test
    void concurrent_moves_in_one_instance_never_lose_an_update() throws Exception {
        storm(List.of(journeys));
    }

    /**
     * A host moving only its own contacts is never refused, whatever the other threads and the background work
     * (the dashboard fold, the run log's filing) do meanwhile: every move comes back Moved, in the order made.
     */
    @Test
    void threads_moving_their_own_contacts_are_never_refused() throws Exception {
        Journey j = journeys.createJourney(dev.journeys.api.JourneySpec.named("Own").stages("A", "B"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(THREADS);
        List<java.util.concurrent.Future<List<String>>> threads = new java.util.ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(pool.submit(() -> {
                List<String> notMoved = new java.util.ArrayList<>();
                for (int i = 0; i < MOVES_PER_THREAD; i++) {
                    String contact = "own-" + thread + "-" + (i % 16);
                    int stage = (i / 16) % 2;
                    MoveOutcome outcome = journeys.move(MoveRequest.to(contact, j.id(), stage(j, stage).id(), ANN));
                    if (!outcome.isMoved()) {
                        notMoved.add(contact + ": " + outcome);
                    }
                }
                return notMoved;
            }));
        }
        List<String> notMoved = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<List<String>> f : threads) {
            notMoved.addAll(f.get(5, java.util.concurrent.TimeUnit.MINUTES));
        }
        pool.shutdown();
        assertThat(notMoved).as("moves of a thread's own contacts that did not come back Moved").isEmpty();
        assertThat(historyRowsOfTenant()).isEqualTo((long) THREADS * MOVES_PER_THREAD);
    }

    @Test
    void concurrent_moves_from_two_instances_on_one_database_never_lose_an_update() throws Exception {
        try (JourneysSdk second = configure(jdbcUrl()).load()) {
            storm(List.of(journeys, second.tenant(tenant)));
        }
    }

    @Test
    void a_stage_removed_while_contacts_move_into_it_is_left_empty() throws Exception {
        // Moves checked against the definition from before the removal must either commit before it
        // (and be relocated by it) or be refused after it; none may land in the removed stage.
        try (JourneysSdk second = configure(jdbcUrl()).load()) {
            List<JourneyService> instances = List.of(journeys, second.tenant(tenant));
            for (int round = 0; round < 5; round++) {
                Journey j = journeys.createJourney(dev.journeys.api.JourneySpec.named("Race " + round)
                        .stages("Keep", "Doomed", "Refuge"));
                StageId doomed = stage(j, 1).id();
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Future<?>> movers = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    JourneyService service = instances.get(t % 2);
                    int thread = t;
                    movers.add(pool.submit(() -> {
                        for (int i = 0; i < 60; i++) {
                            String contact = "r" + thread + "-" + (i % 10);
                            service.move(MoveRequest.to(contact, j.id(), i % 2 == 0 ? doomed : stage(j, 0).id(), ANN));
                        }
                        return null;
                    }));
                }
                Thread.sleep(5L * round);
                journeys.removeStage(j.id(), doomed, stage(j, 2).id(), ANN);
                for (Future<?> f : movers) {
                    f.get(1, TimeUnit.MINUTES);
                }
                pool.shutdown();

                assertThat(count("select count(*) from placements where tenant_id = '" + tenant
                        + "' and stage_id = " + doomed.value())).as("round %d", round).isZero();
                for (int t = 0; t < 4; t++) {
                    for (int c = 0; c < 10; c++) {
                        assertHistoryAgreesWithPlacement(instances, j, "r" + t + "-" + c);
                    }
                }
            }
        }
    }

    private void storm(List<JourneyService> instances) throws Exception {
        Journey free = advocacy();
        Journey sequenced = sales();
        AtomicInteger moved = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            JourneyService service = instances.get(t % instances.size());
            long seed = 31L * t + tenant.hashCode();
            work.add(pool.submit(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < MOVES_PER_THREAD; i++) {
                    Journey j = random.nextBoolean() ? free : sequenced;
                    String contact = "c" + random.nextInt(CONTACTS);
                    MoveRequest request = random.nextInt(10) == 0
                            ? MoveRequest.exit(contact, j.id(), Actor.person("t" + seed))
                            : MoveRequest.to(contact, j.id(), stage(j, random.nextInt(j.stages().size())).id(),
                                    Actor.person("t" + seed));
                    MoveOutcome outcome = service.move(request);
                    if (outcome.isMoved()) {
                        moved.incrementAndGet();
                    }
                    if (outcome instanceof MoveOutcome.Rejected r) {
                        assertThat(r.reason()).isNotInstanceOf(Rejection.Contention.class);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(moved.get()).isGreaterThan(THREADS * MOVES_PER_THREAD / 10);
        assertThat(historyRowsOfTenant()).isEqualTo(moved.get());
        for (Journey j : List.of(free, sequenced)) {
            for (int c = 0; c < CONTACTS; c++) {
                assertHistoryAgreesWithPlacement(instances, j, "c" + c);
            }
        }
    }

    private static void awaitUpTo(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void assertHistoryAgreesWithPlacement(List<JourneyService> instances, Journey j, String contact)
            throws Exception {
        List<Transition> history = journeys.history(contact, j.id());
        Optional<StageId> expected = Optional.empty();
        for (int v = 0; v < history.size(); v++) {
            Transition t = history.get(v);
            assertThat(t.placementVersion()).isEqualTo(v + 1);
            assertThat(t.from()).as("transition %s starts where the previous one ended", t).isEqualTo(expected);
            assertThat(t.to()).isNotEqualTo(t.from());
            expected = t.to();
        }
        String where = " from placements where tenant_id = '" + tenant + "' and journey_id = " + j.id().value()
                + " and contact_key = '" + contact + "'";
        if (history.isEmpty()) {
            assertThat(count("select count(*)" + where)).isZero();
            return;
        }
        assertThat(count("select version" + where)).isEqualTo(history.size());
        Optional<StageId> stored = Optional.of(count("select coalesce(stage_id, -1)" + where))
                .filter(id -> id >= 0).map(StageId::new);
        assertThat(stored).isEqualTo(expected);
        // Every instance's cache follows the others' commits; another instance's lag is bounded by its
        // commit poll interval, so wait that long at most before calling a cache stale.
        Optional<StageId> truth = expected;
        for (JourneyService service : instances) {
            awaitUpTo(Duration.ofSeconds(5), () -> service.placement(contact, j.id()).map(Placement::stageId).equals(truth));
            assertThat(service.placement(contact, j.id()).map(Placement::stageId)).isEqualTo(truth);
        }
    }
}
