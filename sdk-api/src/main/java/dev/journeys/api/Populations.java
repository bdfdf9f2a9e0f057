package dev.journeys.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Stage populations bucket by bucket over a time range, by the moves' effective times. */
public record Populations(JourneyId journey, Bucket bucket, TimeRange range, List<Point> points) {

    public Populations {
        points = List.copyOf(points);
    }

    /**
     * One bucket.
     *
     * @param stages for every current stage: the contacts in it at the bucket's end, and those that
     *        entered and exited it during the bucket
     */
    public record Point(Instant start, Instant end, Map<StageId, StagePopulation> stages) {
        public Point {
            stages = Map.copyOf(stages);
        }
    }

    public record StagePopulation(long atEnd, long entered, long exited) {
    }
}
