package dev.journeys.benchmarks;

import dev.journeys.api.Actor;
import dev.journeys.api.ImportMode;
import dev.journeys.api.ImportReport;
import dev.journeys.api.ImportRequest;
import dev.journeys.api.ImportSource;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysSdk;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SDK import in a JVM of its own with a small heap ({@code -Xmx256m} by default): does it complete, and how much
 * heap did it use? {@link #inChildJvm} launches it; it prints one line starting {@code heap }, which the parent reads.
 *
 * <p>Arguments: database (h2file or postgres), mode, rows, batch size, PostgreSQL URL, work directory, and whether to
 * seed the journey on PostgreSQL first (an import of 20,000 other contacts into it, then ANALYZE), as the main bench's
 * seeded runs do, so that the import's placement reads are planned as primary-key probes.
 */
public final class ImportHeapCheck {

    /**
     * How long the meter keeps watching after run() returns, in seconds: the PostgreSQL commit poller reads the commit
     * back then, once the poll that was running when the import committed is done (during a long atomic import each
     * poll takes seconds; see the report of the bench).
     */
    static final String LINGER_PROPERTY = "bench.import.heapLinger";

    record Result(String database, ImportMode mode, String xmx, int rows, String outcome, long moved, double seconds,
                  double sampledPeakMb, double poolPeakSumMb, double maxAfterGcMb, double lingerSampledPeakMb,
                  double lingerMaxAfterGcMb, long collections, long gcMillis, double maxHeapMb, String gcLog, String line) {
    }

    private ImportHeapCheck() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        String database = args[0];
        ImportMode mode = ImportMode.valueOf(args[1]);
        int rows = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        String postgresUrl = args[4];
        Path dir = Path.of(args[5]);
        boolean analyze = args.length > 6 && Boolean.parseBoolean(args[6]);
        Path h2Dir = null;
        BenchDatabase db;
        if (database.equals("postgres")) {
            db = BenchDatabase.prepare("postgres", new BenchSettings(List.of(), List.of(), 0, 0, 0, 0, 0, 0, postgresUrl));
        } else {
            h2Dir = Files.createTempDirectory(dir, "import-heap-h2-");
            db = new BenchDatabase("h2file", "jdbc:h2:file:" + h2Dir.resolve("journeys"));
        }
        Path csv = null;
        // Holds an embedded H2 open between the SDK's connections, as the main bench does.
        try (Connection keeper = db.connect();
             JourneysSdk sdk = ImportBench.openSdk(db.url())) {
            JourneyService service = sdk.defaultTenant();
            String name = "Import heap " + mode + " " + Long.toString(System.currentTimeMillis(), 36);
            Journey journey = service.createJourney(JourneySpec.named(name).stages(ImportBench.STAGES));
            if (analyze && database.equals("postgres")) {
                // As the main bench's seeded runs: the journey holds rows and the planner knows it (see ImportBench).
                seed(service, dir, name);
                ImportBench.analyze(keeper);
            }
            csv = ImportCsv.write(dir, rows, "heap", name, ImportBench.STAGES);
            ImportRequest request = ImportRequest.of(csv.getFileName().toString(), ImportSource.of(csv), Actor.person("bench"))
                    .mode(mode).batchSize(batch).suppressingAutomations();
            HeapMeter.Usage during;
            HeapMeter.Usage after;
            ImportReport report;
            long nanos;
            try (HeapMeter meter = new HeapMeter()) {
                long begin = System.nanoTime();
                report = service.imports().run(request);
                nanos = System.nanoTime() - begin;
                during = meter.usage();
                Thread.sleep((long) (Double.parseDouble(System.getProperty(LINGER_PROPERTY, "30")) * 1000));
                after = meter.usage();
            }
            System.out.printf("heap outcome=%s moved=%d committed=%d seconds=%.1f sampledPeakMb=%.1f poolPeakSumMb=%.1f "
                            + "maxAfterGcMb=%.1f lingerSampledPeakMb=%.1f lingerMaxAfterGcMb=%.1f collections=%d gcMs=%d "
                            + "maxHeapMb=%.1f pools=%s%n",
                    report.outcome(), report.moved(), report.movesCommitted(), nanos / 1e9, mb(during.sampledPeak()),
                    mb(during.poolPeakSum()), mb(during.maxAfterGc()), mb(after.sampledPeak()), mb(after.maxAfterGc()),
                    after.collections(), after.gcMillis(), mb(Runtime.getRuntime().maxMemory()),
                    during.poolPeaks().toString().replace(" ", "_"));
            String foreign = ImportBench.foreignTransactions(db, nanos / 1e9);
            if (!foreign.isEmpty()) {
                System.out.println(foreign);
            }
            if (report.failure().isPresent()) {
                System.out.println("failure: " + report.failure().get());
            }
        } finally {
            if (csv != null) {
                Files.deleteIfExists(csv);
            }
            if (h2Dir != null) {
                ImportBench.deleteTree(h2Dir);
            }
        }
    }

    /** An import of {@link ImportBench#SEED_ROWS} other contacts into the journey, before the measured one. */
    private static void seed(JourneyService service, Path dir, String journeyName) throws Exception {
        Path csv = ImportCsv.write(dir, ImportBench.SEED_ROWS, "hsed", journeyName, ImportBench.STAGES);
        try {
            ImportReport report = service.imports().run(ImportRequest.of(csv.getFileName().toString(), ImportSource.of(csv),
                    Actor.person("bench")).mode(ImportMode.BEST_EFFORT).suppressingAutomations());
            if (report.movesCommitted() != ImportBench.SEED_ROWS) {
                throw new IllegalStateException("seeding import failed: " + report);
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** Runs {@link #main} in a new JVM with {@code -Xmx<xmx>} on this JVM's java and class path. */
    static Result inChildJvm(String database, ImportMode mode, int rows, int batch, String xmx, String postgresUrl, Path dir,
                             boolean analyze) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path gcLog = dir.resolve("import-heap-" + database + "-" + mode.name().toLowerCase(Locale.ROOT) + "-gc.log");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + xmx, "-Xlog:gc:file=" + gcLog,
                "-D" + LINGER_PROPERTY + "=" + System.getProperty(LINGER_PROPERTY, "30"),
                "-D" + ImportBench.POLL_PROPERTY + "=" + System.getProperty(ImportBench.POLL_PROPERTY, ""),
                "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + dir,
                "-cp", System.getProperty("java.class.path"), ImportHeapCheck.class.getName(),
                database, mode.name(), Integer.toString(rows), Integer.toString(batch), postgresUrl, dir.toString(),
                Boolean.toString(analyze)));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String result = null;
        List<String> other = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("heap ")) {
                    result = line;
                } else {
                    other.add(line);
                }
            }
        }
        int exit = p.waitFor();
        if (exit != 0 || result == null) {
            String outcome = "CRASHED (exit " + exit + ")" + (other.isEmpty() ? "" : ": " + String.join(" | ", other));
            return new Result(database, mode, xmx, rows, outcome, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, 0, 0, Double.NaN, gcLog.toString(), String.join(" | ", other));
        }
        return new Result(database, mode, xmx, rows, text(result, "outcome") + (other.isEmpty() ? "" : " " + other),
                (long) value(result, "moved"), value(result, "seconds"), value(result, "sampledPeakMb"),
                value(result, "poolPeakSumMb"), value(result, "maxAfterGcMb"), value(result, "lingerSampledPeakMb"),
                value(result, "lingerMaxAfterGcMb"), (long) value(result, "collections"), (long) value(result, "gcMs"),
                value(result, "maxHeapMb"), gcLog.toString(), result);
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static String text(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new IllegalStateException("no " + key + " in " + line);
    }

    private static double value(String line, String key) {
        return Double.parseDouble(text(line, key));
    }
}
