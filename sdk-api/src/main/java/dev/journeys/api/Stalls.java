package dev.journeys.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where contacts sit too long, stage by stage, measured as time in the stage, at {@code asOf}. */
public record Stalls(JourneyId journey, Instant asOf, List<StageStall> stages) {

    public Stalls {
        stages = List.copyOf(stages);
    }

    /**
     * @param threshold the query's threshold, else the stage's expected days; empty when neither is set,
     *        and then nobody counts as stalled
     * @param stalled contacts in the stage for longer than the threshold
     * @param medianTimeInStage over the contacts now in the stage
     */
    public record StageStall(StageId stage, long inStage, Optional<Duration> threshold, long stalled,
                             Optional<Duration> medianTimeInStage) {
    }
}
