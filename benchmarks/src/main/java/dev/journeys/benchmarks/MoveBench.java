package dev.journeys.benchmarks;

import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysSdk;
import dev.journeys.jdbc.Journeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The whole bench in one run: SDK start time, then for each database and thread count the SDK's moves per
 * second beside raw JDBC doing the same writes on the same database, then cached lookups per second.
 */
public final class MoveBench {

    record Cell(String database, int threads, Harness.Run sdk1, Harness.Run raw1, Harness.Run raw2, Harness.Run sdk2,
                CpuMeter.Usage cpu) {
        double sdk() {
            return rate(sdk1, sdk2);
        }

        double raw() {
            return rate(raw1, raw2);
        }

        /** CPU time per move, in microseconds, of the moving threads, over both halves of a side. */
        double callerMicros(boolean sdkSide) {
            Harness.Run a = sdkSide ? sdk1 : raw1;
            Harness.Run b = sdkSide ? sdk2 : raw2;
            return (a.threadCpuNanos() + b.threadCpuNanos()) / 1e3 / (a.moves() + b.moves());
        }

        /** CPU time per move, in microseconds, of all PostgreSQL processes, over both halves of a side. */
        double postgresMicros(boolean sdkSide) {
            Harness.Run a = sdkSide ? sdk1 : raw1;
            Harness.Run b = sdkSide ? sdk2 : raw2;
            if (a.cpu() == null || b.cpu() == null) {
                return Double.NaN;
            }
            double coreSeconds = a.cpu().postgresCores() * a.nanos() / 1e9 + b.cpu().postgresCores() * b.nanos() / 1e9;
            return coreSeconds * 1e6 / (a.moves() + b.moves());
        }

        long failures() {
            return sdk1.failures() + sdk2.failures() + raw1.failures() + raw2.failures();
        }

        private static double rate(Harness.Run a, Harness.Run b) {
            return (a.moves() + b.moves()) * 1e9 / (a.nanos() + b.nanos());
        }
    }

    private MoveBench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        BenchSettings settings = BenchSettings.fromSystemProperties();
        System.out.printf("Journeys bench: %s, %d cores, java %s%n", settings, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        // First, while nothing else runs: each start is a JVM of its own.
        CpuMeter.awaitQuiet(settings.quietWaitSeconds());
        List<StartupBench.Sample> startups = StartupBench.inFreshJvms(settings.startupRuns());

        List<Cell> cells = new ArrayList<>();
        String lookup = null;
        for (String name : settings.databases()) {
            BenchDatabase db = BenchDatabase.prepare(name, settings);
            try (JourneysSdk sdk = Journeys.configure().jdbcUrl(db.url()).load()) {
                RawMover.createTables(db);
                JourneyService service = sdk.defaultTenant();
                Journey journey = service.createJourney(JourneySpec.named("Bench").stages("A", "B"));
                for (int threads : settings.threads()) {
                    Cell cell = cell(db, service, journey, threads, settings);
                    cells.add(cell);
                    System.out.printf("%-8s %2d threads: SDK %,9.0f  raw %,9.0f  moves/s  (%.2fx)%s%n", name, threads,
                            cell.sdk(), cell.raw(), cell.sdk() / cell.raw(), failureNote(cell));
                }
                if (lookup == null) {
                    lookup = lookups(service, journey, settings, name);
                }
            }
        }

        System.out.println();
        printMoves(cells, settings);
        System.out.println();
        printStartup(startups);
        if (lookup != null) {
            System.out.println();
            System.out.println(lookup);
        }
    }

    /** Warm both sides up, then measure ABBA so that drift in the database (growing tables, checkpoints) hits both alike. */
    private static Cell cell(BenchDatabase db, JourneyService service, Journey journey, int threads, BenchSettings settings)
            throws Exception {
        String prefix = "t" + threads + "-";
        int n = settings.contactsPerThread();
        List<SdkMover> sdk = Harness.inParallel(threads, t -> new SdkMover(service, journey, contacts(prefix + t, n)));
        List<RawMover> raw = Harness.inParallel(threads, t -> new RawMover(db, contacts(prefix + t, n)));
        try {
            Harness.run(sdk, settings.warmupSeconds());
            Harness.run(raw, settings.warmupSeconds());
            double half = settings.seconds() / 2;
            // The warm-up's moves are folded before measuring, not in the first SDK half.
            awaitFolded(db);
            if (!CpuMeter.awaitQuiet(settings.quietWaitSeconds())) {
                System.out.println("note: other processes kept the CPU busy; measuring anyway");
            }
            CpuMeter.Sample before = CpuMeter.sample();
            Harness.Run sdk1 = half(db, sdk, half);
            Harness.Run raw1 = half(db, raw, half);
            Harness.Run raw2 = half(db, raw, half);
            Harness.Run sdk2 = half(db, sdk, half);
            return new Cell(db.name(), threads, sdk1, raw1, raw2, sdk2, CpuMeter.between(before, CpuMeter.sample()));
        } finally {
            for (RawMover m : raw) {
                m.close();
            }
        }
    }

    private static Harness.Run half(BenchDatabase db, List<? extends Mover> movers, double seconds)
            throws Exception {
        db.checkpoint();
        return Harness.run(movers, seconds);
    }

