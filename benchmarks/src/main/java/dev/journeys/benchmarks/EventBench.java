package dev.journeys.benchmarks;

import dev.journeys.api.Automation;
import dev.journeys.api.AutomationService;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysSdk;
import dev.journeys.jdbc.Journeys;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The event bench, in one run: events per second end to end (publish, match, move, log) beside single moves on the
 * same database; then, on H2 in memory, how the cost of an event grows with the automations on its trigger, split
 * into matching, writing the run log and the rest; then whether automations on another trigger cost anything.
 */
public final class EventBench {

    /** Automations on the trigger in the end-to-end cells: the two movers and eight that never match. */
    static final int E2E_AUTOMATIONS = 10;

    record Settings(List<String> databases, List<Integer> threads, List<Integer> postgresThreads, double seconds,
                    double warmupSeconds, int contactsPerThread, double quietWaitSeconds, List<Integer> automations,
                    int otherAutomations, int scaleThreads, double chunkSeconds, int rounds, String postgresUrl) {

        Settings {
            if (rounds < 1) {
                throw new IllegalArgumentException("bench.events.rounds must be at least 1, was " + rounds);
            }
        }

        /** A separate database by default, so that a move bench running at the same time cannot empty it under us. */
        static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/journeys_bench_events?user=postgres";

        static Settings fromSystemProperties() {
            String pg = System.getenv("JOURNEYS_BENCH_POSTGRES_URL");
            return new Settings(
                    list("bench.events.databases", "h2mem,postgres"),
                    ints("bench.threads", "1,8"),
                    ints("bench.events.postgresThreads", "8"),
                    Double.parseDouble(System.getProperty("bench.duration", "10")),
                    Double.parseDouble(System.getProperty("bench.warmup", "5")),
                    Integer.getInteger("bench.contacts", 256),
                    Double.parseDouble(System.getProperty("bench.quietWait", "120")),
                    ints("bench.events.automations", "10,100,1000,10000"),
                    Integer.getInteger("bench.events.otherAutomations", 10_000),
                    Integer.getInteger("bench.events.scaleThreads", 1),
                    Double.parseDouble(System.getProperty("bench.events.chunk", "2")),
                    Integer.getInteger("bench.events.rounds", 1),
                    pg == null || pg.isBlank() ? DEFAULT_POSTGRES_URL : pg);
        }

        /** What BenchDatabase needs: only the PostgreSQL URL is read from it. */
        BenchSettings forDatabase() {
            return new BenchSettings(databases, threads, seconds, warmupSeconds, contactsPerThread, 0, 0,
                    quietWaitSeconds, postgresUrl);
        }

        private static List<String> list(String property, String fallback) {
            return Arrays.stream(System.getProperty(property, fallback).split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private static List<Integer> ints(String property, String fallback) {
            return list(property, fallback).stream().map(s -> Integer.valueOf(s.replace("_", ""))).toList();
        }
    }

    /** Events beside single moves on one database: measured ABBA, events first. GC: pause ms per side. */
    record E2eCell(String database, int threads, Harness.Run ev1, Harness.Run mv1, Harness.Run mv2, Harness.Run ev2,
                   CpuMeter.Usage cpu, long eventGcMillis, long moveGcMillis) {
        /** Share of the side's wall time the JVM spent in collector pauses. */
        double gcShare(boolean eventSide) {
            Harness.Run a = eventSide ? ev1 : mv1;
            Harness.Run b = eventSide ? ev2 : mv2;
            return (eventSide ? eventGcMillis : moveGcMillis) * 1e6 / (a.nanos() + b.nanos());
        }

        double events() {
            return rate(ev1, ev2);
        }

        double moves() {
            return rate(mv1, mv2);
        }

        double callerMicros(boolean eventSide) {
            Harness.Run a = eventSide ? ev1 : mv1;
            Harness.Run b = eventSide ? ev2 : mv2;
            return (a.threadCpuNanos() + b.threadCpuNanos()) / 1e3 / (a.moves() + b.moves());
        }

        double postgresMicros(boolean eventSide) {
            Harness.Run a = eventSide ? ev1 : mv1;
            Harness.Run b = eventSide ? ev2 : mv2;
            if (a.cpu() == null || b.cpu() == null) {
                return Double.NaN;
            }
            double coreSeconds = a.cpu().postgresCores() * a.nanos() / 1e9 + b.cpu().postgresCores() * b.nanos() / 1e9;
            return coreSeconds * 1e6 / (a.moves() + b.moves());
        }

        long failures() {
            return ev1.failures() + ev2.failures() + mv1.failures() + mv2.failures();
        }

        String firstFailure() {
            return List.of(ev1, mv1, mv2, ev2).stream().map(Harness.Run::firstFailure).filter(f -> f != null)
                    .findFirst().orElse("");
        }

        private static double rate(Harness.Run a, Harness.Run b) {
            return (a.moves() + b.moves()) * 1e9 / (a.nanos() + b.nanos());
        }
    }

    /** A timed loop on the calling thread: steps done, wall time and that thread's CPU time. */
    record Loop(long steps, long nanos, long cpuNanos) {
        double microsPerStep() {
            return nanos / 1e3 / steps;
        }

        double cpuMicrosPerStep() {
            return cpuNanos / 1e3 / steps;
        }

        Loop plus(Loop other) {
            return new Loop(steps + other.steps, nanos + other.nanos, cpuNanos + other.cpuNanos);
        }
    }

    /** One step of the scaling table: events on the trigger with {@code onTrigger} automations, none elsewhere. */
    record ScaleCell(int onTrigger, int threads, Harness.Run e2e, long[] latencies, Loop matching, Loop log,
                     CpuMeter.Usage cpu, long gcMillis) {
        double perEventMicros() {
            return e2e.nanos() / 1e3 / e2e.moves();
        }

        double cpuPerEventMicros() {
            return e2e.threadCpuNanos() / 1e3 / e2e.moves();
        }

        double gcShare() {
            return gcMillis * 1e6 / e2e.nanos();
        }
    }

    /**
     * Events on the trigger with the same 10 automations, in two databases that differ only in the automations on
     * another trigger; measured ABBA (none, many, many, none) so that both see the same JIT and heap.
     */
    record OtherCell(int onOther, Harness.Run first, Harness.Run second, long[] latencies, long gcMillis) {
        double perSecond() {
            return (first.moves() + second.moves()) * 1e9 / (first.nanos() + second.nanos());
        }

        double cpuPerEventMicros() {
            return (first.threadCpuNanos() + second.threadCpuNanos()) / 1e3 / (first.moves() + second.moves());
        }

        double gcShare() {
            return gcMillis * 1e6 / (first.nanos() + second.nanos());
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();

    private EventBench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Settings settings = Settings.fromSystemProperties();
        System.out.printf("Journeys event bench: %s, %d cores, java %s, max heap %,d MB%n", settings,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        // Event ids are unique within the run and across runs, in case the database keeps its rows.
        String run = Long.toString(System.currentTimeMillis(), 36);

        List<E2eCell> e2e = new ArrayList<>();
        List<ScaleCell> scale = new ArrayList<>();
        List<OtherCell> other = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String name : settings.databases()) {
            BenchDatabase db;
            try {
                db = BenchDatabase.prepare(name, settings.forDatabase());
            } catch (SQLException e) {
                String note = name + " skipped: " + e.getMessage();
                System.out.println(note);
                notes.add(note);
                continue;
            }
            try (JourneysSdk sdk = Journeys.configure().jdbcUrl(db.url())
                    .trigger(BenchTrigger.ORDER).trigger(BenchTrigger.OTHER).load()) {
                JourneyService service = sdk.defaultTenant();
                Journey journey = service.createJourney(JourneySpec.named("Events bench " + run).stages("A", "B"));
                AutomationService automations = service.automations();
                disableLeftovers(automations, notes);
                BenchAutomations.createMovers(automations, journey, BenchTrigger.ORDER.key());
                BenchAutomations.createNonMatching(automations, journey, BenchTrigger.ORDER.key(), 0,
                        E2E_AUTOMATIONS - BenchAutomations.MOVERS);
                List<Integer> threadCounts = name.equals("postgres") ? settings.postgresThreads() : settings.threads();
                for (int threads : threadCounts) {
                    E2eCell cell = e2eCell(db, service, journey, threads, settings, run);
                    e2e.add(cell);
                    System.out.printf("%-8s %2d threads: %,9.0f events/s  %,9.0f moves/s  (%.2f)%s%n", name, threads,
                            cell.events(), cell.moves(), cell.events() / cell.moves(),
                            cell.failures() == 0 ? "" : "  " + cell.failures() + " FAILED, first: " + cell.firstFailure());
                }
                if (name.equals("h2mem") && settings.otherAutomations() > 0) {
                    other.addAll(otherTrigger(db, service, journey, settings, run, notes));
                }
                if (name.equals("h2mem") && !settings.automations().isEmpty()) {
                    scale(db, service, journey, settings, run, scale, notes);
                }
            }
        }

        System.out.println();
        printE2e(e2e, settings);
        if (!scale.isEmpty()) {
            System.out.println();
            printScale(scale, settings);
        }
        if (!other.isEmpty()) {
            System.out.println();
            printOther(other, settings);
        }
        if (!notes.isEmpty()) {
            System.out.println();
            notes.forEach(System.out::println);
        }
    }

    /** In a database that is not emptied, automations of earlier runs would be matched too: switch them off. */
    private static void disableLeftovers(AutomationService automations, List<String> notes) {
        int disabled = 0;
        for (Automation a : automations.list()) {
            if (a.enabled() && a.triggerType().startsWith("bench.")) {
                automations.setEnabled(a.id(), false);
                disabled++;
            }
        }
        if (disabled > 0) {
            notes.add("note: disabled " + disabled + " bench automations left by earlier runs; they are still read "
                    + "into the trigger index, so figures may be a little low");
        }
    }

    // ---- End to end, beside single moves -----------------------------------------------------------

    private static E2eCell e2eCell(BenchDatabase db, JourneyService service, Journey journey, int threads,
                                   Settings settings, String run) throws Exception {
        String prefix = db.name() + "-t" + threads + "-";
        int n = settings.contactsPerThread();
        truncateRunLog(db);
        List<EventPublisher> events = Harness.inParallel(threads, t -> new EventPublisher(service, journey,
                BenchTrigger.ORDER.key(), contacts("ev-" + prefix + t, n), "ev-" + run + "-" + prefix + t + "-",
                E2E_AUTOMATIONS));
        List<SdkMover> moves = Harness.inParallel(threads, t -> new SdkMover(service, journey, contacts("mv-" + prefix + t, n)));
        events.get(0).check();
        // Warmed up in turns: events after a long stretch of moves ran at half speed for seconds (code the JIT had
        // compiled for moves alone), which the first event half paid for.
        for (int turn = 0; turn < 2; turn++) {
            Harness.run(events, settings.warmupSeconds() / 2);
            Harness.run(moves, settings.warmupSeconds() / 2);
        }
        truncateRunLog(db);
        // Each side's time is split over rounds of ABBA halves, so that drift over the run (the heap, the JIT, the
        // machine) reaches both sides alike; the halves of each kind are added up across rounds.
        double half = settings.seconds() / 2 / settings.rounds();
        CpuMeter.Sample before = CpuMeter.sample();
        Harness.Run ev1 = null;
        Harness.Run mv1 = null;
        Harness.Run mv2 = null;
        Harness.Run ev2 = null;
        long eventGc = 0;
        long moveGc = 0;
        for (int round = 0; round < settings.rounds(); round++) {
            // Each half starts with the history before it folded: the warm-ups' moves were billed to the first half.
            MoveBench.awaitFolded(db);
            awaitQuiet(settings);
            // The run log is emptied before each half, outside the measured time, so that both sides run beside a
            // log of the same small size (on H2 in memory, rows left on the heap make the collector slower for both).
            long gc0 = gcMillis();
            ev1 = plus(ev1, Harness.run(events, half));
            long gc1 = gcMillis();
            truncateRunLog(db);
            MoveBench.awaitFolded(db);
            mv1 = plus(mv1, Harness.run(moves, half));
            MoveBench.awaitFolded(db);
            mv2 = plus(mv2, Harness.run(moves, half));
            truncateRunLog(db);
            MoveBench.awaitFolded(db);
            long gc2 = gcMillis();
            ev2 = plus(ev2, Harness.run(events, half));
            long gc3 = gcMillis();
            truncateRunLog(db);
            eventGc += (gc1 - gc0) + (gc3 - gc2);
            moveGc += gc2 - gc1;
        }
        return new E2eCell(db.name(), threads, ev1, mv1, mv2, ev2, CpuMeter.between(before, CpuMeter.sample()),
                eventGc, moveGc);
    }

    private static Harness.Run plus(Harness.Run sum, Harness.Run next) {
        return sum == null ? next : sum.plus(next);
    }

    // ---- Scaling with the automations on the trigger -------------------------------------------------

    private static void scale(BenchDatabase db, JourneyService service, Journey journey, Settings settings, String run,
                              List<ScaleCell> cells, List<String> notes) throws Exception {
        RunLogWriter.createTable(db);
        AutomationService automations = service.automations();
        String trigger = BenchTrigger.ORDER.key();
        int onTrigger = E2E_AUTOMATIONS;
        for (int target : settings.automations()) {
            if (target < E2E_AUTOMATIONS) {
                throw new IllegalArgumentException("bench.events.automations: each count must be >= " + E2E_AUTOMATIONS);
            }
            if (target > onTrigger) {
                notes.add(created(target - onTrigger, trigger, () -> BenchAutomations.createNonMatching(automations,
                        journey, trigger, onTriggerNonMatching(automations.list(), trigger), target - BenchAutomations.MOVERS)));
                onTrigger = target;
            }
            ScaleCell cell = scaleCell(db, service, journey, onTrigger, settings, run);
            cells.add(cell);
            System.out.printf("h2mem scale: %,6d automations on the trigger: %,9.1f events/s, %,11.1f us/event, "
                    + "%6.2f us/automation%n", cell.onTrigger(), cell.e2e().perSecond(), cell.perEventMicros(),
                    cell.perEventMicros() / cell.onTrigger());
        }
    }

    /**
     * A second H2 in memory with the same journey and the same 10 automations on the trigger, plus many on another
     * trigger; events on the trigger in both, ABBA.
     */
    private static List<OtherCell> otherTrigger(BenchDatabase db, JourneyService service, Journey journey,
                                                Settings settings, String run, List<String> notes) throws Exception {
        int count = settings.otherAutomations();
        BenchDatabase db2 = BenchDatabase.prepare("h2mem", settings.forDatabase());
        try (JourneysSdk sdk2 = Journeys.configure().jdbcUrl(db2.url())
                .trigger(BenchTrigger.ORDER).trigger(BenchTrigger.OTHER).load()) {
            JourneyService service2 = sdk2.defaultTenant();
            Journey journey2 = service2.createJourney(JourneySpec.named("Events bench " + run).stages("A", "B"));
            AutomationService automations2 = service2.automations();
            BenchAutomations.createMovers(automations2, journey2, BenchTrigger.ORDER.key());
            BenchAutomations.createNonMatching(automations2, journey2, BenchTrigger.ORDER.key(), 0,
                    E2E_AUTOMATIONS - BenchAutomations.MOVERS);
            String otherKey = BenchTrigger.OTHER.key();
            notes.add(created(count, otherKey + " (second database)",
                    () -> BenchAutomations.createNonMatching(automations2, journey2, otherKey, 0, count)));
            int threads = settings.scaleThreads();
            List<EventPublisher> none = Harness.inParallel(threads, t -> new EventPublisher(service, journey,
                    BenchTrigger.ORDER.key(), contacts("other-0-t" + t, settings.contactsPerThread()),
                    "ev-" + run + "-other-0-t" + t + "-", E2E_AUTOMATIONS));
            List<EventPublisher> many = Harness.inParallel(threads, t -> new EventPublisher(service2, journey2,
                    BenchTrigger.ORDER.key(), contacts("other-" + count + "-t" + t, settings.contactsPerThread()),
                    "ev-" + run + "-other-" + count + "-t" + t + "-", E2E_AUTOMATIONS));
            none.get(0).check();
            many.get(0).check();
            chunked(db, none, settings.warmupSeconds(), settings);
            chunked(db2, many, settings.warmupSeconds(), settings);
            awaitQuiet(settings);
            none.forEach(EventPublisher::recordLatencies);
            many.forEach(EventPublisher::recordLatencies);
            double half = settings.seconds() / 2;
            long gc0 = gcMillis();
            Harness.Run none1 = chunked(db, none, half, settings);
            long gc1 = gcMillis();
            Harness.Run many1 = chunked(db2, many, half, settings);
            Harness.Run many2 = chunked(db2, many, half, settings);
            long gc2 = gcMillis();
            Harness.Run none2 = chunked(db, none, half, settings);
            long gc3 = gcMillis();
            OtherCell without = new OtherCell(0, none1, none2, latencies(none), (gc1 - gc0) + (gc3 - gc2));
            OtherCell with = new OtherCell(count, many1, many2, latencies(many), gc2 - gc1);
            System.out.printf("h2mem other trigger: %,9.1f events/s with none there, %,9.1f with %,d%n",
                    without.perSecond(), with.perSecond(), count);
            return List.of(without, with);
        } finally {
            // DB_CLOSE_DELAY=-1 keeps an in-memory database after its last connection; free its heap.
            db2.execute("shutdown");
        }
    }

    private static long[] latencies(List<EventPublisher> publishers) {
        return publishers.stream().flatMapToLong(p -> Arrays.stream(p.latencies())).sorted().toArray();
    }

    private static int onTriggerNonMatching(List<Automation> all, String trigger) {
        return (int) all.stream().filter(a -> a.triggerType().equals(trigger)).count() - BenchAutomations.MOVERS;
    }

    private static String created(int count, String trigger, Step create) throws Exception {
        long begin = System.nanoTime();
        create.run();
        double seconds = (System.nanoTime() - begin) / 1e9;
        String note = String.format("setup: created %,d automations on %s in %.1f s (%,.0f /s, AutomationService.create)",
                count, trigger, seconds, count / seconds);
        System.out.println(note);
        return note;
    }

    private static ScaleCell scaleCell(BenchDatabase db, JourneyService service, Journey journey, int onTrigger,
                                       Settings settings, String run) throws Exception {
        int threads = settings.scaleThreads();
        String prefix = "scale-" + onTrigger + "-t";
        List<EventPublisher> events = Harness.inParallel(threads, t -> new EventPublisher(service, journey,
                BenchTrigger.ORDER.key(), contacts(prefix + t, settings.contactsPerThread()),
                "ev-" + run + "-" + prefix + t + "-", onTrigger));
        events.get(0).check();
        chunked(db, events, settings.warmupSeconds(), settings);
        awaitQuiet(settings);
        events.forEach(EventPublisher::recordLatencies);
        CpuMeter.Sample before = CpuMeter.sample();
        long gcBefore = gcMillis();
        Harness.Run e2e = chunked(db, events, settings.seconds(), settings);
        long gc = gcMillis() - gcBefore;
        CpuMeter.Usage cpu = CpuMeter.between(before, CpuMeter.sample());

        List<Automation> matched = service.automations().list().stream()
                .filter(a -> a.triggerType().equals(BenchTrigger.ORDER.key()) && a.enabled()).toList();
        MatchingOnly matching = new MatchingOnly(BenchTrigger.ORDER, matched);
        timed(matching::step, settings.warmupSeconds());
        awaitQuiet(settings);
        Loop match = timed(matching::step, settings.seconds());

        Loop log = rawLog(db, onTrigger, settings);
        return new ScaleCell(onTrigger, threads, e2e, latencies(events), match, log, cpu, gc);
    }

    /** Raw run-log writes of one row packing {@code decisions} decisions per event; emptied as often as the SDK's. */
    private static Loop rawLog(BenchDatabase db, int decisions, Settings settings) throws Exception {
        try (RunLogWriter raw = new RunLogWriter(db, decisions)) {
            Step empty = () -> RunLogWriter.truncate(db);
            double chunk = settings.chunkSeconds();
            timedChunked(raw::step, settings.warmupSeconds(), chunk, empty);
            awaitQuiet(settings);
            return timedChunked(raw::step, settings.seconds(), chunk, empty);
        }
    }

    /**
     * Runs the publishers for {@code seconds} in pieces of at most the chunk length, emptying the run log between
     * pieces (outside the measured time): at 10,000 automations an event writes 10,000 rows, and H2 in memory would
     * otherwise hold millions of them on the heap, where the collector copies them.
     */
    private static Harness.Run chunked(BenchDatabase db, List<? extends Mover> movers, double seconds, Settings settings)
            throws Exception {
        long moves = 0;
        long failures = 0;
        long nanos = 0;
        long cpu = 0;
        String first = null;
        double left = seconds;
        while (left > 1e-3) {
            double piece = Math.min(left, settings.chunkSeconds());
            truncateRunLog(db);
            Harness.Run r = Harness.run(movers, piece);
            moves += r.moves();
            failures += r.failures();
            nanos += r.nanos();
            cpu += r.threadCpuNanos();
            first = first != null ? first : r.firstFailure();
            left -= piece;
        }
        truncateRunLog(db);
        return new Harness.Run(moves, failures, nanos, first, cpu, null);
    }

    private static Loop timed(Step step, double seconds) throws Exception {
        long cpuBefore = THREAD_CPU.getCurrentThreadCpuTime();
        long begin = System.nanoTime();
        long deadline = begin + (long) (seconds * 1e9);
        long steps = 0;
        do {
            step.run();
            steps++;
        } while (System.nanoTime() < deadline);
        return new Loop(steps, System.nanoTime() - begin, THREAD_CPU.getCurrentThreadCpuTime() - cpuBefore);
    }

    /** {@link #timed} in pieces of at most {@code chunk} seconds, with {@code between} run before each, unmeasured. */
    private static Loop timedChunked(Step step, double seconds, double chunk, Step between) throws Exception {
        long steps = 0;
        long nanos = 0;
        long cpu = 0;
        for (double left = seconds; left > 1e-3; left -= chunk) {
            between.run();
            Loop piece = timed(step, Math.min(left, chunk));
            steps += piece.steps();
            nanos += piece.nanos();
            cpu += piece.cpuNanos();
        }
        between.run();
        return new Loop(steps, nanos, cpu);
    }

    /** Collector time so far, all collectors; for G1 that is its pauses. */
    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** Since the run log holds the processed-event keys too, keeping it shows what a log that only grows costs. */
    private static void truncateRunLog(BenchDatabase db) throws SQLException {
        if (!Boolean.getBoolean("bench.events.keepLog")) {
            db.execute("truncate table run_log");
            if (!db.name().equals("postgres")) {
                // H2 files the run log by contact in a table of its own (V19); its ids continue past the truncation.
                db.execute("truncate table run_log_contacts");
            }
        }
    }

    private static void awaitQuiet(Settings settings) throws InterruptedException {
        if (!CpuMeter.awaitQuiet(settings.quietWaitSeconds())) {
            System.out.println("note: other processes kept the CPU busy; measuring anyway");
        }
    }

    private static String[] contacts(String prefix, int n) {
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = "contact-" + prefix + "-" + i;
        }
        return keys;
    }

    // ---- Printing --------------------------------------------------------------------------------------

    private static void printE2e(List<E2eCell> cells, Settings settings) {
        System.out.printf("Events per second, end to end: publish (synchronous) -> match %d automations -> 1 move -> "
                + "%d run-log decisions, one transaction;%nbeside single moves (JourneyService.move) on the same database. "
                + "%.0f s measured per side, in %d round(s) of ABBA halves (events, moves, moves, events)%n",
                E2E_AUTOMATIONS, E2E_AUTOMATIONS, settings.seconds(), settings.rounds());
        System.out.printf("%-9s %7s %10s %10s %7s %8s  %-19s %-19s %-15s %-15s %-13s %6s  %s%n", "", "", "", "", "", "",
                "event halves", "move halves", "caller CPU us", "PG CPU us", "GC pauses", "", "machine CPU, cores:");
        System.out.printf("%-9s %7s %10s %10s %7s %8s  %9s %9s %9s %9s %7s %7s %7s %7s %6s %6s %6s  %s%n", "database",
                "threads", "events/s", "moves/s", "ev/mv", ">=0.50", "1st", "2nd", "1st", "2nd", "event", "move", "event",
                "move", "event", "move", "failed", "JVM / postgres / other");
        for (E2eCell c : cells) {
            boolean pg = c.database().equals("postgres");
            double ratio = c.events() / c.moves();
            System.out.printf("%-9s %7d %,10.0f %,10.0f %7.2f %8s  %,9.0f %,9.0f %,9.0f %,9.0f %7s %7s %7s %7s %5.0f%% %5.0f%% %6d  %s%n",
                    c.database(), c.threads(), c.events(), c.moves(), ratio, verdict(c, ratio),
                    c.ev1().perSecond(), c.ev2().perSecond(), c.mv1().perSecond(), c.mv2().perSecond(),
                    micros(c.callerMicros(true)), micros(c.callerMicros(false)),
                    pg ? micros(c.postgresMicros(true)) : "-", pg ? micros(c.postgresMicros(false)) : "-",
                    100 * c.gcShare(true), 100 * c.gcShare(false), c.failures(), cpu(c.cpu()));
        }
        System.out.println("An event: placement update, history row, one run-log row packing a "
                + "decision per automation (1 MOVED, 9 NOT_MATCHED) that is also the processed-event key.");
        System.out.println("A move: placement update and history row. Caller CPU: the publishing/moving threads' own CPU "
                + "per event/move. GC pauses: share of the side's wall time.");
        System.out.println("Target: events/s >= 50% of moves/s. \"unsteady\": the halves of a side differ by more than "
                + Math.round(100 * UNSTEADY) + "% of their mean, so the ratio is neither; warm up longer (-Dbench.warmup=60).");
    }

    /**
     * Halves of one side further apart than this share of their mean: the JIT had not settled or something else
     * ran. With {@code -Dbench.warmup=10} the first event half ran at 56-90% of the second in four runs of one build.
     */
    private static final double UNSTEADY = 0.15;

    private static String verdict(E2eCell c, double ratio) {
        if (apart(c.ev1(), c.ev2()) || apart(c.mv1(), c.mv2())) {
            return "unsteady";
        }
        return ratio >= 0.5 ? "met" : "MISSED";
    }

    private static boolean apart(Harness.Run first, Harness.Run second) {
        double a = first.perSecond();
        double b = second.perSecond();
        return Math.abs(a - b) > UNSTEADY * (a + b) / 2;
    }

    private static void printScale(List<ScaleCell> cells, Settings settings) {
        int threads = cells.get(0).threads();
        System.out.printf("Cost of an event as automations grow on its trigger (%s), H2 in memory, %d publishing thread%s, "
                + "%.0f s each;%nall automations but one never match; each event writes one run-log row of their decisions. "
                + "Run log emptied every %.0f s (outside the measured time).%n",
                BenchTrigger.ORDER.key(), threads, threads == 1 ? "" : "s", settings.seconds(), settings.chunkSeconds());
        System.out.printf("%11s %10s %11s %11s %-19s  %-26s %6s %6s  %s%n", "", "", "", "", "per automation",
                "latency per event, ms", "GC", "", "machine CPU, cores:");
        System.out.printf("%11s %10s %11s %11s %9s %9s  %8s %8s %8s %6s %6s  %s%n", "automations", "events/s",
                "us/event", "CPU us/ev", "us", "CPU us", "p50", "p99", "max", "pauses", "failed", "JVM / postgres / other");
        for (ScaleCell c : cells) {
            System.out.printf("%,11d %,10.1f %,11.1f %,11.1f %9.2f %9.2f  %8.2f %8.2f %8.1f %5.0f%% %6d  %s%n",
                    c.onTrigger(), c.e2e().perSecond(), c.perEventMicros(), c.cpuPerEventMicros(),
                    c.perEventMicros() / c.onTrigger(), c.cpuPerEventMicros() / c.onTrigger(),
                    percentile(c.latencies(), 0.50), percentile(c.latencies(), 0.99), percentile(c.latencies(), 1.0),
                    100 * c.gcShare(), c.e2e().failures(), cpu(c.cpu()));
        }
        System.out.println("us/event = wall time / events; CPU = the publishing threads' own CPU; GC pauses = share of the "
                + "wall time.");
        System.out.println();
        System.out.println("Where an event's time goes, 1 thread, each part measured alone on the same database:");
        System.out.printf("%11s  %-21s %-21s %-21s %-21s%n", "", "end to end (above)", "matching only",
                "run-log row, raw", "rest");
        System.out.printf("%11s  %10s %10s %10s %10s %10s %10s %10s %10s%n", "automations", "us/event",
                "us/autom.", "us/event", "ns/autom.", "us/event", "ns/autom.", "us/event", "share");
        for (ScaleCell c : cells) {
            int n = c.onTrigger();
            double e2e = c.perEventMicros();
            double match = c.matching().microsPerStep();
            double log = c.log().microsPerStep();
            double rest = e2e - match - log;
            System.out.printf("%,11d  %,10.0f %10.2f %,10.0f %10.0f %,10.0f %10.0f %,10.0f %9.0f%%%n",
                    n, e2e, e2e / n, match, match * 1e3 / n, log, log * 1e3 / n, rest, 100 * rest / e2e);
        }
        System.out.println("matching only: EventCheck.check + every automation's conditions evaluated as AutomationEngine "
                + "does, NOT_MATCHED explanations built; no database.");
        System.out.println("run-log row, raw: plain JDBC writing one row into a copy of run_log (same columns and "
                + "indexes; on H2 no contact index, as V19 files it) whose decisions column is as long as the SDK "
                + "packs that many NOT_MATCHED decisions; one transaction per event, key read back.");
        System.out.println("rest = end to end - matching - run-log row: the move, packing the "
                + "decisions, the pool, commit, the trigger index, building the result.");
    }

    private static void printOther(List<OtherCell> cells, Settings settings) {
        int threads = settings.scaleThreads();
        System.out.printf("Automations on another trigger: events on %s with %d automations there, in two H2 in-memory "
                + "databases that differ only in the automations on %s;%n%d publishing thread%s, %.0f s each, ABBA halves "
                + "(none, many, many, none).%n", BenchTrigger.ORDER.key(), E2E_AUTOMATIONS, BenchTrigger.OTHER.key(),
                threads, threads == 1 ? "" : "s", settings.seconds());
        System.out.printf("%14s %10s %9s %9s %11s  %8s %8s %8s %6s %6s%n", "on " + BenchTrigger.OTHER.key(), "events/s",
                "1st", "2nd", "CPU us/ev", "p50 ms", "p99 ms", "max ms", "GC", "failed");
        for (OtherCell c : cells) {
            System.out.printf("%,14d %,10.1f %,9.1f %,9.1f %,11.1f  %8.2f %8.2f %8.1f %5.0f%% %6d%n", c.onOther(),
                    c.perSecond(), c.first().perSecond(), c.second().perSecond(), c.cpuPerEventMicros(),
                    percentile(c.latencies(), 0.50), percentile(c.latencies(), 0.99), percentile(c.latencies(), 1.0),
                    100 * c.gcShare(), c.first().failures() + c.second().failures());
        }
        System.out.println("The trigger's automations are read by tenant and trigger type (index automations_trigger); "
                + "the same figures with and without mean the others cost nothing.");
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
        return sorted[index] / 1e6;
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
}
