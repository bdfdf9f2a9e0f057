package dev.journeys.benchmarks;

import dev.journeys.api.Bucket;
import dev.journeys.api.ConversionTime;
import dev.journeys.api.DashboardService;
import dev.journeys.api.Funnel;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.Movements;
import dev.journeys.api.Page;
import dev.journeys.api.PageRequest;
import dev.journeys.api.Populations;
import dev.journeys.api.StageCounts;
import dev.journeys.api.StageId;
import dev.journeys.api.StalledContact;
import dev.journeys.api.Stalls;
import dev.journeys.api.TimeRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dashboard's queries through the public API ({@code JourneyService.dashboard()}), each warmed up and then
 * timed call by call, beside the GROUP BY over placements that stage counts used to be, in plain JDBC. A query's
 * target is judged on its median.
 */
final class DashboardQueries {

    /** One query's timings, sorted, in milliseconds; {@code targetMs} 0 = none. */
    record Timing(String label, double[] millis, double targetMs, String answer) {
        double median() {
            return percentile(0.5);
        }

        double p90() {
            return percentile(0.9);
        }

        double percentile(double p) {
            return millis[Math.min(millis.length - 1, (int) Math.ceil(p * millis.length) - 1)];
        }

        String verdict() {
            return targetMs <= 0 ? "" : median() < targetMs ? "met" : "MISSED";
        }
    }

    private final DashboardService dashboard;
    private final Journey journey;
    private final int warmup;
    private final int repeats;
    private final double maxSeconds;
    private final List<Timing> timings = new ArrayList<>();

    DashboardQueries(JourneyService service, Journey journey, int warmup, int repeats, double maxSeconds) {
        this.dashboard = service.dashboard();
        this.journey = journey;
        this.warmup = warmup;
        this.repeats = repeats;
        this.maxSeconds = maxSeconds;
    }

    /**
     * @param groupByRepeats timed runs of the GROUP BY, which is slow at a million placements
     * @return the timings, the stage counts' first
     */
    List<Timing> run(BenchDatabase db, String tenant, int groupByRepeats) throws Exception {
        Instant now = Instant.now();
        List<StageId> stages = journey.stages().stream().map(s -> s.id()).toList();
        StageId lead = stages.get(0);
        StageId demo = stages.get(1);
        StageId customer = stages.get(3);
        StageCounts counts = time("stageCounts (now)", 2, () -> dashboard.stageCounts(journey.id()),
                c -> "total " + c.total() + " " + byName(c.counts()));
        // JourneyService.stageCounts's query, plus a condition true of every row whose parameter changes from call to
        // call: H2 answers a repeated query from its result cache while no table has changed, which would time nothing.
        try (Connection c = db.connect(); PreparedStatement groupBy = c.prepareStatement("""
                select stage_id, count(*) as n from placements
                 where journey_id = ? and tenant_id = ? and stage_id is not null and contact_key <> ?
                 group by stage_id""")) {
            groupBy.setLong(1, journey.id().value());
            groupBy.setString(2, tenant);
            int[] call = {0};
            timeWith("GROUP BY over placements, plain JDBC", 0, Math.min(warmup, 3), groupByRepeats, () -> {
                groupBy.setString(3, "~" + call[0]++);
                return groupBy(groupBy);
            }, g -> "total " + g.values().stream().mapToLong(Long::longValue).sum()
                    + (sameCounts(g, counts.counts()) ? ", same as stageCounts" : ", DIFFERS from stageCounts " + g));
        }
        Instant halfYear = now.minus(182, ChronoUnit.DAYS);
        time("stageCountsAt (182 days ago)", 0, () -> dashboard.stageCountsAt(journey.id(), halfYear),
                c -> "total " + c.total() + " " + byName(c.counts()));
        TimeRange year = TimeRange.of(now.minus(365, ChronoUnit.DAYS), now);
        time("populations, 365 days by DAY", 50, () -> dashboard.populations(journey.id(), year, Bucket.DAY),
                this::describe);
        time("funnel ORDERED", 100, () -> dashboard.funnel(journey.id(), Funnel.Order.ORDERED, Optional.empty()),
                this::describe);
        time("funnel ANY_ORDER", 100, () -> dashboard.funnel(journey.id(), Funnel.Order.ANY_ORDER, Optional.empty()),
                this::describe);
        TimeRange cohort = TimeRange.of(now.minus(240, ChronoUnit.DAYS), now.minus(210, ChronoUnit.DAYS));
        time("funnel ORDERED, a 30-day cohort", 100,
                () -> dashboard.funnel(journey.id(), Funnel.Order.ORDERED, Optional.of(cohort)), this::describe);
        time("timeToConvert Lead -> Customer", 100,
                () -> dashboard.timeToConvert(journey.id(), lead, customer, Optional.empty()), this::describe);
        time("timeToConvert Lead -> Demo", 100,
                () -> dashboard.timeToConvert(journey.id(), lead, demo, Optional.empty()), this::describe);
        time("stalls (expected days)", 100, () -> dashboard.stalls(journey.id(), Optional.empty()), this::describe);
        time("stalledContacts Lead, first page of 50", 100,
                () -> dashboard.stalledContacts(journey.id(), lead, Optional.empty(), PageRequest.first(50)),
                this::describe);
        TimeRange month = TimeRange.of(now.minus(30, ChronoUnit.DAYS), now);
        time("movements, last 30 days", 0, () -> dashboard.movements(journey.id(), month), this::describe);
        TimeRange week = TimeRange.of(now.minus(7, ChronoUnit.DAYS), now);
        time("movements, last 7 days", 0, () -> dashboard.movements(journey.id(), week), this::describe);
        return timings;
    }

