package dev.journeys.core.internal.dashboard;

import dev.journeys.api.Actor;
import dev.journeys.api.MoveSource;
import dev.journeys.api.StageId;
import dev.journeys.api.Transition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run of history adds to the dashboard's aggregates: stage populations, entries and exits per hour
 * and per day, and moves per hour by source and by stage pair. Sums of these over any order of the same
 * transitions are the same, which is what lets the history be folded in batches, by any instance.
 */
public final class FlowDelta {

    /** A stage of a journey. */
    public record StageKey(long journey, long stage) {
    }

    /** A stage of a journey in one bucket (an hour or a day, by its start). */
    public record FlowKey(long journey, long stage, Instant bucket) {
    }

    /** Moves of a journey in one hour, from a source, between two stages (0 for outside the journey). */
    public record MoveKey(long journey, Instant hour, String kind, String ref, long from, long to) {
    }

    private final Map<StageKey, Long> populations = new HashMap<>();
    private final Map<FlowKey, long[]> hourly = new HashMap<>();
    private final Map<FlowKey, long[]> daily = new HashMap<>();
    private final Map<MoveKey, Long> moves = new HashMap<>();
    private long transitions;

    public void add(Transition t) {
        transitions++;
        long journey = t.journeyId().value();
        Instant hour = t.effectiveAt().truncatedTo(ChronoUnit.HOURS);
        Instant day = t.effectiveAt().truncatedTo(ChronoUnit.DAYS);
        t.from().ifPresent(from -> {
            populations.merge(new StageKey(journey, from.value()), -1L, Long::sum);
            hourly.computeIfAbsent(new FlowKey(journey, from.value(), hour), k -> new long[2])[1]++;
            daily.computeIfAbsent(new FlowKey(journey, from.value(), day), k -> new long[2])[1]++;
        });
        t.to().ifPresent(to -> {
            populations.merge(new StageKey(journey, to.value()), 1L, Long::sum);
            hourly.computeIfAbsent(new FlowKey(journey, to.value(), hour), k -> new long[2])[0]++;
            daily.computeIfAbsent(new FlowKey(journey, to.value(), day), k -> new long[2])[0]++;
        });
        List<String> source = sourceOf(t.source());
        moves.merge(new MoveKey(journey, hour, source.get(0), source.get(1), id(t.from()), id(t.to())), 1L, Long::sum);
    }

    /** The kind and reference a move is counted under on the dashboard. */
    public static List<String> sourceOf(MoveSource source) {
        return List.of(source.kind().name(), reference(source));
    }

    /** What the dashboard credits a move to, within its kind of source. */
    public static String reference(MoveSource source) {
        if (source instanceof Actor actor) {
            return actor.name();
        }
        if (source instanceof MoveSource.Automation a) {
            return Long.toString(a.automationId());
        }
        if (source instanceof MoveSource.Import i) {
            return Long.toString(i.jobId());
        }
        if (source instanceof MoveSource.ImportUndo u) {
            return Long.toString(u.jobId());
        }
        if (source instanceof MoveSource.StageRemoval r) {
            return Long.toString(r.stage().value());
        }
        return ((MoveSource.SystemPlugin) source).pluginKey();
    }

    private static long id(Optional<StageId> stage) {
        return stage.map(StageId::value).orElse(0L);
    }

    /** How many transitions were added. */
    public long transitions() {
        return transitions;
    }

    public Map<StageKey, Long> populations() {
        return populations;
    }

    /** Entered ([0]) and exited ([1]) per stage and hour. */
    public Map<FlowKey, long[]> hourly() {
        return hourly;
    }

    /** Entered ([0]) and exited ([1]) per stage and day (UTC). */
    public Map<FlowKey, long[]> daily() {
        return daily;
    }

    public Map<MoveKey, Long> moves() {
        return moves;
    }
}
