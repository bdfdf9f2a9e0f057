package dev.journeys.benchmarks;

import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves through the SDK while the seeded journey exists, to show that the fold keeps up: {@code threads} movers
 * (as in the move bench: each its own contacts, Lead to Demo and back, one move per transaction) for
 * {@code seconds}, while a dashboard reader asks for stage counts five times a second and the history not folded yet
 * is counted every second. After the movers stop, the time the fold takes to catch up; the moves divided by the
 * moving time plus that is a lower bound on what the fold can take per second.
 */
final class DashboardLive {

    /** @param pinned PostgreSQL: transactions of other sessions seen open for over 5 s meanwhile (they hold the fold back) */
    record Result(int threads, Harness.Run run, double[] countMillis, long maxUnfolded, double catchUpSeconds,
                  String pinned) {
        double foldedPerSecond() {
            return catchUpSeconds < 0 ? Double.NaN : run.moves() / (run.nanos() / 1e9 + catchUpSeconds);
        }
    }

    private DashboardLive() {
    }

    static Result run(JourneyService service, Journey journey, BenchDatabase db, DashboardFoldMark mark, int threads,
                      int contactsPerThread, double seconds, double timeoutSeconds) throws Exception {
        List<SdkMover> movers = Harness.inParallel(threads,
                t -> new SdkMover(service, journey, contacts(t, contactsPerThread)));
        mark.await(timeoutSeconds, 200, 30, System.out::println);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong maxUnfolded = new AtomicLong();
        AtomicReference<String> pinned = new AtomicReference<>("");
        double[] millis = new double[(int) (seconds * 5) + 64];
        int[] samples = {0};
        Thread reader = new Thread(() -> {
            try (Connection c = db.connect()) {
                long nextCount = 0;
                while (!stop.get()) {
                    long begin = System.nanoTime();
                    service.dashboard().stageCounts(journey.id());
                    double ms = (System.nanoTime() - begin) / 1e6;
                    synchronized (samples) {
                        if (samples[0] < millis.length) {
                            millis[samples[0]++] = ms;
                        }
                    }
                    if (begin >= nextCount) {
                        maxUnfolded.accumulateAndGet(mark.unfolded(c), Math::max);
                        String open = ImportBench.foreignTransactions(db, 5);
                        if (!open.isEmpty()) {
                            pinned.set(open);
                        }
                        nextCount = begin + 1_000_000_000L;
                    }
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                System.out.println("    live reader failed: " + e);
            }
        }, "dashboard-reader");
        reader.start();
        Harness.Run run = Harness.run(movers, seconds);
        stop.set(true);
        reader.join();
        double catchUp = mark.await(timeoutSeconds, 50, 30, System.out::println);
        if (catchUp > 5) {
            String open = ImportBench.foreignTransactions(db, catchUp);
            if (!open.isEmpty()) {
                pinned.set(open);
            }
        }
        double[] sorted;
        synchronized (samples) {
            sorted = Arrays.copyOf(millis, samples[0]);
        }
        Arrays.sort(sorted);
        return new Result(threads, run, sorted, maxUnfolded.get(), catchUp, pinned.get());
    }

    private static String[] contacts(int thread, int n) {
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = "live-" + thread + "-" + i + "@example.com";
        }
        return keys;
    }
}
