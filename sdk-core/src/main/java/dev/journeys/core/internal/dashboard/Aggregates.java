package dev.journeys.core.internal.dashboard;

import dev.journeys.api.Bucket;
import dev.journeys.api.ConversionTime;
import dev.journeys.api.Funnel;
import dev.journeys.api.Journey;
import dev.journeys.api.Movements;
import dev.journeys.api.Populations;
import dev.journeys.api.SourceKind;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.Stalls;
import dev.journeys.api.TimeRange;
import dev.journeys.api.Transition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dashboard answers from the folded aggregates plus the history not folded yet. Populations are
 * counted backwards from now: the population at an instant is today's minus what entered and exited
 * since, so no query sums from the beginning of time.
 */
public final class Aggregates {

    private Aggregates() {
    }

    // ---- what to read

    public static DashboardRead forCountsAt(Instant at) {
        Instant hour = ceilHour(at);
        Instant afterAt = at.plus(1, ChronoUnit.MICROS);
        return new DashboardRead(Optional.of(hour), true, Optional.empty(),
                afterAt.isBefore(hour) ? List.of(TimeRange.of(afterAt, hour)) : List.of());
    }

    public static DashboardRead forPopulations(TimeRange range, Bucket bucket) {
        return new DashboardRead(Optional.of(Buckets.starts(range, bucket).get(0)), bucket == Bucket.HOUR,
                Optional.empty(), List.of());
    }

    public static DashboardRead forMovements(TimeRange range) {
        Instant first = ceilHour(range.from());
        Instant last = range.to().truncatedTo(ChronoUnit.HOURS);
        if (!first.isBefore(last)) {
            return new DashboardRead(Optional.empty(), false, Optional.empty(), List.of(range));
        }
        List<TimeRange> edges = new ArrayList<>();
        if (range.from().isBefore(first)) {
            edges.add(TimeRange.of(range.from(), first));
        }
        if (last.isBefore(range.to())) {
            edges.add(TimeRange.of(last, range.to()));
        }
        return new DashboardRead(Optional.empty(), false, Optional.of(TimeRange.of(first, last)), edges);
    }

    // ---- answers

    public static Map<StageId, Long> countsNow(Journey journey, DashboardSlice slice) {
        Map<StageId, Long> counts = new LinkedHashMap<>();
        journey.stages().forEach(s -> counts.put(s.id(), slice.populations().getOrDefault(s.id(), 0L)));
        for (Transition t : slice.unfolded()) {
            t.from().ifPresent(from -> counts.computeIfPresent(from, (k, n) -> n - 1));
            t.to().ifPresent(to -> counts.computeIfPresent(to, (k, n) -> n + 1));
        }
        return counts;
    }

    /** Read with {@link #forCountsAt}: today's counts, less every move effective after {@code at}. */
    public static Map<StageId, Long> countsAt(Journey journey, DashboardSlice slice, Instant at) {
        Map<StageId, Long> counts = countsNow(journey, slice);
        Instant hour = ceilHour(at);
        slice.flows().forEach((bucket, stages) -> stages.forEach((stage, f) ->
                counts.computeIfPresent(stage, (k, n) -> n - f[0] + f[1])));
        for (Transition t : slice.unfolded()) {
            if (!t.effectiveAt().isBefore(hour)) {
                undo(counts, t);
            }
        }
        slice.exact().forEach(t -> undo(counts, t));
        return counts;
    }

    /** Read with {@link #forPopulations}. */
    public static Populations populations(Journey journey, DashboardSlice slice, TimeRange range, Bucket bucket) {
        List<Instant> starts = Buckets.starts(range, bucket);
        Instant end = bucket.next(starts.get(starts.size() - 1));
        // flows[i] for bucket i; flows[n] for everything after the range, up to now
        List<Map<StageId, long[]>> flows = new ArrayList<>();
        for (int i = 0; i <= starts.size(); i++) {
            flows.add(new LinkedHashMap<>());
        }
        slice.flows().forEach((at, stages) -> stages.forEach((stage, f) -> {
            long[] into = flows.get(slot(starts, end, at)).computeIfAbsent(stage, k -> new long[2]);
            into[0] += f[0];
            into[1] += f[1];
        }));
        for (Transition t : slice.unfolded()) {
            if (!t.effectiveAt().isBefore(starts.get(0))) {
                Map<StageId, long[]> into = flows.get(slot(starts, end, t.effectiveAt()));
                t.to().ifPresent(to -> into.computeIfAbsent(to, k -> new long[2])[0]++);
                t.from().ifPresent(from -> into.computeIfAbsent(from, k -> new long[2])[1]++);
            }
        }
        Map<StageId, Long> population = countsNow(journey, slice);
        subtract(population, flows.get(starts.size()));
        Populations.Point[] points = new Populations.Point[starts.size()];
        for (int i = starts.size() - 1; i >= 0; i--) {
            Map<StageId, Populations.StagePopulation> stages = new LinkedHashMap<>();
            for (Stage s : journey.stages()) {
                long[] f = flows.get(i).getOrDefault(s.id(), new long[2]);
                stages.put(s.id(), new Populations.StagePopulation(population.get(s.id()), f[0], f[1]));
            }
            points[i] = new Populations.Point(starts.get(i), bucket.next(starts.get(i)), stages);
            subtract(population, flows.get(i));
        }
        return new Populations(journey.id(), bucket, range, List.of(points));
    }

