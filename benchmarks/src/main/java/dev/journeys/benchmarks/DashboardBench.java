package dev.journeys.benchmarks;

import dev.journeys.api.DashboardCheck;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysSdk;
import dev.journeys.jdbc.Journeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The dashboard bench (issue 6), on each database: one journey (Lead, Demo, Trial, Customer, Lost; expected days on
 * the first three) created through the SDK; a made-up history of N contacts and M moves over 13 months
 * ({@link DashboardHistory}) written raw into the SDK's tables ({@link DashboardSeeder}) while no SDK is open; then
 * an SDK opened on it, whose background fold works off the whole backlog (timed, watched through
 * {@link DashboardFoldMark}); then every dashboard query through the public API, warmed up and timed
 * ({@link DashboardQueries}), against the targets; then moves through the SDK while the big journey exists,
 * to show the fold keeps up ({@link DashboardLive}). The move-cost target (at most 20% of the move bench) is
 * measured by the move bench itself at the commit before the dashboard and now: see benchmarks/README.md.
 * Run with {@code mvn -q -pl benchmarks -am package -DskipTests -Pbench-dashboard}.
 */
public final class DashboardBench {

    record Settings(int contacts, long history, List<String> databases, int days, long seed, int commitRows, int warmup,
                    int repeats, int groupByRepeats, double queryMaxSeconds, long checkMax, double foldTimeout,
                    double liveSeconds, int liveThreads, int liveContacts, double quietWait, boolean reuse, boolean keep,
                    String postgresUrl, Path dir) {

        static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/journeys_bench_dashboard?user=postgres";

        static Settings fromSystemProperties() {
            String pg = System.getenv("JOURNEYS_BENCH_POSTGRES_URL");
            return new Settings(
                    (int) number("contacts", 1_000_000),
                    number("history", 10_000_000),
                    Arrays.stream(text("databases", "h2file,postgres").split(",")).map(String::strip)
                            .filter(s -> !s.isEmpty()).toList(),
                    (int) number("days", 395),
                    number("seed", 42),
                    (int) number("commitRows", 50_000),
                    (int) number("warmup", 20),
                    (int) number("repeats", 50),
                    (int) number("groupByRepeats", 10),
                    Double.parseDouble(text("queryMaxSeconds", "60")),
                    number("checkMax", 1_000_000),
                    Double.parseDouble(text("foldTimeout", "7200")),
                    Double.parseDouble(text("liveSeconds", "20")),
                    (int) number("liveThreads", 2),
                    (int) number("liveContacts", 256),
                    Double.parseDouble(text("quietWait", "30")),
                    Boolean.parseBoolean(text("reuse", "false")),
                    Boolean.parseBoolean(text("keep", "false")),
                    pg == null || pg.isBlank() ? DEFAULT_POSTGRES_URL : pg,
                    Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath());
        }

        private static String text(String name, String fallback) {
            String value = System.getProperty("bench.dashboard." + name, "").strip();
            return value.isEmpty() ? fallback : value;
        }

        private static long number(String name, long fallback) {
            return Long.parseLong(text(name, Long.toString(fallback)).replace("_", "").replace(",", ""));
        }
    }

