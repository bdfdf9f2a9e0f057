package dev.journeys.benchmarks;

import dev.journeys.api.Actor;
import dev.journeys.api.ImportMode;
import dev.journeys.api.ImportOutcome;
import dev.journeys.api.ImportReport;
import dev.journeys.api.ImportRequest;
import dev.journeys.api.ImportSource;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysSdk;
import dev.journeys.core.internal.imports.Columns;
import dev.journeys.core.internal.imports.CsvFile;
import dev.journeys.core.internal.imports.RawRow;
import dev.journeys.core.internal.imports.RowReader;
import dev.journeys.jdbc.Journeys;
import dev.journeys.jdbc.JourneysConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CSV import bench, in one run: how fast the SDK's CSV parsing alone goes; then, on each database, the SDK's
 * import of N rows ({@code ImportService.run}, automations suppressed) in each configured mode and batch size,
 * beside plain JDBC batch-inserting the same rows into the same tables; then, each in a JVM of its own with a small
 * heap, whether an import of N rows completes and how much heap it used.
 *
 * <p>Every measured import writes N first entries (one placement and one history row each) into a journey of its
 * own, with contacts of its own, so that nothing collides and the tables grow the same way for both sides. The
 * runs go in mirrored order (raw, SDK variants..., then SDK variants reversed, raw), so that the tables' growth
 * weighs on each side alike; each run prints its own figure, and the summary both runs and their combined rate.
 * Run with {@code mvn -q -pl benchmarks -am package -DskipTests -Pbench-import}.
 *
 * <p>On PostgreSQL the tables are ANALYZEd after the warm-up ({@code bench.import.analyze}, default true), so
 * every import goes into a journey the statistics call empty. The import's per-batch placement read probes the
 * (tenant, contact) index for that reason: read by journey and contact, it was planned as a scan of the journey's
 * whole index range, and a million-row import slowed to a fifth of the raw rate as it went. The {@code seeded}
 * variants (a journey that already holds placements when the tables are analyzed) are kept to show that both
 * cases now cost the same.
 *
 * <p>On PostgreSQL an ATOMIC import also runs beside the SDK's commit poller, whose {@code tx_id >= mark} scan walks
 * every history row the open import has written so far, poll after poll; and once it commits, the poller reads the
 * whole commit back in one result set. The heap check shows what that does under {@code -Xmx256m}. Its mark is the
 * server-wide snapshot xmin, so a transaction left open in any other database of the server makes every poll re-read
 * all history written since: each PostgreSQL run notes such transactions, and {@code bench.import.commitPollInterval}
 * can quiet the poller when the server is shared.
 */
public final class ImportBench {

    static final List<String> STAGES = List.of("Lead", "Trial", "Customer");

    /**
     * One way of running the SDK's import: {@code mode:batchSize[:flag...]}. The flags act on PostgreSQL only (on H2 a
     * rewrite variant is left out, a seeded one runs unseeded): {@code rewrite}, the SDK's own URL with
     * {@code reWriteBatchedInserts=true}; {@code seeded}, the journey holds
     * {@link #SEED_ROWS} placements (written raw, outside the measured time) and the tables are ANALYZEd before the
     * import, so the planner knows the journey is not empty: the import's placement read then probes the primary key,
     * as it would after a fix of the plan (see the class comment).
     */
    record Variant(ImportMode mode, int batchSize, boolean rewrite, boolean seeded) {
        static Variant parse(String text) {
            String[] parts = text.split(":");
            ImportMode mode = ImportMode.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
            int batch = parts.length > 1 ? Integer.parseInt(parts[1].strip().replace("_", "")) : ImportRequest.DEFAULT_BATCH_SIZE;
            List<String> flags = Arrays.stream(parts).skip(2).map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
            for (String flag : flags) {
                if (!flag.equals("rewrite") && !flag.equals("seeded")) {
                    throw new IllegalArgumentException("unknown flag " + flag + " in " + text + "; use rewrite or seeded");
                }
            }
            return new Variant(mode, batch, flags.contains("rewrite"), flags.contains("seeded"));
        }