    /** Read with {@link #forMovements}. */
    public static Movements movements(Journey journey, DashboardSlice slice, TimeRange range) {
        Map<List<String>, long[]> bySource = new LinkedHashMap<>();
        slice.moves().forEach((k, n) -> count(journey, bySource, k.kind(), k.ref(), k.from(), k.to(), n));
        Optional<TimeRange> whole = forMovements(range).moveHours();
        for (Transition t : slice.unfolded()) {
            if (whole.isPresent() && whole.get().contains(t.effectiveAt())) {
                count(journey, bySource, t, 1);
            }
        }
        slice.exact().forEach(t -> count(journey, bySource, t, 1));
        List<Movements.BySource> sources = new ArrayList<>();
        bySource.forEach((k, c) -> sources.add(new Movements.BySource(SourceKind.valueOf(k.get(0)), k.get(1), c[0], c[1], c[2], c[3])));
        sources.sort(java.util.Comparator.comparingLong(Movements.BySource::total).reversed()
                .thenComparing((Movements.BySource b) -> b.kind().name()).thenComparing(Movements.BySource::ref));
        return new Movements(journey.id(), range, sources);
    }

    private static void count(Journey journey, Map<List<String>, long[]> bySource, Transition t, long n) {
        List<String> source = FlowDelta.sourceOf(t.source());
        count(journey, bySource, source.get(0), source.get(1), t.from().map(StageId::value).orElse(0L),
                t.to().map(StageId::value).orElse(0L), n);
    }

    private static void count(Journey journey, Map<List<String>, long[]> bySource, String kind, String ref, long from,
                              long to, long n) {
        long[] c = bySource.computeIfAbsent(List.of(kind, ref), k -> new long[4]);
        if (from == 0) {
            c[0] += n;
        } else if (to == 0) {
            c[3] += n;
        } else if (position(journey, to) > position(journey, from)) {
            c[1] += n;
        } else {
            c[2] += n;
        }
    }

    private static int position(Journey journey, long stage) {
        return journey.stage(new StageId(stage)).map(Stage::position).orElse(-1);
    }

    private static int slot(List<Instant> starts, Instant end, Instant at) {
        if (!at.isBefore(end)) {
            return starts.size();
        }
        int i = java.util.Collections.binarySearch(starts, at);
        return i >= 0 ? i : -i - 2;
    }

    private static void subtract(Map<StageId, Long> population, Map<StageId, long[]> flow) {
        flow.forEach((stage, f) -> population.computeIfPresent(stage, (k, n) -> n - f[0] + f[1]));
    }

    private static void undo(Map<StageId, Long> counts, Transition t) {
        t.to().ifPresent(to -> counts.computeIfPresent(to, (k, n) -> n - 1));
        t.from().ifPresent(from -> counts.computeIfPresent(from, (k, n) -> n + 1));
    }