    /** What one database gave: seeding (null when reused), the backlog's fold, the check, the queries, the live run. */
    record Outcome(String database, DashboardSeeder.Result seed, double generateSeconds, double analyzeSeconds,
                   double foldSeconds, CpuMeter.Usage foldCpu, String check, List<DashboardQueries.Timing> timings,
                   CpuMeter.Usage queryCpu, DashboardLive.Result live, List<String> notes) {
    }

    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Settings settings = Settings.fromSystemProperties();
        Files.createDirectories(settings.dir());
        System.out.printf("Journeys dashboard bench: %s%n%s%n", settings, CpuMeter.machine());
        List<Outcome> outcomes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String name : settings.databases()) {
            try {
                outcomes.add(database(name, settings));
            } catch (Exception e) {
                // A database that cannot be reached, a fold that never caught up: the other database still runs.
                String note = name + " skipped: " + e;
                System.out.println(note);
                notes.add(note);
            }
        }
        System.out.println();
        for (Outcome o : outcomes) {
            DashboardReport.print(o, settings);
            System.out.println();
        }
        System.out.println("Load average at the end: " + CpuMeter.loadAverage());
        notes.forEach(System.out::println);
    }

    private static Outcome database(String name, Settings settings) throws Exception {
        BenchDatabase db = open(name, settings);
        String journeyName = String.format("Dashboard bench %d contacts %d moves seed %d", settings.contacts(),
                settings.history(), settings.seed());
        System.out.printf("%s: %s%n", name, journeyName);
        DashboardSeeder.Result seeded = null;
        double generateSeconds = 0;
        double analyzeSeconds = 0;
        Journey journey;
        // 1. The journey, through the SDK; then the SDK closes, so that nothing folds or polls while rows go in raw.
        try (JourneysSdk sdk = Journeys.configure().jdbcUrl(db.url()).load()) {
            JourneyService service = sdk.defaultTenant();
            Optional<Journey> existing = settings.reuse() ? service.journeyNamed(journeyName) : Optional.empty();
            if (existing.isPresent()) {
                journey = existing.get();
                long rows = transitions(db, journey);
                if (rows < settings.history()) {
                    throw new IllegalStateException(name + ": the journey to reuse holds " + rows + " transitions, not "
                            + settings.history() + " (a seed cut short?); run without bench.dashboard.reuse");
                }
                System.out.printf("  reusing the seeded journey %s (%,d transitions)%n", journey.id(), rows);
            } else {
                journey = service.createJourney(JourneySpec.named(journeyName).stages(DashboardHistory.STAGES));
                for (int i = 0; i < DashboardHistory.STAGES.size(); i++) {
                    if (DashboardHistory.EXPECTED_DAYS[i] > 0) {
                        journey = service.setExpectedDays(journey.id(), journey.stages().get(i).id(),
                                OptionalInt.of(DashboardHistory.EXPECTED_DAYS[i]));
                    }
                }
            }
        }
        String tenant = tenantOf(db, journey);
        if (transitions(db, journey) < settings.history()) {
            // 2. The history, raw, outside any measured time.
            long begin = System.nanoTime();
            DashboardHistory history = new DashboardHistory(settings.contacts(), settings.history(), settings.seed(),
                    Instant.now().getEpochSecond(), settings.days());
            history.generate();
            generateSeconds = (System.nanoTime() - begin) / 1e9;
            long[] stageIds = journey.stages().stream().mapToLong(s -> s.id().value()).toArray();
            System.out.printf("  generated %,d moves in %.1f s; writing them (load %s)...%n", settings.history(),
                    generateSeconds, CpuMeter.loadAverage());
            seeded = new DashboardSeeder(history, journey.id().value(), tenant, stageIds, settings.commitRows()).run(db);
            System.out.printf("  wrote %,d transitions and %,d placements in %.1f s (%,.0f rows/s),"
                            + " CPU cores JVM/PG/other %s%n", seeded.transitions(), seeded.placements(),
                    seeded.nanos() / 1e9, seeded.rowsPerSecond(), DashboardReport.cpu(seeded.cpu()));
            begin = System.nanoTime();
            // The seeded tables only, as autovacuum would after such a load. Not the dashboard's tables: statistics
            // taken while they are empty make the fold's updates by primary key plan as sequential scans.
            String analyze = RawImporter.postgres(db) ? "analyze " : "analyze table ";
            db.execute(analyze + "transitions", analyze + "placements");
            analyzeSeconds = (System.nanoTime() - begin) / 1e9;
        }
        List<String> notes = serverNotes(db);
        notes.forEach(n -> System.out.println("  note: " + n));
        DashboardFoldMark mark = new DashboardFoldMark(db);
        try (JourneysSdk sdk = Journeys.configure().jdbcUrl(db.url()).load()) {
            JourneyService service = sdk.defaultTenant();
            // 3. The fold works the backlog off by itself; nothing reads the dashboard meanwhile (a query would read
            // the whole unfolded backlog).
            CpuMeter.Sample before = CpuMeter.sample();
            System.out.printf("  SDK open; waiting for the fold (%s)...%n", mark.status());
            double foldSeconds = mark.await(settings.foldTimeout(), 250, 30, System.out::println);
            CpuMeter.Usage foldCpu = CpuMeter.between(before, CpuMeter.sample());
            if (foldSeconds < 0) {
                throw new IllegalStateException(name + ": the fold had not caught up after " + settings.foldTimeout()
                        + " s; " + mark.status() + " " + ImportBench.foreignTransactions(db, settings.foldTimeout()));
            }
            System.out.printf("  fold caught up %.1f s after the SDK opened, CPU cores JVM/PG/other %s%n", foldSeconds,
                    DashboardReport.cpu(foldCpu));
            String check = check(service, journey, settings);
            // 4. Queries.
            if (!CpuMeter.awaitQuiet(settings.quietWait())) {
                System.out.println("  note: other processes kept the CPU busy; measuring anyway (load "
                        + CpuMeter.loadAverage() + ")");
            }
            CpuMeter.Sample queriesBefore = CpuMeter.sample();
            List<DashboardQueries.Timing> timings = new DashboardQueries(service, journey, settings.warmup(),
                    settings.repeats(), settings.queryMaxSeconds()).run(db, tenant, settings.groupByRepeats());
            CpuMeter.Usage queryCpu = CpuMeter.between(queriesBefore, CpuMeter.sample());
            // 5. Moves while the big journey exists.
            DashboardLive.Result live = null;
            if (settings.liveSeconds() > 0) {
                System.out.printf("  moving for %.0f s on %d threads...%n", settings.liveSeconds(), settings.liveThreads());
                live = DashboardLive.run(service, journey, db, mark, settings.liveThreads(), settings.liveContacts(),
                        settings.liveSeconds(), settings.foldTimeout());
            }
            return new Outcome(name, seeded, generateSeconds, analyzeSeconds, foldSeconds, foldCpu, check, timings,
                    queryCpu, live, notes);
        } finally {
            if (!settings.keep()) {
                cleanUp(name, db, settings);
            }
        }
    }

    private static BenchDatabase open(String name, Settings settings) throws Exception {
        switch (name) {
            case "h2file" -> {
                // Under bench.dir (target/, on disk), a directory of its own that a later run can reuse.
                Path dir = h2Dir(settings);
                if (!settings.reuse()) {
                    ImportBench.deleteTree(dir);
                }
                Files.createDirectories(dir);
                return new BenchDatabase(name, "jdbc:h2:file:" + dir.resolve("journeys"));
            }
            case "postgres" -> {
                if (settings.reuse()) {
                    try {
                        new BenchDatabase(name, settings.postgresUrl()).execute("select 1 from transitions limit 1");
                        return new BenchDatabase(name, settings.postgresUrl());
                    } catch (SQLException e) {
                        // missing database or tables: start afresh
                    }
                }
                return BenchDatabase.prepare(name, new BenchSettings(List.of(), List.of(), 0, 0, 0, 0, 0,
                        settings.quietWait(), settings.postgresUrl()));
            }
            default -> throw new IllegalArgumentException("unknown database " + name + "; use h2file or postgres");
        }
    }

    private static Path h2Dir(Settings settings) {
        return settings.dir().resolve("dashboard-h2");
    }

    private static void cleanUp(String name, BenchDatabase db, Settings settings) throws SQLException {
        if (name.equals("h2file")) {
            ImportBench.deleteTree(h2Dir(settings));
        } else if (settings.postgresUrl().replaceFirst("\\?.*$", "").replaceFirst("^.*/", "").contains("bench")) {
            db.execute("drop schema public cascade", "create schema public");
        }
    }

    /**
     * {@code check()} replays the journey's whole history in memory: fine for a small run, not for millions of
     * transitions (it holds them all on the heap), so it runs only up to {@code bench.dashboard.checkMax}.
     */
    private static String check(JourneyService service, Journey journey, Settings settings) throws SQLException {
        if (settings.history() > settings.checkMax()) {
            return "check() skipped: " + settings.history() + " moves > bench.dashboard.checkMax " + settings.checkMax();
        }
        long begin = System.nanoTime();
        DashboardCheck check = service.dashboard().check(journey.id());
        String line = String.format("check() %s in %.1f s%s", check.consistent() ? "consistent" : "INCONSISTENT",
                (System.nanoTime() - begin) / 1e9, check.consistent() ? "" : ": " + check.differences());
        System.out.println("  " + line);
        return line;
    }

    /** PostgreSQL settings that change what the fold and the queries cost. */
    private static List<String> serverNotes(BenchDatabase db) throws SQLException {
        List<String> notes = new ArrayList<>();
        if (!RawImporter.postgres(db)) {
            return notes;
        }
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "select current_setting('autovacuum'), current_setting('shared_buffers'), version()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (!rs.getString(1).equals("on")) {
                notes.add("autovacuum is " + rs.getString(1) + " on this server: the dash_* counters keep every dead row"
                        + " version of their updates, and no table gets statistics but those the bench ANALYZEs");
            }
            notes.add("shared_buffers " + rs.getString(2) + ", " + rs.getString(3).replaceFirst(" on .*", ""));
        }
        return notes;
    }

    private static long transitions(BenchDatabase db, Journey journey) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from transitions where journey_id = ?")) {
            ps.setLong(1, journey.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String tenantOf(BenchDatabase db, Journey journey) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("select tenant_id from journeys where id = ?")) {
            ps.setLong(1, journey.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
