package dev.journeys.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Runs one mover per thread for a fixed time and counts committed moves. */
final class Harness {

    /**
     * @param threadCpuNanos CPU time of the moving threads themselves: what a move costs the caller, without
     *                       the JIT compiling or the collector running beside it
     * @param cpu what the JVM and PostgreSQL burned meanwhile; null off Linux
     */
    record Run(long moves, long failures, long nanos, String firstFailure, long threadCpuNanos, CpuMeter.Usage cpu) {
        double perSecond() {
            return moves * 1e9 / nanos;
        }

        /** This run and {@code other} as one: counts and times added, machine CPU weighted by time. */
        Run plus(Run other) {
            CpuMeter.Usage both = cpu == null || other.cpu == null ? null : new CpuMeter.Usage(
                    weighted(cpu.machineCores(), other.cpu.machineCores(), other),
                    weighted(cpu.jvmCores(), other.cpu.jvmCores(), other),
                    weighted(cpu.postgresCores(), other.cpu.postgresCores(), other));
            return new Run(moves + other.moves, failures + other.failures, nanos + other.nanos,
                    firstFailure != null ? firstFailure : other.firstFailure, threadCpuNanos + other.threadCpuNanos, both);
        }

        private double weighted(double mine, double theirs, Run other) {
            return (mine * nanos + theirs * other.nanos) / (nanos + other.nanos);
        }
    }

    interface Factory<T> {
        T create(int thread) throws Exception;
    }

    private Harness() {
    }

    /** Builds per-thread state on its own thread, so that pre-placing contacts on PostgreSQL overlaps its fsyncs. */
    static <T> List<T> inParallel(int threads, Factory<T> factory) throws Exception {
        List<T> made = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            made.add(null);
            int thread = t;
            running.add(started("bench-setup-" + t, () -> {
                try {
                    T item = factory.create(thread);
                    synchronized (made) {
                        made.set(thread, item);
                    }
                } catch (Exception e) {
                    failed.compareAndSet(null, e);
                }
            }));
        }
        for (Thread t : running) {
            t.join();
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        synchronized (made) {
            return List.copyOf(made);
        }
    }

    static Run run(List<? extends Mover> movers, double seconds) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        long[] moves = new long[movers.size()];
        long[] failures = new long[movers.size()];
        long[] cpuNanos = new long[movers.size()];
        ThreadMXBean threadCpu = ManagementFactory.getThreadMXBean();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        // A volatile read on every step, so that each thread sees the stop at once.
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < movers.size(); t++) {
            int index = t;
            Mover mover = movers.get(t);
            threads.add(started("bench-" + t, () -> {
                long ok = 0;
                long bad = 0;
                long cpuAtStart = 0;
                try {
                    start.await();
                    cpuAtStart = threadCpu.getCurrentThreadCpuTime();
                    while (!stop.get()) {
                        try {
                            if (mover.step()) {
                                ok++;
                            } else {
                                bad++;
                                firstFailure.compareAndSet(null, "move did not commit");
                            }
                        } catch (Exception e) {
                            bad++;
                            firstFailure.compareAndSet(null, e.toString());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                moves[index] = ok;
                failures[index] = bad;
                cpuNanos[index] = threadCpu.getCurrentThreadCpuTime() - cpuAtStart;
            }));
        }
        CpuMeter.Sample cpuBefore = CpuMeter.sample();
        long begin = System.nanoTime();
        start.countDown();
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        long nanos = System.nanoTime() - begin;
        CpuMeter.Usage cpu = CpuMeter.between(cpuBefore, CpuMeter.sample());
        long total = 0;
        long totalFailures = 0;
        long totalCpu = 0;
        for (int t = 0; t < moves.length; t++) {
            total += moves[t];
            totalFailures += failures[t];
            totalCpu += cpuNanos[t];
        }
        return new Run(total, totalFailures, nanos, firstFailure.get(), totalCpu, cpu);
    }

    private static Thread started(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }
}
