package dev.journeys.api;

import java.time.Instant;
import java.util.Map;

/** How many contacts were in each current stage of a journey at {@code asOf}; every stage is listed, zeros too. */
public record StageCounts(JourneyId journey, Instant asOf, Map<StageId, Long> counts) {

    public StageCounts {
        counts = Map.copyOf(counts);
    }

    public long of(StageId stage) {
        return counts.getOrDefault(stage, 0L);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
