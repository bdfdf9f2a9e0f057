package dev.journeys.core.internal.dashboard;

import dev.journeys.api.Bucket;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The buckets that cover a time range. */
public final class Buckets {

    /** More buckets than this is a mistake in the query (an hourly series over years), not a chart. */
    public static final int MAX_BUCKETS = 10_000;

    private Buckets() {
    }

    /** Starts of the buckets from the one holding the range's start to the last one starting before its end. */
    public static List<Instant> starts(TimeRange range, Bucket bucket) {
        List<Instant> starts = new ArrayList<>();
        for (Instant s = bucket.start(range.from()); s.isBefore(range.to()); s = bucket.next(s)) {
            if (starts.size() == MAX_BUCKETS) {
                throw new InvalidInputException("a range of more than " + MAX_BUCKETS + " " + bucket.name().toLowerCase()
                        + " buckets; choose a longer bucket");
            }
            starts.add(s);
        }
        return starts;
    }
}