    /** Until the dashboard fold has taken up all history so far; at most a minute, and says so if it did not. */
    static void awaitFolded(BenchDatabase db) throws Exception {
        if (!new DashboardFoldMark(db).awaitCaughtUp(60)) {
            System.out.println("note: the dashboard fold had not caught up after 60 s; measuring anyway");
        }
    }

    private static String lookups(JourneyService service, Journey journey, BenchSettings settings, String database)
            throws Exception {
        int threads = 2;
        int each = Math.max(1, settings.lookupContacts() / threads);
        List<String[]> placed = Harness.inParallel(threads, t -> {
            String[] contacts = contacts("lookup-" + t, each);
            new SdkMover(service, journey, contacts);
            return contacts;
        });
        String[] all = placed.stream().flatMap(Arrays::stream).toArray(String[]::new);
        CpuMeter.awaitQuiet(settings.quietWaitSeconds());
        CpuMeter.Sample before = CpuMeter.sample();
        double perSecond = LookupBench.perSecond(service, journey.id(), all, settings.warmupSeconds(), settings.seconds());
        return String.format("Cached current-stage lookups, 1 thread, %,d contacts (%s): %,.0f /s  (target >= 1,000,000 /s: %s)"
                        + "%n  CPU cores used: %s", all.length, database, perSecond, perSecond >= 1_000_000 ? "met" : "MISSED",
                cpu(CpuMeter.between(before, CpuMeter.sample())));
    }

    static String[] contacts(String prefix, int n) {
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = "contact-" + prefix + "-" + i;
        }
        return keys;
    }

    private static String failureNote(Cell cell) {
        if (cell.failures() == 0) {
            return "";
        }
        String first = List.of(cell.sdk1(), cell.raw1(), cell.raw2(), cell.sdk2()).stream()
                .map(Harness.Run::firstFailure).filter(f -> f != null).findFirst().orElse("");
        return "  " + cell.failures() + " FAILED moves, first: " + first;
    }

    private static void printMoves(List<Cell> cells, BenchSettings settings) {
        System.out.printf("Single moves per second (each: 1 placement update + 1 history insert, own transaction); "
                + "%.0f s measured per side, ABBA halves%n", settings.seconds());
        System.out.printf("%-9s %7s %10s %10s %8s  %-19s %-19s %-15s %-15s %6s  %s%n", "", "", "", "", "",
                "SDK halves", "raw halves", "caller CPU us/mv", "PG CPU us/move", "", "machine CPU, cores:");
        System.out.printf("%-9s %7s %10s %10s %8s  %9s %9s %9s %9s %7s %7s %7s %7s %6s  %s%n", "database", "threads", "SDK/s",
                "raw/s", "SDK/raw", "1st", "2nd", "1st", "2nd", "SDK", "raw", "SDK", "raw", "failed", "JVM / postgres / other");
        for (Cell c : cells) {
            boolean pg = c.database().equals("postgres");
            System.out.printf("%-9s %7d %,10.0f %,10.0f %7.2fx  %,9.0f %,9.0f %,9.0f %,9.0f %7s %7s %7s %7s %6d  %s%n",
                    c.database(), c.threads(), c.sdk(), c.raw(), c.sdk() / c.raw(),
                    c.sdk1().perSecond(), c.sdk2().perSecond(), c.raw1().perSecond(), c.raw2().perSecond(),
                    micros(c.callerMicros(true)), micros(c.callerMicros(false)),
                    pg ? micros(c.postgresMicros(true)) : "-", pg ? micros(c.postgresMicros(false)) : "-",
                    c.failures(), cpu(c.cpu()));
        }
        System.out.println("Halves run in the order SDK, raw, raw, SDK. Caller CPU: the moving threads' own CPU time per move "
                + "(no JIT, GC or SDK background threads).");
        System.out.println("PG CPU: all PostgreSQL processes. '!' marks a cell where other processes took over 0.15 of a core: "
                + "its figures are disturbed, run it again.");
    }

    private static String micros(double value) {
        return Double.isNaN(value) ? "n/a" : String.format("%.0f", value);
    }

    private static String cpu(CpuMeter.Usage u) {
        if (u == null) {
            return "n/a";
        }
        return String.format("%.2f / %.2f / %.2f%s", u.jvmCores(), u.postgresCores(), u.otherCores(),
                u.otherCores() > 0.15 ? " !" : "");
    }

    private static void printStartup(List<StartupBench.Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        System.out.printf("SDK start on embedded H2 in memory with migrations, each in a fresh JVM (%d runs)%n", samples.size());
        System.out.printf("%-36s %8s %8s %8s%n", "", "min", "median", "max");
        row("Journeys.configure().load() ms", samples.stream().mapToDouble(StartupBench.Sample::loadMs).toArray());
        row("JVM start to SDK ready ms", samples.stream().mapToDouble(StartupBench.Sample::jvmToReadyMs).toArray());
        row("whole process, launch to exit ms", samples.stream().mapToDouble(StartupBench.Sample::processMs).toArray());
        double median = median(samples.stream().mapToDouble(StartupBench.Sample::loadMs).toArray());
        System.out.printf("target load() < 1,500 ms: %s%n", median < 1500 ? "met" : "MISSED");
    }

    private static void row(String label, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf("%-36s %8.0f %8.0f %8.0f%n", label, sorted[0], median(values), sorted[sorted.length - 1]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