    private static Instant ceilHour(Instant at) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(at) ? at : hour.plus(1, ChronoUnit.HOURS);
    }

    // ---- per-contact sums

    /** Read with {@link DashboardRead.forPaths()}. A cohort counts contacts by the UTC day of their first entry. */
    public static Funnel funnel(Journey journey, DashboardSlice slice, Funnel.Order order, Optional<TimeRange> cohort) {
        Map<String, Long> byPath = new java.util.HashMap<>();
        java.util.function.BiConsumer<ContactFold.PathKey, Long> add = (k, n) -> {
            if (cohort.isEmpty() || inCohort(cohort.get(), k.cohortDay())) {
                byPath.merge(k.path(), n, Long::sum);
            }
        };
        slice.paths().forEach(add);
        slice.tail().paths().forEach(add);
        int n = journey.stages().size();
        long[] reached = new long[n];
        long contacts = 0;
        for (Map.Entry<String, Long> e : byPath.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            contacts += e.getValue();
            java.util.Set<Long> stages = new java.util.HashSet<>();
            if (!e.getKey().isEmpty()) {
                for (String id : e.getKey().split(",")) {
                    stages.add(Long.parseLong(id));
                }
            }
            for (int i = 0; i < n; i++) {
                if (stages.contains(journey.stages().get(i).id().value())) {
                    reached[i] += e.getValue();
                } else if (order == Funnel.Order.ORDERED) {
                    break;
                }
            }
        }
        return HistoryReplay.funnelOf(journey, order, cohort, contacts, reached);
    }

    /** Read with {@link DashboardRead#forConversions}. Median and p90 are within 2.5%; the mean is exact to the second. */
    public static ConversionTime timeToConvert(Journey journey, DashboardSlice slice, StageId from, StageId to,
                                               Optional<TimeRange> cohort) {
        java.util.TreeMap<Integer, Long> histogram = new java.util.TreeMap<>();
        long[] totals = new long[2];
        java.util.function.BiConsumer<ContactFold.ConversionKey, long[]> add = (k, c) -> {
            if (k.from() == from.value() && k.to() == to.value()
                    && (cohort.isEmpty() || inCohort(cohort.get(), k.cohortDay()))) {
                histogram.merge(k.bucket(), c[0], Long::sum);
                totals[0] += c[0];
                totals[1] += c[1];
            }
        };
        slice.conversions().forEach(add);
        slice.tail().conversions().forEach(add);
        if (totals[0] == 0) {
            return new ConversionTime(journey.id(), from, to, cohort, 0, Optional.empty(), Optional.empty(), Optional.empty());
        }
        return new ConversionTime(journey.id(), from, to, cohort, totals[0],
                Optional.of(percentile(histogram, totals[0], 0.5)), Optional.of(percentile(histogram, totals[0], 0.9)),
                Optional.of(Duration.ofSeconds(totals[1] / totals[0])));
    }

    private static Duration percentile(java.util.TreeMap<Integer, Long> histogram, long total, double p) {
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return Duration.ofSeconds(ContactFold.middle(e.getKey()));
            }
        }
        return Duration.ofSeconds(ContactFold.middle(histogram.lastKey()));
    }

    /**
     * Read with {@link DashboardRead.forOccupancy()}. Time in stage is counted to the hour: a contact is stalled
     * when it entered the stage before the start of the hour holding {@code now - threshold}; the median is
     * taken at the middle of the hour of entry.
     */
    public static Stalls stalls(Journey journey, DashboardSlice slice, Instant now, Optional<Duration> given) {
        Map<Long, java.util.TreeMap<Instant, Long>> byStage = new java.util.HashMap<>();
        java.util.function.BiConsumer<ContactFold.OccupancyKey, Long> add = (k, n) ->
                byStage.computeIfAbsent(k.stage(), s -> new java.util.TreeMap<>()).merge(k.enteredHour(), n, Long::sum);
        slice.occupancy().forEach(add);
        slice.tail().occupancy().forEach(add);
        List<Stalls.StageStall> stages = new ArrayList<>();
        for (Stage stage : journey.stages()) {
            java.util.TreeMap<Instant, Long> hours = byStage.getOrDefault(stage.id().value(), new java.util.TreeMap<>());
            long in = hours.values().stream().mapToLong(Long::longValue).sum();
            Optional<Duration> threshold = Stalling.threshold(stage, given);
            long stalled = threshold.map(t -> hours.headMap(now.minus(t).truncatedTo(ChronoUnit.HOURS), false).values()
                    .stream().mapToLong(Long::longValue).sum()).orElse(0L);
            Optional<Duration> median = Optional.empty();
            if (in > 0) {
                long rank = (in + 1) / 2;
                long seen = 0;
                // oldest entries are the longest stays; the median stay is the middle entry
                for (Map.Entry<Instant, Long> e : hours.descendingMap().entrySet()) {
                    seen += e.getValue();
                    if (seen >= rank) {
                        median = Optional.of(Duration.between(e.getKey().plus(30, ChronoUnit.MINUTES), now));
                        break;
                    }
                }
            }
            stages.add(new Stalls.StageStall(stage.id(), in, threshold, stalled, median));
        }
        return new Stalls(journey.id(), now, stages);
    }

    /** Whether a contact whose first entry was on {@code cohortDay} (UTC) belongs to the cohort. */
    public static boolean inCohort(TimeRange cohort, Instant cohortDay) {
        return cohort.contains(cohortDay);
    }
}
