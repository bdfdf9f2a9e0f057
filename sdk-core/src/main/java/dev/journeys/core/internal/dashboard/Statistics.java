package dev.journeys.core.internal.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Median, 90th percentile (nearest rank) and mean of some durations; empty when there are none. */
public record Statistics(Optional<Duration> median, Optional<Duration> p90, Optional<Duration> mean) {

    public static Statistics of(List<Duration> values) {
        if (values.isEmpty()) {
            return new Statistics(Optional.empty(), Optional.empty(), Optional.empty());
        }
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(null);
        Duration total = Duration.ZERO;
        for (Duration d : sorted) {
            total = total.plus(d);
        }
        return new Statistics(Optional.of(rank(sorted, 0.5)), Optional.of(rank(sorted, 0.9)),
                Optional.of(total.dividedBy(sorted.size())));
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} of the values at or below it. */
    static Duration rank(List<Duration> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
