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
import dev.journeys.api.TimeRange;
import dev.journeys.api.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dashboard answers computed by replaying a journey's history, which must come in effective-time order
 * (ties by placement version). Stages are taken in the journey's current order; removed stages count for
 * nobody.
 */
public final class HistoryReplay {

    private HistoryReplay() {
    }

    /** Contacts per current stage after every move effective at or before the history's end. */
    public static Map<StageId, Long> counts(Journey journey, Iterable<Transition> history) {
        Map<StageId, Long> counts = zeros(journey);
        for (Transition t : history) {
            t.from().ifPresent(from -> counts.computeIfPresent(from, (k, n) -> n - 1));
            t.to().ifPresent(to -> counts.computeIfPresent(to, (k, n) -> n + 1));
        }
        return counts;
    }

    public static Populations populations(Journey journey, Iterable<Transition> history, TimeRange range, Bucket bucket) {
        List<Instant> starts = Buckets.starts(range, bucket);
        Map<StageId, Long> counts = zeros(journey);
        List<Map<StageId, long[]>> flows = new ArrayList<>();
        starts.forEach(s -> flows.add(new HashMap<>()));
        List<Populations.Point> points = new ArrayList<>(starts.size());
        int at = 0;
        for (Transition t : history) {
            while (at < starts.size() && !t.effectiveAt().isBefore(bucket.next(starts.get(at)))) {
                points.add(point(journey, starts.get(at), bucket, counts, flows.get(at)));
                at++;
            }
            boolean inside = at < starts.size() && !t.effectiveAt().isBefore(starts.get(at));
            if (t.from().isPresent() && counts.computeIfPresent(t.from().get(), (k, n) -> n - 1) != null && inside) {
                flows.get(at).computeIfAbsent(t.from().get(), k -> new long[2])[1]++;
            }
            if (t.to().isPresent() && counts.computeIfPresent(t.to().get(), (k, n) -> n + 1) != null && inside) {
                flows.get(at).computeIfAbsent(t.to().get(), k -> new long[2])[0]++;
            }
        }
        for (; at < starts.size(); at++) {
            points.add(point(journey, starts.get(at), bucket, counts, flows.get(at)));
        }
        return new Populations(journey.id(), bucket, range, points);
    }

    private static Populations.Point point(Journey journey, Instant start, Bucket bucket, Map<StageId, Long> counts,
                                           Map<StageId, long[]> flow) {
        Map<StageId, Populations.StagePopulation> stages = new LinkedHashMap<>();
        for (Stage s : journey.stages()) {
            long[] f = flow.getOrDefault(s.id(), new long[2]);
            stages.put(s.id(), new Populations.StagePopulation(counts.get(s.id()), f[0], f[1]));
        }
        return new Populations.Point(start, bucket.next(start), stages);
    }

    public static Funnel funnel(Journey journey, Iterable<Transition> history, Funnel.Order order,
                                Optional<TimeRange> cohort) {
        Map<String, Contact> contacts = contacts(journey, history);
        int n = journey.stages().size();
        long[] reached = new long[n];
        long counted = 0;
        for (Contact c : contacts.values()) {
            if (cohort.isPresent() && !Aggregates.inCohort(cohort.get(), c.firstEntry.truncatedTo(java.time.temporal.ChronoUnit.DAYS))) {
                continue;
            }
            counted++;
            for (int i = 0; i < n; i++) {
                if (c.reached.get(i)) {
                    reached[i]++;
                } else if (order == Funnel.Order.ORDERED) {
                    break;
                }
            }
        }
        return funnelOf(journey, order, cohort, counted, reached);
    }

