package dev.journeys.core.internal.dashboard;

import dev.journeys.api.Transition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a run of history adds to the dashboard's per-contact aggregates: funnel paths, conversion times and
 * stage occupancy by entry hour. Each contact's state (its cohort, and when it first reached each stage)
 * is a minimum over its transitions, so the result does not depend on the order transitions are folded in.
 */
public final class ContactFold {

    /** Conversion durations are kept in buckets 5% wide: median and p90 come back within 2.5%. */
    public static final double BUCKET_GROWTH = 1.05;

    public record ContactKey(long journey, String contact) {
    }

    /** A contact's cohort (first entry) and first entry into each stage, by stage id. */
    public record State(Instant cohort, TreeMap<Long, Instant> firstReach) {

        public String encode() {
            return firstReach.entrySet().stream().map(e -> e.getKey() + ":" + micros(e.getValue()))
                    .collect(Collectors.joining(","));
        }

        public static State decode(Instant cohort, String reached) {
            TreeMap<Long, Instant> first = new TreeMap<>();
            if (!reached.isEmpty()) {
                for (String part : reached.split(",")) {
                    int colon = part.indexOf(':');
                    first.put(Long.parseLong(part.substring(0, colon)), fromMicros(Long.parseLong(part.substring(colon + 1))));
                }
            }
            return new State(cohort, first);
        }

        /** The stages reached, as sorted stage ids: the key of a funnel path. */
        public String path() {
            return firstReach.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        }
    }

    public record PathKey(long journey, Instant cohortDay, String path) {
    }

    public record ConversionKey(long journey, Instant cohortDay, long from, long to, int bucket) {
    }

    public record OccupancyKey(long journey, long stage, Instant enteredHour) {
    }

    private final Map<ContactKey, State> before;
    private final Map<ContactKey, State> after = new HashMap<>();
    private final Map<PathKey, Long> paths = new HashMap<>();
    private final Map<ConversionKey, long[]> conversions = new HashMap<>();
    private final Map<OccupancyKey, Long> occupancy = new HashMap<>();

    /** @param known the folded states of the contacts this run touches; others are new */
    public ContactFold(Map<ContactKey, State> known) {
        this.before = known;
    }

    /**
     * @param previousEntry when the transition leaves a stage: when the contact entered it, which is the
     *        effective time of its previous transition
     */
    public void add(Transition t, Optional<Instant> previousEntry) {
        ContactKey key = new ContactKey(t.journeyId().value(), t.contactKey());
        State current = after.computeIfAbsent(key, k -> copy(before.get(k)));
        Instant cohort = current.cohort() == null || t.effectiveAt().isBefore(current.cohort()) ? t.effectiveAt() : current.cohort();
        TreeMap<Long, Instant> first = current.firstReach();
        t.to().ifPresent(to -> first.merge(to.value(), t.effectiveAt(), (a, b) -> a.isBefore(b) ? a : b));
        after.put(key, new State(cohort, first));
        t.to().ifPresent(to -> occupancy.merge(new OccupancyKey(key.journey(), to.value(), hour(t.effectiveAt())), 1L, Long::sum));
        if (t.from().isPresent() && previousEntry.isPresent()) {
            occupancy.merge(new OccupancyKey(key.journey(), t.from().get().value(), hour(previousEntry.get())), -1L, Long::sum);
        }
    }

    private static State copy(State state) {
        return state == null ? new State(null, new TreeMap<>()) : new State(state.cohort(), new TreeMap<>(state.firstReach()));
    }

    /** Turns the changed states into path and conversion deltas; call once, after the last {@link #add}. */
    public ContactFold finish() {
        after.forEach((key, now) -> {
            State was = before.get(key);
            if (was != null && was.cohort().equals(now.cohort()) && was.firstReach().equals(now.firstReach())) {
                return;
            }
            if (was != null) {
                contribute(key.journey(), was, -1);
            }
            contribute(key.journey(), now, 1);
        });
        return this;
    }

    private void contribute(long journey, State state, long sign) {
        Instant day = state.cohort().truncatedTo(ChronoUnit.DAYS);
        paths.merge(new PathKey(journey, day, state.path()), sign, Long::sum);
        state.firstReach().forEach((from, fromAt) -> state.firstReach().forEach((to, toAt) -> {
            if (!from.equals(to) && !toAt.isBefore(fromAt)) {
                long seconds = Duration.between(fromAt, toAt).getSeconds();
                long[] c = conversions.computeIfAbsent(new ConversionKey(journey, day, from, to, bucket(seconds)),
                        k -> new long[2]);
                c[0] += sign;
                c[1] += sign * seconds;
            }
        }));
    }

    /** The bucket of a duration: 0 for under a second, then buckets {@link #BUCKET_GROWTH} times wider each. */
    public static int bucket(long seconds) {
        return seconds <= 0 ? 0 : 1 + (int) Math.floor(Math.log(seconds) / Math.log(BUCKET_GROWTH));
    }

    /** The middle of a bucket, in seconds: what a percentile that falls in it is reported as. */
    public static long middle(int bucket) {
        if (bucket == 0) {
            return 0;
        }
        double low = Math.pow(BUCKET_GROWTH, bucket - 1);
        return Math.round(Math.sqrt(low * low * BUCKET_GROWTH));
    }

    /** States of the contacts whose state changed, to be written back. */
    public Map<ContactKey, State> changed() {
        Map<ContactKey, State> changed = new HashMap<>();
        after.forEach((k, v) -> {
            State was = before.get(k);
            if (was == null || !was.cohort().equals(v.cohort()) || !was.firstReach().equals(v.firstReach())) {
                changed.put(k, v);
            }
        });
        return changed;
    }

    /** Every touched contact's state after the run, changed or not; not to be modified. */
    public Map<ContactKey, State> states() {
        return java.util.Collections.unmodifiableMap(after);
    }

    public Map<ContactKey, State> known() {
        return before;
    }

    public Map<PathKey, Long> paths() {
        return paths;
    }

    /** Contacts ([0]) and their total seconds ([1]) per key. */
    public Map<ConversionKey, long[]> conversions() {
        return conversions;
    }

    public Map<OccupancyKey, Long> occupancy() {
        return occupancy;
    }

    private static Instant hour(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    private static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000);
    }
}
