package dev.journeys.core.internal.journeys;

import dev.journeys.api.Actor;
import dev.journeys.api.ConcurrentChangeException;
import dev.journeys.api.DuplicateNameException;
import dev.journeys.api.ExpectedStage;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyRef;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.MoveSource;
import dev.journeys.api.NotFoundException;
import dev.journeys.api.Placement;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.StageInUseException;
import dev.journeys.api.StageRef;
import dev.journeys.core.internal.input.Inputs;
import dev.journeys.core.internal.moves.Decision;
import dev.journeys.core.internal.moves.FollowUp;
import dev.journeys.core.internal.moves.JourneyCatalog;
import dev.journeys.core.internal.moves.JourneyChange;
import dev.journeys.core.internal.moves.JourneyStorage;
import dev.journeys.core.internal.moves.Move;
import dev.journeys.core.internal.moves.MovePath;
import dev.journeys.core.internal.moves.PlacementStorage;
import dev.journeys.core.internal.moves.Plan;
import dev.journeys.core.internal.moves.Planner;
import dev.journeys.core.internal.moves.StagePosition;
import dev.journeys.core.internal.storage.Batch;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.core.internal.storage.PlacementState;
import dev.journeys.core.internal.storage.StageRemoval;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Journey definitions as hosts create and edit them. Every edit is checked against the latest definition and
 * written by compare-and-set on its version; removing a stage that holds contacts is a batch on the move path,
 * whose moves take them elsewhere.
 */
@Singleton
public final class JourneyDefinitions {

    private static final int OCCUPANTS_PAGE = 1_000;

    private final JourneyStorage storage;
    private final PlacementStorage placements;
    private final JourneyCatalog catalog;
    private final MovePath moves;

    @Inject
    JourneyDefinitions(JourneyStorage storage, PlacementStorage placements, JourneyCatalog catalog, MovePath moves) {
        this.storage = storage;
        this.placements = placements;
        this.catalog = catalog;
        this.moves = moves;
    }