    /** The funnel of contacts reaching each stage, {@code reached} in the journey's stage order. */
    static Funnel funnelOf(Journey journey, Funnel.Order order, Optional<TimeRange> cohort, long contacts, long[] reached) {
        int n = journey.stages().size();
        List<Funnel.Step> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double step = i == 0 ? (reached[0] > 0 ? 1 : 0) : ratio(reached[i], reached[i - 1]);
            steps.add(new Funnel.Step(journey.stages().get(i).id(), reached[i], step, ratio(reached[i], reached[0])));
        }
        return new Funnel(journey.id(), order, cohort, contacts, steps);
    }

    public static ConversionTime timeToConvert(Journey journey, Iterable<Transition> history, StageId from, StageId to,
                                               Optional<TimeRange> cohort) {
        int fromAt = position(journey, from);
        int toAt = position(journey, to);
        List<Duration> took = new ArrayList<>();
        for (Contact c : contacts(journey, history).values()) {
            if (cohort.isPresent() && !Aggregates.inCohort(cohort.get(), c.firstEntry.truncatedTo(java.time.temporal.ChronoUnit.DAYS))) {
                continue;
            }
            Instant start = c.firstReached.get(fromAt);
            Instant end = c.firstReached.get(toAt);
            if (start != null && end != null && !end.isBefore(start)) {
                took.add(Duration.between(start, end));
            }
        }
        Statistics stats = Statistics.of(took);
        return new ConversionTime(journey.id(), from, to, cohort, took.size(), stats.median(), stats.p90(), stats.mean());
    }

    public static Movements movements(Journey journey, Iterable<Transition> history, TimeRange range) {
        Map<List<String>, long[]> bySource = new LinkedHashMap<>();
        for (Transition t : history) {
            if (!range.contains(t.effectiveAt())) {
                continue;
            }
            long[] counts = bySource.computeIfAbsent(FlowDelta.sourceOf(t.source()), k -> new long[4]);
            if (t.from().isEmpty()) {
                counts[0]++;
            } else if (t.to().isEmpty()) {
                counts[3]++;
            } else if (positionOrMinus(journey, t.to().get()) > positionOrMinus(journey, t.from().get())) {
                counts[1]++;
            } else {
                counts[2]++;
            }
        }
        List<Movements.BySource> sources = new ArrayList<>();
        bySource.forEach((k, c) -> sources.add(new Movements.BySource(SourceKind.valueOf(k.get(0)), k.get(1), c[0], c[1], c[2], c[3])));
        sources.sort(java.util.Comparator.comparingLong(Movements.BySource::total).reversed()
                .thenComparing((Movements.BySource b) -> b.kind().name()).thenComparing(Movements.BySource::ref));
        return new Movements(journey.id(), range, sources);
    }

    /** What the funnel and conversion times need of one contact. */
    private static final class Contact {
        Instant firstEntry;
        final BitSet reached = new BitSet();
        final Map<Integer, Instant> firstReached = new HashMap<>();
    }

    private static Map<String, Contact> contacts(Journey journey, Iterable<Transition> history) {
        Map<String, Contact> contacts = new HashMap<>();
        for (Transition t : history) {
            Contact c = contacts.computeIfAbsent(t.contactKey(), k -> new Contact());
            if (c.firstEntry == null) {
                c.firstEntry = t.effectiveAt();
            }
            if (t.to().isPresent()) {
                int at = positionOrMinus(journey, t.to().get());
                if (at >= 0) {
                    c.reached.set(at);
                    c.firstReached.putIfAbsent(at, t.effectiveAt());
                }
            }
        }
        return contacts;
    }

    private static Map<StageId, Long> zeros(Journey journey) {
        Map<StageId, Long> counts = new LinkedHashMap<>();
        journey.stages().forEach(s -> counts.put(s.id(), 0L));
        return counts;
    }

    private static int position(Journey journey, StageId stage) {
        return journey.stage(stage).map(Stage::position)
                .orElseThrow(() -> dev.journeys.api.NotFoundException.stage(stage));
    }

    private static int positionOrMinus(Journey journey, StageId stage) {
        return journey.stage(stage).map(Stage::position).orElse(-1);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
