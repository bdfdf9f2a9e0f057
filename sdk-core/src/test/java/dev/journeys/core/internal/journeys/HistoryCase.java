package dev.journeys.core.internal.journeys;

import dev.journeys.api.Actor;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.StageTime;
import dev.journeys.api.Transition;
import dev.journeys.core.testing.Gen;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * One contact's valid history in one journey: a chain of transitions where each starts where the
 * previous one ended, at non-decreasing effective times, plus the instant the facts are asked for.
 * The history may name stages that have since been removed from the journey.
 */
record HistoryCase(Journey journey, List<StageId> removedStages, List<Transition> history, Instant asOf) {

    static final JourneyId JOURNEY = new JourneyId(10);
    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    List<StageTime> stageTimes() {
        return StageTimes.of(journey, history, asOf);
    }

    /** One uninterrupted stay in a stage, as the history tells it; {@code left} is empty while it lasts. */
    record Stay(StageId stage, Instant entered, Optional<Instant> left) {
        Duration length(Instant asOf) {
            return Duration.between(entered, left.orElse(asOf));
        }
    }

    /** Every stay, in the order they began. */
    List<Stay> stays() {
        List<Stay> stays = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Transition t = history.get(i);
            if (t.to().isPresent()) {
                Optional<Instant> left = i + 1 < history.size()
                        ? Optional.of(history.get(i + 1).effectiveAt())
                        : Optional.empty();
                stays.add(new Stay(t.to().get(), t.effectiveAt(), left));
            }
        }
        return stays;
    }

    Map<StageId, List<Stay>> staysByStage() {
        return stays().stream().collect(Collectors.groupingBy(Stay::stage, LinkedHashMap::new, Collectors.toList()));
    }

    Optional<StageId> currentStage() {
        return history.isEmpty() ? Optional.empty() : history.get(history.size() - 1).to();
    }

    static Gen<HistoryCase> histories() {
        return random -> {
            List<Long> ids = LongStream.rangeClosed(1, 40).boxed().collect(Collectors.toCollection(ArrayList::new));
            Collections.shuffle(ids, random);
            int stageCount = 1 + random.nextInt(6);
            List<Stage> stages = new ArrayList<>();
            for (int position = 0; position < stageCount; position++) {
                stages.add(new Stage(new StageId(ids.get(position)), "Stage " + position, position));
            }
            List<StageId> removed = new ArrayList<>();
            for (int i = 0; i < random.nextInt(3); i++) {
                removed.add(new StageId(ids.get(stageCount + i)));
            }
            Journey journey = new Journey(JOURNEY, "Journey", Journey.Kind.CUSTOM, false, false, false, stages, 1);

            List<StageId> pool = new ArrayList<>(stages.stream().map(Stage::id).toList());
            pool.addAll(removed);
            List<Transition> history = new ArrayList<>();
            Optional<StageId> at = Optional.empty();
            Instant time = EPOCH.plusSeconds(random.nextInt(86_400 * 365));
            int length = 1 + random.nextInt(20);
            for (int i = 0; i < length; i++) {
                time = time.plus(gap(random));
                Optional<StageId> to = next(random, pool, at);
                history.add(new Transition(i + 1, JOURNEY, "contact-1", at, to, time, time,
                        Actor.person("ann"), Optional.empty(), i + 1));
                at = to;
            }
            Instant asOf = time.plus(gap(random));
            return new HistoryCase(journey, List.copyOf(removed), List.copyOf(history), asOf);
        };
    }

    /** From outside the journey, into any stage; from a stage, out or into any other stage. */
    private static Optional<StageId> next(Random random, List<StageId> pool, Optional<StageId> at) {
        if (at.isEmpty()) {
            return Optional.of(pool.get(random.nextInt(pool.size())));
        }
        List<StageId> others = pool.stream().filter(s -> !s.equals(at.get())).toList();
        if (others.isEmpty() || random.nextInt(5) == 0) {
            return Optional.empty();
        }
        return Optional.of(others.get(random.nextInt(others.size())));
    }

    /** Mostly minutes to days, with microseconds; now and then two moves in the same microsecond. */
    private static Duration gap(Random random) {
        if (random.nextInt(15) == 0) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(1 + random.nextInt(864_000)).plusNanos(1_000L * random.nextInt(1_000_000));
    }
}
