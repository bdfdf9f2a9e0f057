package dev.journeys.core.internal.moves;

import static dev.journeys.core.testing.Gen.weighted;

import dev.journeys.api.Actor;
import dev.journeys.api.ExpectedStage;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyRef;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.StageRef;
import dev.journeys.core.testing.Gen;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Everything {@link MoveRules#decide} looks at: a journey, where the contact is now, the request and
 * who owns the stages outside the journey. The helper methods restate the API's definitions in plain
 * terms so that the properties can say which cases they are about.
 */
record MoveCase(Journey journey, Optional<StageId> current, Move request, Owners owners) {

    static final JourneyId JOURNEY = new JourneyId(10);
    static final List<MoveSource> SOURCES = List.of(
            Actor.person("ann"),
            new MoveSource.Automation(7, "evt-1"),
            new MoveSource.Import(3, 12),
            new MoveSource.SystemPlugin("crm-status", Actor.person("system")));

    /** Stage ids 1..60 may belong to the journey; anything else up to 80 never does. */
    private static final int MAX_STAGE_ID = 80;

    Decision decide() {
        return MoveRules.decide(journey, current, request, owners);
    }

    // ---- Restating the request in the terms of the API ---------------------------------------

    boolean isActive() {
        return !journey.archived();
    }

    boolean sourceMayMove() {
        return journey.kind() == Journey.Kind.CUSTOM || request.source() instanceof MoveSource.SystemPlugin;
    }

    boolean isExit() {
        return request.target().isEmpty();
    }

    Optional<Stage> targetStage() {
        return request.target().flatMap(journey::stage);
    }

    boolean targetIsOutsideJourney() {
        return !isExit() && targetStage().isEmpty();
    }

    /** An exit, or a stage of this journey: a target the rules can reason about. */
    boolean targetIsValid() {
        return !targetIsOutsideJourney();
    }

    boolean expectationHolds() {
        ExpectedStage expected = request.expected();
        if (expected instanceof ExpectedStage.InStage inStage) {
            return current.equals(Optional.of(inStage.stage()));
        }
        if (expected instanceof ExpectedStage.NotInJourney) {
            return current.isEmpty();
        }
        return true;
    }

    /** Active, moved by a source that may move it, to a valid target, with a holding expectation. */
    boolean passesTheGuards() {
        return isActive() && sourceMayMove() && targetIsValid() && expectationHolds();
    }

    int currentPosition() {
        return current.flatMap(journey::stage).map(Stage::position).orElseThrow();
    }

    int targetPosition() {
        return targetStage().map(Stage::position).orElseThrow();
    }

    // ---- Variations on this case ---------------------------------------------------------------

    MoveCase withSource(MoveSource source) {
        return new MoveCase(journey, current, new Move(request.contactKey(), request.journeyId(),
                request.target(), source, request.expected(), request.note()), owners);
    }

    MoveCase withKind(Journey.Kind kind) {
        return new MoveCase(new Journey(journey.id(), journey.name(), kind, journey.requiresSequence(),
                journey.allowsBackward(), journey.archived(), journey.stages(), journey.version()),
                current, request, owners);
    }

    // ---- Generators -------------------------------------------------------------------------------

    /** Any move at all: every kind of journey, placement, target, expectation and source. */
    static Gen<MoveCase> moves() {
        return movesIn(journeys());
    }

    /** Any move in an active journey, by a source allowed to move its contacts. */
    static Gen<MoveCase> activeMoves() {
        return movesIn(journeys().map(j -> j.archived() ? withFlags(j, j.requiresSequence(), false) : j))
                .map(move -> move.sourceMayMove() ? move : move.withSource(new MoveSource.SystemPlugin("crm-status", Actor.person("system"))));
    }

    /** Any move in an active journey that requires its sequence, by a source allowed to move its contacts. */
    static Gen<MoveCase> sequencedMoves() {
        return activeMoves().map(move -> new MoveCase(withFlags(move.journey(), true, false), move.current(),
                move.request(), move.owners()));
    }

    private static Journey withFlags(Journey j, boolean requiresSequence, boolean archived) {
        return new Journey(j.id(), j.name(), j.kind(), requiresSequence, j.allowsBackward(), archived, j.stages(),
                j.version());
    }

    static Gen<MoveCase> movesIn(Gen<Journey> journeys) {
        return journeys.flatMap(journey -> placements(journey).flatMap(current ->
                targets(journey, current).flatMap(target ->
                        expectations(journey, current).flatMap(expected ->
                                Gen.pick(SOURCES).flatMap(source ->
                                        Gen.optional(0.7, Gen.constant("a note")).flatMap(note ->
                                                owners(target).map(owners -> new MoveCase(journey, current,
                                                        new Move("contact-1", JOURNEY, target, source,
                                                                expected, note),
                                                        owners))))))));
    }

    /**
     * 1 to 8 stages, positions 0..n-1, with ids drawn at random from 1..60 so that an id's size says
     * nothing about the stage's position.
     */
    static Gen<Journey> journeys() {
        return random -> {
            List<Long> ids = LongStream.rangeClosed(1, 60).boxed().collect(Collectors.toCollection(ArrayList::new));
            Collections.shuffle(ids, random);
            int count = 1 + random.nextInt(8);
            List<Stage> stages = new ArrayList<>();
            for (int position = 0; position < count; position++) {
                stages.add(new Stage(new StageId(ids.get(position)), "Stage " + position, position));
            }
            Journey.Kind kind = random.nextInt(4) == 0 ? Journey.Kind.SYSTEM : Journey.Kind.CUSTOM;
            return new Journey(JOURNEY, "Journey", kind, random.nextBoolean(), random.nextBoolean(),
                    random.nextInt(5) == 0, stages, 1 + random.nextInt(100));
        };
    }

    /** Not in the journey, or in any of its stages. */
    static Gen<Optional<StageId>> placements(Journey journey) {
        return Gen.frequency(
                weighted(3, Gen.constant(Optional.<StageId>empty())),
                weighted(5, stageOf(journey).map(Optional::of)));
    }

    /** A stage of the journey (often the current one), an exit, or a stage id the journey does not have. */
    static Gen<Optional<StageId>> targets(Journey journey, Optional<StageId> current) {
        return Gen.frequency(
                weighted(6, stageOf(journey).map(Optional::of)),
                weighted(current.isPresent() ? 2 : 0, Gen.constant(current)),
                weighted(2, Gen.constant(Optional.<StageId>empty())),
                weighted(2, foreignStage(journey).map(Optional::of)));
    }

    static Gen<ExpectedStage> expectations(Journey journey, Optional<StageId> current) {
        return Gen.frequency(
                weighted(4, Gen.constant(ExpectedStage.any())),
                weighted(2, Gen.constant(ExpectedStage.notInJourney())),
                weighted(current.isPresent() ? 3 : 0, Gen.constant(current.map(ExpectedStage::inStage).orElse(null))),
                weighted(2, stageOf(journey).map(ExpectedStage::inStage)),
                weighted(1, foreignStage(journey).map(ExpectedStage::inStage)));
    }

    /** A target outside the journey belongs to another journey, was removed from this one, or is unknown. */
    static Gen<Owners> owners(Optional<StageId> target) {
        return Gen.oneOf(Optional.of(new JourneyId(11)), Optional.of(new JourneyId(12)), Optional.of(JOURNEY),
                        Optional.<JourneyId>empty())
                .map(owner -> owner.isEmpty() || target.isEmpty()
                        ? new Owners(Map.of())
                        : new Owners(Map.of(target.get(), owner.get())));
    }

    static Gen<StageId> stageOf(Journey journey) {
        return Gen.pick(journey.stages()).map(Stage::id);
    }

    static Gen<StageId> foreignStage(Journey journey) {
        Set<Long> own = journey.stages().stream().map(s -> s.id().value()).collect(Collectors.toSet());
        List<StageId> foreign = LongStream.rangeClosed(1, MAX_STAGE_ID).filter(id -> !own.contains(id))
                .mapToObj(StageId::new).toList();
        return Gen.pick(foreign);
    }

    /** The storage lookup of a stage's journey, as a value with a readable {@code toString}. */
    record Owners(Map<StageId, JourneyId> owners) implements Function<StageId, Optional<StageOwner>> {
        @Override
        public Optional<StageOwner> apply(StageId stage) {
            return Optional.ofNullable(owners.get(stage)).map(owner -> new StageOwner(journeyRef(owner), stageRef(stage)));
        }

        /** Another journey's stages and names, as storage would name them. */
        static StageRef stageRef(StageId stage) {
            return new StageRef(stage, "Stage " + stage.value());
        }

        static JourneyRef journeyRef(JourneyId journey) {
            return new JourneyRef(journey, "Journey " + journey.value());
        }
    }
}