    private <T> T time(String label, double targetMs, Callable<T> query, Function<T, String> describe) throws Exception {
        return timeWith(label, targetMs, warmup, repeats, query, describe);
    }

    /**
     * Warm-up calls for at most a quarter of {@code maxSeconds}, then timed calls until {@code runs} or, after at least
     * three, {@code maxSeconds}: a query that takes seconds (the H2 dashboard at millions of moves) bounds the run.
     */
    private <T> T timeWith(String label, double targetMs, int warm, int runs, Callable<T> query,
                           Function<T, String> describe) throws Exception {
        T answer = null;
        long begin = System.nanoTime();
        for (int i = 0; i < warm && System.nanoTime() - begin < maxSeconds * 0.25e9; i++) {
            answer = query.call();
        }
        double[] millis = new double[Math.max(1, runs)];
        int n = 0;
        begin = System.nanoTime();
        while (n < millis.length && (n < 3 || System.nanoTime() - begin < maxSeconds * 1e9)) {
            long start = System.nanoTime();
            answer = query.call();
            millis[n++] = (System.nanoTime() - start) / 1e6;
        }
        millis = Arrays.copyOf(millis, n);
        Arrays.sort(millis);
        Timing t = new Timing(label, millis, targetMs, describe.apply(answer));
        timings.add(t);
        System.out.printf("  %-44s median %9.2f ms  p90 %9.2f ms  (%d calls)  %s%n", label, t.median(), t.p90(), n,
                t.verdict());
        return answer;
    }

    private static Map<Long, Long> groupBy(PreparedStatement ps) throws SQLException {
        Map<Long, Long> counts = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static boolean sameCounts(Map<Long, Long> grouped, Map<StageId, Long> counts) {
        return counts.entrySet().stream().allMatch(e -> grouped.getOrDefault(e.getKey().value(), 0L).equals(e.getValue()))
                && grouped.keySet().stream().allMatch(id -> counts.containsKey(new StageId(id)));
    }

    private String name(StageId stage) {
        return journey.stage(stage).map(s -> s.name()).orElse(stage.toString());
    }

    private String byName(Map<StageId, Long> counts) {
        return journey.stages().stream().map(s -> s.name() + " " + counts.getOrDefault(s.id(), 0L))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private String describe(Populations p) {
        Populations.Point last = p.points().get(p.points().size() - 1);
        long entered = p.points().stream().flatMap(pt -> pt.stages().values().stream()).mapToLong(s -> s.entered()).sum();
        return p.points().size() + " points, last " + last.stages().values().stream().mapToLong(s -> s.atEnd()).sum()
                + " in stages, " + entered + " entries in the range";
    }

    private String describe(Funnel f) {
        return f.contacts() + " contacts, reached " + f.steps().stream()
                .map(s -> name(s.stage()) + " " + s.reached()).collect(Collectors.joining(", "));
    }

    private String describe(ConversionTime t) {
        return t.contacts() + " converted, median " + t.median().map(DashboardQueries::days).orElse("-") + ", p90 "
                + t.p90().map(DashboardQueries::days).orElse("-");
    }

    private String describe(Stalls s) {
        return s.stages().stream().filter(st -> st.threshold().isPresent())
                .map(st -> name(st.stage()) + " " + st.stalled() + "/" + st.inStage() + " stalled")
                .collect(Collectors.joining(", "));
    }

    private String describe(Page<StalledContact> page) {
        return page.items().size() + " contacts" + (page.items().isEmpty() ? ""
                : ", longest " + days(page.items().get(0).timeInStage()));
    }

    private String describe(Movements m) {
        long total = m.sources().stream().mapToLong(Movements.BySource::total).sum();
        return m.sources().size() + " sources, " + total + " moves";
    }

    private static String days(Duration d) {
        return String.format("%.1f d", d.toSeconds() / 86_400.0);
    }
}