        String label() {
            return "SDK " + mode + " batch " + batchSize + (seeded ? " seeded" : "") + (rewrite ? " +rewrite" : "");
        }
    }

    /**
     * The SDK as every run opens it. {@code bench.import.commitPollInterval} (ISO-8601, e.g. {@code PT10M}; default the
     * SDK's own) slows the PostgreSQL commit poller down, for runs on a server where another database holds a long
     * transaction open: the poller then re-reads every history row written since, on every poll (see the class comment).
     */
    static JourneysSdk openSdk(String url) {
        JourneysConfiguration config = Journeys.configure().jdbcUrl(url);
        String poll = System.getProperty(POLL_PROPERTY, "");
        if (!poll.isBlank()) {
            config.commitPollInterval(java.time.Duration.parse(poll.strip()));
        }
        return config.load();
    }

    static final String POLL_PROPERTY = "bench.import.commitPollInterval";

    /**
     * PostgreSQL: transactions of other sessions that were already open {@code seconds} ago and still are, so open
     * throughout a run that took that long. They pin the snapshot xmin of the whole server, which the SDK's commit
     * poller uses as its mark; empty when there are none.
     */
    static String foreignTransactions(BenchDatabase db, double seconds) {
        if (!RawImporter.postgres(db)) {
            return "";
        }
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "select datname, pid, extract(epoch from now() - xact_start)::bigint from pg_stat_activity"
                        + " where pid <> pg_backend_pid() and (backend_xid is not null or backend_xmin is not null)"
                        + " and xact_start < now() - make_interval(secs => ?)")) {
            ps.setDouble(1, seconds);
            List<String> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + " pid " + rs.getLong(2) + " open " + rs.getLong(3) + " s");
                }
            }
            return found.isEmpty() ? "" : "TRANSACTIONS OPEN THROUGHOUT (xmin pinned): " + String.join(", ", found);
        } catch (SQLException e) {
            return "cannot list transactions: " + e.getMessage();
        }
    }

    /** Placements a seeded journey holds before the import. */
    static final int SEED_ROWS = 20_000;

    /**
     * @param analyze PostgreSQL: ANALYZE the tables after the warm-up (and in the heap check's database), so that every
     *                measured import is planned on statistics, as in any database autovacuum has seen. Without it the
     *                first imports into a new database are planned blind; see the class comment.
     */
    record Settings(int rows, List<String> databases, List<Variant> variants, int repeats, int rawBatch, int warmupRows,
                    double quietWaitSeconds, boolean parse, boolean analyze, List<String> heapDatabases,
                    List<ImportMode> heapModes, String heapXmx, String postgresUrl, Path dir) {

        static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/journeys_bench_import?user=postgres";
        /**
         * On H2: batch 1000 and 5000 best effort, atomic, dry run. On PostgreSQL also an unseeded best-effort run (a
         * new journey, as most imports); unseeded ATOMIC there takes about 20 minutes for 1,000,000 rows (it grows
         * quadratically), so it is left to {@code -Dbench.import.variants=ATOMIC:1000}.
         */
        static final String DEFAULT_VARIANTS = "BEST_EFFORT:1000,BEST_EFFORT:1000:seeded,BEST_EFFORT:5000:seeded,"
                + "ATOMIC:1000:seeded,BEST_EFFORT:1000:seeded:rewrite,DRY_RUN:1000";

        static Settings fromSystemProperties() {
            String pg = System.getenv("JOURNEYS_BENCH_POSTGRES_URL");
            return new Settings(
                    intProperty("bench.import.rows", 1_000_000),
                    list("bench.import.databases", "h2file,postgres"),
                    list("bench.import.variants", DEFAULT_VARIANTS)
                            .stream().map(Variant::parse).toList(),
                    intProperty("bench.import.repeats", 2),
                    intProperty("bench.import.rawBatch", 1_000),
                    intProperty("bench.import.warmupRows", 20_000),
                    Double.parseDouble(System.getProperty("bench.import.quietWait", "30")),
                    Boolean.parseBoolean(System.getProperty("bench.import.parse", "true")),
                    Boolean.parseBoolean(System.getProperty("bench.import.analyze", "true")),
                    list("bench.import.heapDatabases", "h2file,postgres"),
                    list("bench.import.heapModes", "BEST_EFFORT,ATOMIC").stream().map(ImportMode::valueOf).toList(),
                    System.getProperty("bench.import.heapXmx", "256m"),
                    pg == null || pg.isBlank() ? DEFAULT_POSTGRES_URL : pg,
                    Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath());
        }

        /** The heap check's own database, so that it never sees the rows the main runs left. */
        String heapPostgresUrl() {
            return postgresUrl.replaceFirst("^(jdbc:postgresql://[^/]*/)([^?]*)", "$1$2_heap");
        }

        private static int intProperty(String name, int fallback) {
            return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)).strip().replace("_", ""));
        }

        private static List<String> list(String property, String fallback) {
            return Arrays.stream(System.getProperty(property, fallback).split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    /** One measured run. */
    record Measured(String database, String label, int repeat, long rows, long nanos, CpuMeter.Usage cpu, long gcMillis,
                    String note) {
        double perSecond() {
            return rows * 1e9 / nanos;
        }
    }

    /** A parse-only pass: rows and bytes read, and how long it took. */
    record Pass(long rows, long bytes, long nanos) {
        double rowsPerSecond() {
            return rows * 1e9 / nanos;
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / (nanos / 1e9);
        }
    }

    private static final String RAW = "raw";

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Settings settings = Settings.fromSystemProperties();
        Files.createDirectories(settings.dir());
        System.out.printf("Journeys import bench: %s%n%s%n", settings, CpuMeter.machine());
        String run = Long.toString(System.currentTimeMillis(), 36);

        Map<String, List<Pass>> parse = settings.parse() ? parsePhase(settings) : Map.of();
        List<Measured> measured = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String name : settings.databases()) {
            try {
                measured.addAll(database(name, settings, run, notes));
            } catch (SQLException e) {
                String note = name + " skipped: " + e.getMessage();
                System.out.println(note);
                notes.add(note);
            }
        }
        List<ImportHeapCheck.Result> heap = new ArrayList<>();
        for (String name : settings.heapDatabases()) {
            for (ImportMode mode : settings.heapModes()) {
                System.out.printf("heap check: %s %s, %,d rows, -Xmx%s, in a child JVM (load %s)...%n", name, mode,
                        settings.rows(), settings.heapXmx(), CpuMeter.loadAverage());
                ImportHeapCheck.Result r = ImportHeapCheck.inChildJvm(name, mode, settings.rows(),
                        ImportRequest.DEFAULT_BATCH_SIZE, settings.heapXmx(), settings.heapPostgresUrl(), settings.dir(),
                        settings.analyze());
                heap.add(r);
                System.out.println("  " + r.line());
            }
        }

        System.out.println();
        if (!parse.isEmpty()) {
            printParse(parse, settings);
            System.out.println();
        }
        printImports(measured, settings);
        printBreakdown(measured, parse, settings);
        if (!heap.isEmpty()) {
            System.out.println();
            printHeap(heap);
        }
        System.out.println();
        System.out.println("Load average at the end: " + CpuMeter.loadAverage());
        notes.forEach(System.out::println);
    }

    // ---- Parsing alone ----------------------------------------------------------------------------

    /** One file of N rows read through CsvFile alone, with the row checks, and hashed as the fingerprint is. */
    private static Map<String, List<Pass>> parsePhase(Settings settings) throws Exception {
        Path csv = ImportCsv.write(settings.dir(), settings.rows(), "prse", "Parse only", STAGES);
        try {
            long bytes = Files.size(csv);
            Map<String, List<Pass>> passes = new LinkedHashMap<>();
            // One pass of each unmeasured first, so that the measured ones run compiled.
            parseOnly(csv, false);
            parseOnly(csv, true);
            fingerprint(csv);
            awaitQuiet(settings);
            for (int r = 1; r <= settings.repeats(); r++) {
                passes.computeIfAbsent("CsvFile.next() only", k -> new ArrayList<>()).add(parseOnly(csv, false));
                passes.computeIfAbsent("CsvFile + RowReader.read (row checks)", k -> new ArrayList<>()).add(parseOnly(csv, true));
                long begin = System.nanoTime();
                fingerprint(csv);
                passes.computeIfAbsent("SHA-256 of the file (the fingerprint pass)", k -> new ArrayList<>())
                        .add(new Pass(settings.rows(), bytes, System.nanoTime() - begin));
            }
            passes.forEach((what, list) -> System.out.printf("parse: %-42s %s rows/s%n", what,
                    String.join(", ", list.stream().map(p -> String.format("%,.0f", p.rowsPerSecond())).toList())));
            return passes;
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static Pass parseOnly(Path csv, boolean check) throws IOException {
        long begin = System.nanoTime();
        long rows = 0;
        try (InputStream in = Files.newInputStream(csv); CsvFile file = new CsvFile(in)) {
            RawRow header = file.next().orElseThrow();
            RowReader reader = new RowReader(Columns.of(header, false));
            Instant now = Instant.now();
            for (Optional<RawRow> row = file.next(); row.isPresent(); row = file.next()) {
                if (check && !(reader.read(row.get(), now) instanceof RowReader.Result.Ok)) {
                    throw new IllegalStateException("row " + row.get().line() + " rejected");
                }
                rows++;
            }
            return new Pass(rows, file.bytesRead(), System.nanoTime() - begin);
        }
    }

    private static void fingerprint(Path csv) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(csv)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        digest.digest();
    }

    // ---- SDK beside raw, per database -------------------------------------------------------------------

    private static List<Measured> database(String name, Settings settings, String run, List<String> notes) throws Exception {
        Path h2Dir = null;
        BenchDatabase db;
        switch (name) {
            case "h2file" -> {
                // A fresh directory of our own under bench.dir (target/, on disk), not BenchDatabase's shared one.
                h2Dir = Files.createTempDirectory(settings.dir(), "import-h2-");
                db = new BenchDatabase(name, "jdbc:h2:file:" + h2Dir.resolve("journeys"));
            }
            case "postgres" -> db = BenchDatabase.prepare(name, new BenchSettings(List.of(), List.of(), 0, 0, 0, 0, 0,
                    settings.quietWaitSeconds(), settings.postgresUrl()));
            default -> throw new IllegalArgumentException("unknown database " + name + "; use h2file or postgres");
        }
        boolean pg = RawImporter.postgres(db);
        // On H2 the flags mean nothing: rewrite variants are left out, seeded ones run as they are (once).
        List<Variant> variants = settings.variants().stream().filter(v -> pg || !v.rewrite())
                .map(v -> pg ? v : new Variant(v.mode(), v.batchSize(), false, false)).distinct().toList();
        List<Measured> out = new ArrayList<>();
        // Keeps an embedded H2 open while SDK instances come and go.
        try (Connection keeper = db.connect()) {
            // Migrations, and the JIT warmed on every path measured below.
            for (int i = 0; i < variants.size(); i++) {
                sdkRun(db, variants.get(i), settings.warmupRows(), String.format("w0%02d", i), 0, settings, run, false);
            }
            rawRun(db, settings.warmupRows(), "w099", 0, settings, run, keeper, false);
            if (pg && settings.analyze()) {
                analyze(keeper);
            }
            for (int rep = 1; rep <= settings.repeats(); rep++) {
                List<Integer> order = new ArrayList<>();
                order.add(-1);
                for (int i = 0; i < variants.size(); i++) {
                    order.add(i);
                }
                if (rep % 2 == 0) {
                    Collections.reverse(order);
                }
                for (int i : order) {
                    Measured m = i < 0
                            ? rawRun(db, settings.rows(), String.format("r%d00", rep % 10), rep, settings, run, keeper, true)
                            : sdkRun(db, variants.get(i), settings.rows(), String.format("s%d%02d", rep % 10, i), rep,
                                    settings, run, true);
                    out.add(m);
                    System.out.printf("%-8s %-44s #%d: %,9.0f rows/s  %6.1f s  GC %,6d ms  CPU cores JVM/PG/other %s  load %s%s%n",
                            name, m.label(), rep, m.perSecond(), m.nanos() / 1e9, m.gcMillis(), cpu(m.cpu()),
                            CpuMeter.loadAverage(), m.note().isEmpty() ? "" : "  " + m.note());
                }
            }
            if (pg) {
                notes.add("postgres: " + tableSizes(keeper));
            }
        } finally {
            if (h2Dir != null) {
                deleteTree(h2Dir);
            }
        }
        return out;
    }

    private static Measured sdkRun(BenchDatabase db, Variant v, int rows, String tag, int rep, Settings settings, String run,
                                   boolean measured) throws Exception {
        String url = v.rewrite() ? RawImporter.withParameter(db.url(), "reWriteBatchedInserts=true") : db.url();
        // An SDK of its own per run: the same empty placement cache, and one commit follower, for every run.
        try (JourneysSdk sdk = openSdk(url)) {
            JourneyService service = sdk.defaultTenant();
            String journeyName = "Import " + tag + " " + run;
            Journey journey = service.createJourney(JourneySpec.named(journeyName).stages(STAGES));
            if (v.seeded()) {
                long[] stages = journey.stages().stream().mapToLong(s -> s.id().value()).toArray();
                try (Connection c = db.connect()) {
                    RawImporter.run(db, journey.id().value(), tenantOf(c, journey.id().value()), stages, "d" + tag.substring(1),
                            SEED_ROWS, settings.rawBatch(), "0");
                    analyze(c);
                }
            }
            Path csv = ImportCsv.write(settings.dir(), rows, tag, journeyName, STAGES);
            try {
                ImportRequest request = ImportRequest.of(csv.getFileName().toString(), ImportSource.of(csv), Actor.person("bench"))
                        .mode(v.mode()).batchSize(v.batchSize()).suppressingAutomations();
                if (measured) {
                    awaitQuiet(settings);
                }
                CpuMeter.Sample before = CpuMeter.sample();
                long gcBefore = gcMillis();
                long begin = System.nanoTime();
                ImportReport report = service.imports().run(request);
                long nanos = System.nanoTime() - begin;
                long gc = gcMillis() - gcBefore;
                CpuMeter.Usage cpu = CpuMeter.between(before, CpuMeter.sample());
                ImportOutcome expected = v.mode() == ImportMode.DRY_RUN ? ImportOutcome.CHECKED : ImportOutcome.COMPLETED;
                long expectedCommitted = v.mode() == ImportMode.DRY_RUN ? 0 : rows;
                if (report.outcome() != expected || report.moved() != rows || report.movesCommitted() != expectedCommitted) {
                    throw new IllegalStateException(v.label() + ": expected " + expected + " with " + rows + " moved, got "
                            + report.outcome() + " moved " + report.moved() + " committed " + report.movesCommitted()
                            + " rejected " + report.rejected() + " " + report.failure().orElse("")
                            + " " + report.rejections().stream().limit(3).toList());
                }
                List<String> notes = new ArrayList<>();
                if (measured && v.mode() != ImportMode.DRY_RUN) {
                    notes.add(checkRows(db, journey.id().value(), rows + (v.seeded() ? SEED_ROWS : 0)));
                }
                notes.add(foreignTransactions(db, nanos / 1e9));
                String note = String.join("; ", notes.stream().filter(n -> !n.isEmpty()).toList());
                return new Measured(db.name(), v.label(), rep, rows, nanos, cpu, gc, note);
            } finally {
                Files.deleteIfExists(csv);
            }
        }
    }

    private static Measured rawRun(BenchDatabase db, int rows, String tag, int rep, Settings settings, String run,
                                   Connection keeper, boolean measured) throws Exception {
        // An SDK is open meanwhile, as during the SDK's runs: on PostgreSQL its commit poller reads these rows back too.
        try (JourneysSdk sdk = openSdk(db.url())) {
            Journey journey = sdk.defaultTenant().createJourney(JourneySpec.named("Import " + tag + " " + run).stages(STAGES));
            long[] stages = journey.stages().stream().mapToLong(s -> s.id().value()).toArray();
            String tenant = tenantOf(keeper, journey.id().value());
            if (measured) {
                awaitQuiet(settings);
            }
            CpuMeter.Sample before = CpuMeter.sample();
            long gcBefore = gcMillis();
            // source_ref: an import's job id; any small number stands in for it.
            RawImporter.Result r = RawImporter.run(db, journey.id().value(), tenant, stages, tag, rows, settings.rawBatch(),
                    Integer.toString(900 + rep));
            long gc = gcMillis() - gcBefore;
            CpuMeter.Usage cpu = CpuMeter.between(before, r.cpuAtEnd());
            List<String> notes = new ArrayList<>();
            notes.add(RawImporter.postgres(db) ? (r.rewritten() ? "batches rewritten: yes" : "batches rewritten: NO") : "");
            if (measured) {
                notes.add(checkRows(db, journey.id().value(), rows));
            }
            notes.add(foreignTransactions(db, r.nanos() / 1e9));
            String note = String.join("; ", notes.stream().filter(n -> !n.isEmpty()).toList());
            return new Measured(db.name(), "raw JDBC batches of " + settings.rawBatch(), rep, r.rows(), r.nanos(), cpu, gc, note);
        }
    }

    /** Both sides must have written one placement and one history row per row: empty if so, what is wrong if not. */
    private static String checkRows(BenchDatabase db, long journeyId, long rows) throws SQLException {
        try (Connection c = db.connect()) {
            long placements = count(c, "select count(*) from placements where journey_id = ?", journeyId);
            long history = count(c, "select count(*) from transitions where journey_id = ?", journeyId);
            return placements == rows && history == rows ? ""
                    : "ROW COUNT MISMATCH: " + placements + " placements, " + history + " transitions";
        }
    }

    private static long count(Connection c, String sql, long journeyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, journeyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Statistics for the planner, as autovacuum would gather them within a minute or so. */
    static void analyze(Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("analyze");
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static String tenantOf(Connection c, long journeyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select tenant_id from journeys where id = ?")) {
            ps.setLong(1, journeyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String tableSizes(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select (select count(*) from placements), (select count(*) from transitions),
                       pg_size_pretty(pg_total_relation_size('placements')), pg_size_pretty(pg_total_relation_size('transitions'))""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return String.format("at the end %,d placements (%s with indexes), %,d transitions (%s)", rs.getLong(1),
                    rs.getString(3), rs.getLong(2), rs.getString(4));
        }
    }

    // ---- Printing ----------------------------------------------------------------------------------

    private static void printParse(Map<String, List<Pass>> parse, Settings settings) {
        Pass any = parse.values().iterator().next().get(0);
        System.out.printf("Parsing alone, no database: one file of %,d rows (%,.1f MB), read %d times each%n",
                settings.rows(), any.bytes() / 1e6, settings.repeats());
        System.out.printf("%-44s %12s %12s %12s %9s%n", "", "1st rows/s", "2nd rows/s", "rows/s", "MB/s");
        parse.forEach((what, passes) -> {
            long nanos = passes.stream().mapToLong(Pass::nanos).sum();
            long rows = passes.stream().mapToLong(Pass::rows).sum();
            long bytes = passes.stream().mapToLong(Pass::bytes).sum();
            System.out.printf("%-44s %,12.0f %12s %,12.0f %9.1f%n", what, passes.get(0).rowsPerSecond(),
                    passes.size() > 1 ? String.format("%,.0f", passes.get(1).rowsPerSecond()) : "-",
                    rows * 1e9 / nanos, bytes / 1e6 / (nanos / 1e9));
        });
    }

    private static void printImports(List<Measured> measured, Settings settings) {
        System.out.printf("Imports of %,d rows, each a first entry of a distinct contact into an unsequenced journey "
                + "(1 placement + 1 history row per row);%nSDK: ImportService.run(...).suppressingAutomations(), "
                + "wall time of run(); raw: plain JDBC batches into the same tables, one commit per batch.%n", settings.rows());
        System.out.printf("%-9s %-44s %11s %11s %11s %8s %7s  %s%n", "database", "", "1st rows/s", "2nd rows/s", "rows/s",
                "vs raw", ">=0.60", "CPU cores JVM/PG/other, per run");
        Map<String, Map<String, List<Measured>>> byDb = new LinkedHashMap<>();
        for (Measured m : measured) {
            byDb.computeIfAbsent(m.database(), k -> new LinkedHashMap<>()).computeIfAbsent(m.label(), k -> new ArrayList<>()).add(m);
        }
        byDb.forEach((db, byLabel) -> {
            double raw = byLabel.entrySet().stream().filter(e -> e.getKey().startsWith(RAW)).findFirst()
                    .map(e -> rate(e.getValue())).orElse(Double.NaN);
            // Raw first, then the SDK variants in the order configured.
            byLabel.entrySet().stream().sorted(Comparator.comparing(e -> !e.getKey().startsWith(RAW))).forEach(e -> {
                List<Measured> runs = e.getValue();
                double rate = rate(runs);
                boolean isRaw = e.getKey().startsWith(RAW);
                boolean dry = e.getKey().contains(ImportMode.DRY_RUN.name());
                String target = isRaw || dry ? "-" : rate / raw >= 0.6 ? "met" : "MISSED";
                System.out.printf("%-9s %-44s %,11.0f %11s %,11.0f %7.2fx %7s  %s%n", db, e.getKey(),
                        runs.get(0).perSecond(), runs.size() > 1 ? String.format("%,.0f", runs.get(1).perSecond()) : "-",
                        rate, rate / raw, target, String.join(" | ", runs.stream().map(m -> cpu(m.cpu())).toList()));
            });
        });
        System.out.println("rows/s = all runs' rows / all runs' wall time. DRY_RUN writes nothing: parse + placement reads + "
                + "decisions, for the breakdown below. '!' marks a run where other processes took over 0.15 of a core.");
    }

    /** Where an import's time goes, from the parts measured alone: per row, in microseconds. */
    private static void printBreakdown(List<Measured> measured, Map<String, List<Pass>> parse, Settings settings) {
        if (parse.isEmpty()) {
            return;
        }
        double parseUs = perRowMicros(parse.get("CsvFile + RowReader.read (row checks)"));
        double shaUs = perRowMicros(parse.get("SHA-256 of the file (the fingerprint pass)"));
        Map<String, Map<String, List<Measured>>> byDb = new LinkedHashMap<>();
        for (Measured m : measured) {
            byDb.computeIfAbsent(m.database(), k -> new LinkedHashMap<>()).computeIfAbsent(m.label(), k -> new ArrayList<>()).add(m);
        }
        System.out.println();
        System.out.println("Per-row time, microseconds (from rows/s above; parts measured separately, so they add up only roughly):");
        System.out.printf("%-9s %-44s %9s %9s %9s %14s %14s %9s%n", "database", "", "total", "parse", "SHA-256",
                "reads+decide", "writes+commit", "raw");
        byDb.forEach((db, byLabel) -> {
            double raw = byLabel.entrySet().stream().filter(e -> e.getKey().startsWith(RAW)).findFirst()
                    .map(e -> 1e6 / rate(e.getValue())).orElse(Double.NaN);
            Optional<Double> dry = byLabel.entrySet().stream().filter(e -> e.getKey().contains(ImportMode.DRY_RUN.name()))
                    .findFirst().map(e -> 1e6 / rate(e.getValue()));
            byLabel.forEach((label, runs) -> {
                if (label.startsWith(RAW) || label.contains(ImportMode.DRY_RUN.name())) {
                    return;
                }
                double total = 1e6 / rate(runs);
                String decide = dry.map(d -> String.format("%.1f", d - parseUs - shaUs)).orElse("n/a");
                String writes = dry.map(d -> String.format("%.1f", total - d)).orElse("n/a");
                System.out.printf("%-9s %-44s %9.1f %9.1f %9.1f %14s %14s %9.1f%n", db, label, total, parseUs, shaUs,
                        decide, writes, raw);
            });
        });
        System.out.println("parse = CsvFile + RowReader alone; reads+decide = DRY_RUN - parse - SHA-256 (job row, journey "
                + "look-up, placement reads, MovePath.decide); writes+commit = the import - DRY_RUN.");
    }

    private static void printHeap(List<ImportHeapCheck.Result> heap) {
        System.out.println("Heap of one SDK import in a JVM of its own (batch " + ImportRequest.DEFAULT_BATCH_SIZE
                + ", automations suppressed); MB");
        System.out.printf("%-9s %-12s %6s %-12s %10s %8s %9s %9s %9s %9s %9s %6s %7s  %s%n", "database", "mode", "-Xmx",
                "outcome", "moved", "seconds", "peak", "pools sum", "after GC", "+linger", "+linger", "GCs", "GC ms",
                "< Xmx?");
        for (ImportHeapCheck.Result r : heap) {
            boolean ok = r.outcome().startsWith("COMPLETED") && r.moved() == r.rows();
            System.out.printf("%-9s %-12s %6s %-12s %,10d %8.1f %9.1f %9.1f %9.1f %9.1f %9.1f %6d %7d  %s%n", r.database(),
                    r.mode(), r.xmx(), r.outcome().length() > 12 ? r.outcome().substring(0, 12) : r.outcome(), r.moved(),
                    r.seconds(), r.sampledPeakMb(), r.poolPeakSumMb(), r.maxAfterGcMb(), r.lingerSampledPeakMb(),
                    r.lingerMaxAfterGcMb(), r.collections(), r.gcMillis(), ok ? "completed" : "FAILED: " + r.outcome());
        }
        for (ImportHeapCheck.Result r : heap) {
            if (r.outcome().length() > 12) {
                System.out.println(r.database() + " " + r.mode() + ": " + r.outcome());
            }
        }
        System.out.println("peak = largest heap use sampled every 2 ms during run(); pools sum = sum of the heap pools' "
                + "peaks (upper bound); after GC = largest heap left after a collection (the live set, at worst);");
        System.out.println("+linger = the same, including the " + System.getProperty(ImportHeapCheck.LINGER_PROPERTY, "30")
                + " s after run() returned (the PostgreSQL commit poller reads the import back then). GC logs: "
                + heap.stream().map(ImportHeapCheck.Result::gcLog).distinct().toList());
    }

    // ---- Helpers ---------------------------------------------------------------------------------------

    private static double rate(List<Measured> runs) {
        return runs.stream().mapToLong(Measured::rows).sum() * 1e9 / runs.stream().mapToLong(Measured::nanos).sum();
    }

    private static double perRowMicros(List<Pass> passes) {
        return passes.stream().mapToLong(Pass::nanos).sum() / 1e3 / passes.stream().mapToLong(Pass::rows).sum();
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static void awaitQuiet(Settings settings) throws InterruptedException {
        if (!CpuMeter.awaitQuiet(settings.quietWaitSeconds())) {
            System.out.println("note: other processes kept the CPU busy; measuring anyway (load " + CpuMeter.loadAverage() + ")");
        }
    }

    private static String cpu(CpuMeter.Usage u) {
        if (u == null) {
            return "n/a";
        }
        return String.format("%.2f/%.2f/%.2f%s", u.jvmCores(), u.postgresCores(), u.otherCores(),
                u.otherCores() > 0.15 ? " !" : "");
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
