package dev.journeys.benchmarks;

import dev.journeys.api.AutomationService;
import dev.journeys.api.AutomationSpec;
import dev.journeys.api.Condition;
import dev.journeys.api.EventResult;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.Outcome;
import dev.journeys.api.TriggerEvent;
import dev.journeys.jdbc.Journeys;
import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.AttributeType;
import dev.journeys.spi.TriggerPlugin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asynchronous publishing: producers call {@code publishAsync} as fast as the bounded queue lets them;
 * workers write many events per transaction. Every event is a real move (contacts alternate between two
 * stages) plus its run log and idempotency key.
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am package -DskipTests -Pbench-async}; properties
 * {@code bench.producers} (8), {@code bench.duration} (10 s), {@code bench.warmup} (5 s),
 * {@code bench.asyncWorkers} (2), {@code bench.asyncBatch} (200), {@code bench.automations} (1),
 * {@code bench.async.database} ({@code postgres}; or {@code h2mem}, {@code h2file}) and
 * {@code bench.async.moves} (false): when true, the SDK's single moves ({@code JourneyService.move}) are
 * measured on the same database with as many threads, before and after the events, for the ratio.
 */
public final class AsyncEventBench {

    private static final String TRIGGER = "bench.async_order";

    private AsyncEventBench() {
    }

    private record Trigger(String key, String displayName, List<AttributeSpec> attributes) implements TriggerPlugin {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        int producers = Integer.getInteger("bench.producers", 8);
        int workers = Integer.getInteger("bench.asyncWorkers", 2);
        int batch = Integer.getInteger("bench.asyncBatch", 200);
        int automations = Integer.getInteger("bench.automations", 1);
        boolean withMoves = Boolean.getBoolean("bench.async.moves");
        BenchDatabase db = BenchDatabase.prepare(System.getProperty("bench.async.database", "postgres"), settings);
        TriggerPlugin trigger = new Trigger(TRIGGER, "Bench order", List.of(
                AttributeSpec.required("side", AttributeType.STRING),
                AttributeSpec.required("amount", AttributeType.MONEY)));
        try (JourneysSdk sdk = Journeys.configure().jdbcUrl(db.url()).trigger(trigger)
                .asyncWorkers(workers).asyncBatchSize(batch).poolSize(Math.max(10, workers + 4)).load()) {
            JourneyService service = sdk.tenant("bench-async-" + System.nanoTime());
            Journey journey = service.createJourney(JourneySpec.named("Async bench").stages("A", "B"));
            AutomationService auto = service.automations();
            auto.create(AutomationSpec.named("to A").on(TRIGGER).when(Condition.equalTo("side", "a"))
                    .then(Outcome.moveTo(journey.id(), journey.stages().get(0).id())));
            auto.create(AutomationSpec.named("to B").on(TRIGGER).when(Condition.equalTo("side", "b"))
                    .then(Outcome.moveTo(journey.id(), journey.stages().get(1).id())));
            for (int i = 2; i < automations; i++) {
                auto.create(AutomationSpec.named("never " + i).on(TRIGGER).when(Condition.equalTo("side", "z" + i))
                        .then(Outcome.moveTo(journey.id(), journey.stages().get(0).id())));
            }
            double warmup = settings.warmupSeconds();
            double seconds = settings.seconds();
            List<SdkMover> movers = withMoves ? Harness.inParallel(producers, t -> new SdkMover(service, journey,
                    MoveBench.contacts("mv-" + t + "-", 256))) : List.of();
            Harness.Run movesBefore = withMoves ? warmedMoves(movers, warmup, seconds) : null;
            long warm = run(auto, producers, warmup, "w");
            long done = run(auto, producers, seconds, "m");
            Harness.Run movesAfter = withMoves ? warmedMoves(movers, warmup, seconds) : null;
            System.out.printf("Async events on %s: %d producers, %d workers, batches of up to %d, %d automations on the trigger%n",
                    db.name(), producers, workers, batch, Math.max(2, automations));
            System.out.printf("  warm-up %,d events in %.0f s; measured %,d events in %.0f s = %,.0f events/s (target >= 10,000 on PostgreSQL)%n",
                    warm, warmup, done, seconds, done / seconds);
            if (withMoves) {
                Harness.Run moves = movesBefore.plus(movesAfter);
                double movesPerSecond = moves.perSecond();
                System.out.printf("  single moves, %d threads, %.0f s before and %.0f s after the events: %,.0f and %,.0f moves/s; "
                        + "events / moves = %.2f%n", producers, seconds, seconds, movesBefore.perSecond(),
                        movesAfter.perSecond(), done / seconds / movesPerSecond);
            }
        }
    }

    private static Harness.Run warmedMoves(List<SdkMover> movers, double warmup, double seconds) throws InterruptedException {
        Harness.run(movers, warmup);
        return Harness.run(movers, seconds);
    }

    /** Publishes for {@code seconds}, then waits for every queued event; counts the events completed in time. */
    private static long run(AutomationService auto, int producers, double seconds, String prefix) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(producers);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread t = new Thread(() -> {
                List<CompletableFuture<EventResult>> last = new ArrayList<>();
                long n = 0;
                while (System.nanoTime() < end) {
                    // 64 contacts per producer, each alternating between the two stages.
                    String contact = prefix + producer + "-" + (n % 64);
                    String side = (n / 64) % 2 == 0 ? "a" : "b";
                    TriggerEvent event = TriggerEvent.of(prefix + producer + ":" + n, TRIGGER, contact, Instant.now())
                            .with("side", side).with("amount", "10");
                    CompletableFuture<EventResult> f = auto.publishAsync(event);
                    f.whenComplete((r, e) -> {
                        if (e == null && System.nanoTime() <= end) {
                            completed.incrementAndGet();
                        } else if (e != null) {
                            failed.incrementAndGet();
                        }
                    });
                    n++;
                    last.add(f);
                    if (last.size() > 1000) {
                        last.remove(0);
                    }
                }
                last.forEach(CompletableFuture::join);
                finished.countDown();
            }, "producer-" + p);
            threads.add(t);
            t.start();
        }
        finished.await(10, TimeUnit.MINUTES);
        if (failed.get() > 0) {
            System.out.printf("  %,d events failed%n", failed.get());
        }
        return completed.get();
    }
}
