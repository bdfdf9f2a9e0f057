package dev.journeys.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the machine's CPU went while a cell ran: this JVM, PostgreSQL, or anything else. On a 2-core box a
 * build running next door halves the figures, so the bench shows it rather than letting it pass as a result.
 * Reads Linux /proc; elsewhere it reports nothing.
 */
final class CpuMeter {

    /** Kernel threads and interrupts are left out of {@code busy}: they mostly serve our own I/O (fsync). */
    record Sample(long busy, long total, long jvm, long postgres) {
    }

    record Usage(double machineCores, double jvmCores, double postgresCores) {
        double otherCores() {
            return Math.max(0, machineCores - jvmCores - postgresCores);
        }
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private CpuMeter() {
    }

    static Sample sample() {
        try {
            // cpu  user nice system idle iowait irq softirq steal
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long notOurs = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]) + Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]);
            long[] processes = processTicks();
            return new Sample(total - notOurs - processes[1], total, ticks(Files.readString(Path.of("/proc/self/stat"))),
                    processes[0]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** @return null when either sample is missing */
    static Usage between(Sample a, Sample b) {
        if (a == null || b == null || b.total() == a.total()) {
            return null;
        }
        double cores = (double) CORES / (b.total() - a.total());
        return new Usage((b.busy() - a.busy()) * cores, (b.jvm() - a.jvm()) * cores, (b.postgres() - a.postgres()) * cores);
    }

    /**
     * Waits, up to {@code maxSeconds}, for a second in which other processes use under a tenth of a core.
     * @return false if the machine never got quiet
     */
    static boolean awaitQuiet(double maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        do {
            Sample a = sample();
            Thread.sleep(1000);
            Usage u = between(a, sample());
            if (u == null || u.otherCores() < 0.1) {
                return true;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** @return CPU ticks of PostgreSQL's processes, and of kernel threads (children of kthreadd, pid 2) */
    private static long[] processTicks() throws IOException {
        long[] sums = new long[2];
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        sums[0] += ticks(stat);
                    } else if (field(stat, 4).equals("2") || proc.getFileName().toString().equals("2")) {
                        sums[1] += ticks(stat);
                    }
                } catch (IOException gone) {
                    // the process ended between listing and reading
                }
            }
        }
        return sums;
    }

    /** utime + stime, fields 14 and 15 of /proc/[pid]/stat. */
    private static long ticks(String stat) {
        return Long.parseLong(field(stat, 14)) + Long.parseLong(field(stat, 15));
    }

    /** Field {@code n} (1-based, as in proc(5)), counted after the command name, which may hold spaces. */
    private static String field(String stat, int n) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[n - 3];
    }

    /** The 1, 5 and 15 minute load averages, or "n/a" off Linux. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** What a bench's first lines say of the machine it runs on. */
    static String machine() {
        return String.format("%d cores, java %s, max heap %,d MB, load average at start %s",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, loadAverage());
    }
}
