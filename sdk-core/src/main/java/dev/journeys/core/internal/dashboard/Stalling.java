package dev.journeys.core.internal.dashboard;

import dev.journeys.api.Journey;
import dev.journeys.api.Placement;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.Stalls;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Time in the current stage, measured from entering it; other activity never resets the clock. */
public final class Stalling {

    private Stalling() {
    }

    /** The query's threshold, else the stage's expected days, else none. */
    public static Optional<Duration> threshold(Stage stage, Optional<Duration> given) {
        if (given.isPresent()) {
            return given;
        }
        return stage.expectedDays().isPresent()
                ? Optional.of(Duration.ofDays(stage.expectedDays().getAsInt()))
                : Optional.empty();
    }

    public static Stalls stalls(Journey journey, Iterable<Placement> placements, Instant now, Optional<Duration> given) {
        Map<StageId, List<Duration>> times = new LinkedHashMap<>();
        journey.stages().forEach(s -> times.put(s.id(), new ArrayList<>()));
        for (Placement p : placements) {
            List<Duration> in = times.get(p.stageId());
            if (in != null) {
                in.add(Duration.between(p.enteredAt(), now));
            }
        }
        List<Stalls.StageStall> stages = new ArrayList<>();
        for (Stage stage : journey.stages()) {
            List<Duration> in = times.get(stage.id());
            Optional<Duration> threshold = threshold(stage, given);
            long stalled = threshold.map(t -> in.stream().filter(d -> d.compareTo(t) > 0).count()).orElse(0L);
            stages.add(new Stalls.StageStall(stage.id(), in.size(), threshold, stalled, Statistics.of(in).median()));
        }
        return new Stalls(journey.id(), now, stages);
    }
}
