package dev.journeys.core.internal.journeys;

import dev.journeys.api.Journey;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.StageTime;
import dev.journeys.api.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Derives time-in-stage facts from a contact's history; nothing is stored, so it works retroactively. */
public final class StageTimes {

    private StageTimes() {
    }

    private static final class Stays {
        Instant firstEntered;
        Instant openedAt;
        Instant lastExited;
        Duration latest;
        Duration cumulative = Duration.ZERO;
        int entries;
    }

    public static List<StageTime> of(Journey journey, List<Transition> history, Instant asOf) {
        Map<StageId, Stays> byStage = new LinkedHashMap<>();
        for (Transition t : history) {
            t.from().ifPresent(from -> {
                Stays stays = byStage.get(from);
                if (stays != null && stays.openedAt != null) {
                    Duration stay = Duration.between(stays.openedAt, t.effectiveAt());
                    stays.latest = stay;
                    stays.cumulative = stays.cumulative.plus(stay);
                    stays.lastExited = t.effectiveAt();
                    stays.openedAt = null;
                }
            });
            t.to().ifPresent(to -> {
                Stays stays = byStage.computeIfAbsent(to, k -> new Stays());
                if (stays.firstEntered == null) {
                    stays.firstEntered = t.effectiveAt();
                }
                stays.openedAt = t.effectiveAt();
                stays.entries++;
            });
        }
        List<StageTime> result = new ArrayList<>();
        byStage.forEach((stage, stays) -> {
            Duration cumulative = stays.openedAt == null
                    ? stays.cumulative
                    : stays.cumulative.plus(Duration.between(stays.openedAt, asOf));
            result.add(new StageTime(stage, stays.firstEntered, Optional.ofNullable(stays.lastExited),
                    Optional.ofNullable(stays.latest), cumulative, stays.entries, stays.openedAt != null, asOf));
        });
        // Current stages in journey order; stages removed since then follow, in order of first entry.
        result.sort(Comparator.comparingInt((StageTime st) -> journey.stage(st.stage()).map(Stage::position)
                .orElse(Integer.MAX_VALUE)));
        return result;
    }
}