    public Journey createJourney(String tenant, JourneySpec spec) {
        Inputs.required("journey spec", spec);
        String name = Inputs.name("journey name", spec.name());
        Inputs.required("stages", spec.stages());
        if (spec.stages().isEmpty()) {
            throw new InvalidInputException("a journey needs at least one stage");
        }
        List<String> stageNames = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : spec.stages()) {
            String stageName = Inputs.name("stage name", raw);
            if (!seen.add(stageName.toLowerCase(Locale.ROOT))) {
                throw new DuplicateNameException("stage name '" + stageName + "' appears twice");
            }
            stageNames.add(stageName);
        }
        Journey created = storage.createJourney(tenant, name, Journey.Kind.CUSTOM, spec.requiresSequence(),
                spec.allowsBackward(), stageNames);
        return catalog.offer(tenant, created);
    }

    public List<Journey> journeys(String tenant) {
        return storage.listJourneys(tenant);
    }

    public Optional<Journey> journey(String tenant, JourneyId id) {
        return catalog.find(tenant, Inputs.required("journey id", id), true);
    }

    public Optional<Journey> journeyNamed(String tenant, String name) {
        return storage.findJourneyByName(tenant, Inputs.name("journey name", name));
    }

    public Journey renameJourney(String tenant, JourneyId id, String newName) {
        String name = Inputs.name("journey name", newName);
        return catalog.change(tenant, Inputs.required("journey id", id), j -> new JourneyChange.Rename(name));
    }

    public Journey archiveJourney(String tenant, JourneyId id) {
        return catalog.change(tenant, Inputs.required("journey id", id), j -> new JourneyChange.Archive());
    }

    public Journey addStage(String tenant, JourneyId id, String stageName) {
        String name = Inputs.name("stage name", stageName);
        return catalog.change(tenant, Inputs.required("journey id", id), j -> {
            if (j.stageNamed(name).isPresent()) {
                throw new DuplicateNameException("stage name '" + name + "' is taken in " + JourneyRef.of(j));
            }
            return new JourneyChange.AddStage(name);
        });
    }

    public Journey renameStage(String tenant, JourneyId id, StageId stage, String newName) {
        String name = Inputs.name("stage name", newName);
        Inputs.required("stage id", stage);
        return catalog.change(tenant, Inputs.required("journey id", id), j -> {
            stageOf(j, stage);
            j.stageNamed(name).filter(other -> !other.id().equals(stage)).ifPresent(other -> {
                throw new DuplicateNameException("stage name '" + name + "' is taken in " + JourneyRef.of(j));
            });
            return new JourneyChange.RenameStage(stage, name);
        });
    }

    public Journey setExpectedDays(String tenant, JourneyId id, StageId stage, java.util.OptionalInt days) {
        Inputs.required("stage id", stage);
        Inputs.required("expected days", days);
        if (days.isPresent() && (days.getAsInt() < 1 || days.getAsInt() > 3650)) {
            throw new InvalidInputException("expected days must be 1..3650, was " + days.getAsInt());
        }
        return catalog.change(tenant, Inputs.required("journey id", id), j -> {
            stageOf(j, stage);
            return new JourneyChange.SetExpectedDays(stage, days);
        });
    }

    public Journey reorderStages(String tenant, JourneyId id, List<StageId> order) {
        List<StageId> wanted = List.copyOf(Inputs.required("stage order", order));
        return catalog.change(tenant, Inputs.required("journey id", id), j -> {
            Set<StageId> current = new HashSet<>(j.stages().stream().map(Stage::id).toList());
            if (wanted.size() != current.size() || !current.equals(new HashSet<>(wanted))) {
                throw new InvalidInputException("the new order must name each of the " + current.size()
                        + " current stages of " + JourneyRef.of(j) + " exactly once");
            }
            return new JourneyChange.Reorder(wanted);
        });
    }

    public Journey removeStage(String tenant, JourneyId id, StageId stage) {
        Inputs.required("stage id", stage);
        return remove(tenant, id, stage, Optional.empty(), Optional.empty());
    }

    public Journey removeStage(String tenant, JourneyId id, StageId stage, StageId moveContactsTo, Actor actor) {
        Inputs.required("stage id", stage);
        Inputs.required("stage to move contacts to", moveContactsTo);
        Actor by = Inputs.actor(actor);
        if (stage.equals(moveContactsTo)) {
            throw new InvalidInputException("cannot move the contacts of stage " + stage.value() + " into itself");
        }
        return remove(tenant, id, stage, Optional.of(moveContactsTo), Optional.of(by));
    }

    /**
     * Removes a stage on the move path: its contacts are relocated by moves like any other, judged by the
     * rules, recorded in history as {@link MoveSource.StageRemoval}, heard by listeners and chains, and
     * written in the same transaction as the removal. A contact that enters the stage meanwhile makes the
     * write a conflict, and the removal is planned again.
     */
    private Journey remove(String tenant, JourneyId id, StageId stage, Optional<StageId> moveTo, Optional<Actor> actor) {
        Inputs.required("journey id", id);
        return moves.run(tenant, new Planner<>() {
            @Override
            public Plan<Journey> plan(boolean fresh) {
                Journey journey = catalog.editable(tenant, id);
                Stage removed = stageOf(journey, stage);
                moveTo.ifPresent(to -> stageOf(journey, to));
                if (journey.stages().size() == 1) {
                    throw new InvalidInputException("cannot remove " + StageRef.of(removed) + ", the only stage of "
                            + JourneyRef.of(journey));
                }
                List<Placement> occupants = occupants(tenant, id, stage);
                if (!occupants.isEmpty() && moveTo.isEmpty()) {
                    throw new StageInUseException(occupants.size() + " contact(s) are in " + StageRef.of(removed) + " of "
                            + JourneyRef.of(journey) + "; name a stage to move them to");
                }
                Instant now = moves.now();
                Optional<MoveSource> source = actor.map(by -> new MoveSource.StageRemoval(stage, by));
                List<MoveWrite> writes = new ArrayList<>(occupants.size());
                for (Placement occupant : occupants) {
                    PlacementState current = new PlacementState(id, occupant.contactKey(), Optional.of(stage),
                            occupant.enteredAt(), occupant.version());
                    Move move = Move.to(occupant.contactKey(), id, moveTo.orElseThrow(), source.orElseThrow())
                            .expecting(ExpectedStage.inStage(stage))
                            .withNote(Optional.of("stage '" + removed.name() + "' removed"));
                    Decision decision = moves.decide(tenant, journey, current, move);
                    if (!(decision instanceof Decision.Accept accept)) {
                        throw new IllegalStateException("the rules refused to relocate " + occupant.contactKey()
                                + " out of a removed stage: " + decision);
                    }
                    writes.add(moves.write(journey, current, accept, move, now, now));
                }
                return Plan.write(Batch.of(writes).with(new StageRemoval(id, journey.version(), stage)), FollowUp.CHAINED,
                        (commit, chains) -> commit.journey().orElseThrow());
            }

            @Override
            public Journey contention(int attempts) {
                throw new ConcurrentChangeException("journey " + id.value() + " kept changing while its stage " + stage.value()
                        + " was being removed; gave up after "
                        + attempts + " attempts");
            }
        });
    }

    /** Everyone in the stage now, page by page. */
    private List<Placement> occupants(String tenant, JourneyId id, StageId stage) {
        List<Placement> all = new ArrayList<>();
        Optional<StagePosition> after = Optional.empty();
        while (true) {
            List<Placement> page = placements.placementsInStage(tenant, id, stage, Optional.empty(), after, OCCUPANTS_PAGE);
            all.addAll(page);
            if (page.size() < OCCUPANTS_PAGE) {
                return all;
            }
            after = Optional.of(StagePosition.of(page.get(page.size() - 1)));
        }
    }

    private static Stage stageOf(Journey journey, StageId stage) {
        return journey.stage(stage).orElseThrow(() -> NotFoundException.stage(stage, JourneyRef.of(journey)));
    }
}
