package dev.journeys.core.internal;

import dev.journeys.api.DuplicateNameException;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.MoveOutcome;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.NotFoundException;
import dev.journeys.api.Page;
import dev.journeys.api.PageRequest;
import dev.journeys.api.Placement;
import dev.journeys.api.Registration;
import dev.journeys.api.Stage;
import dev.journeys.api.StageChangeListener;
import dev.journeys.api.StageId;
import dev.journeys.api.StageTime;
import dev.journeys.api.StatusChange;
import dev.journeys.api.Transition;
import dev.journeys.api.AutomationService;
import dev.journeys.api.ImportService;
import dev.journeys.api.ConcurrentChangeException;
import dev.journeys.api.ExpectedStage;
import dev.journeys.api.StageInUseException;
import dev.journeys.core.internal.rules.Decision;
import dev.journeys.core.internal.rules.Move;
import dev.journeys.core.internal.storage.Batch;
import dev.journeys.core.internal.storage.JourneyChange;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.core.internal.storage.PlacementState;
import dev.journeys.core.internal.storage.StageRemoval;
import dev.journeys.core.internal.storage.StagePosition;
import dev.journeys.core.internal.storage.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The API of one tenant: checks input, then hands each call to the catalog, the move engine or storage. */
final class TenantJourneyService implements JourneyService {

    private final String tenant;
    private final Storage storage;
    private final JourneyCatalog catalog;
    private final MovePath moves;
    private final PlacementCache placements;
    private final ListenerHub listeners;
    private final AutomationService automations;
    private final ContactStatuses statuses;
    private final ImportService imports;

    TenantJourneyService(String tenant, Storage storage, JourneyCatalog catalog, MovePath moves,
                         PlacementCache placements, ListenerHub listeners, AutomationService automations,
                         ContactStatuses statuses, ImportService imports) {
        this.tenant = tenant;
        this.storage = storage;
        this.catalog = catalog;
        this.moves = moves;
        this.placements = placements;
        this.listeners = listeners;
        this.automations = automations;
        this.statuses = statuses;
        this.imports = imports;
    }

    @Override
    public String tenant() {
        return tenant;
    }

    @Override
    public Journey createJourney(JourneySpec spec) {
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

    @Override
    public List<Journey> journeys() {
        return storage.listJourneys(tenant);
    }

    @Override
    public Optional<Journey> journey(JourneyId id) {
        return catalog.find(tenant, Inputs.required("journey id", id), true);
    }

    @Override
    public Optional<Journey> journeyNamed(String name) {
        return storage.findJourneyByName(tenant, Inputs.name("journey name", name));
    }

    @Override
    public Journey renameJourney(JourneyId id, String newName) {
        String name = Inputs.name("journey name", newName);
        return catalog.change(tenant, Inputs.required("journey id", id), j -> new JourneyChange.Rename(name));
    }

    @Override
    public Journey archiveJourney(JourneyId id) {
        return catalog.change(tenant, Inputs.required("journey id", id), j -> new JourneyChange.Archive());
    }

    @Override
    public Journey addStage(JourneyId id, String stageName) {
        String name = Inputs.name("stage name", stageName);
        return catalog.change(tenant, Inputs.required("journey id", id), j -> {
            if (j.stageNamed(name).isPresent()) {
                throw new DuplicateNameException("stage name '" + name + "' is taken in " + id);
            }
            return new JourneyChange.AddStage(name);
        });
    }

    @Override
    public Journey renameStage(JourneyId id, StageId stage, String newName) {
        String name = Inputs.name("stage name", newName);
        Inputs.required("stage id", stage);
        return catalog.change(tenant, Inputs.required("journey id", id), j -> {
            stageOf(j, stage);
            j.stageNamed(name).filter(other -> !other.id().equals(stage)).ifPresent(other -> {
                throw new DuplicateNameException("stage name '" + name + "' is taken in " + id);
            });
            return new JourneyChange.RenameStage(stage, name);
        });
    }

    @Override
    public Journey setExpectedDays(JourneyId id, StageId stage, java.util.OptionalInt days) {
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

    @Override
    public Journey reorderStages(JourneyId id, List<StageId> order) {
        List<StageId> wanted = List.copyOf(Inputs.required("stage order", order));
        return catalog.change(tenant, Inputs.required("journey id", id), j -> {
            Set<StageId> current = new HashSet<>(j.stages().stream().map(Stage::id).toList());
            if (wanted.size() != current.size() || !current.equals(new HashSet<>(wanted))) {
                throw new InvalidInputException("the new order must name each of the " + current.size()
                        + " current stages of " + id + " exactly once");
            }
            return new JourneyChange.Reorder(wanted);
        });
    }

    @Override
    public Journey removeStage(JourneyId id, StageId stage) {
        Inputs.required("stage id", stage);
        return remove(id, stage, Optional.empty(), "");
    }

    @Override
    public Journey removeStage(JourneyId id, StageId stage, StageId moveContactsTo, MoveSource source) {
        Inputs.required("stage id", stage);
        Inputs.required("stage to move contacts to", moveContactsTo);
        if (!(Inputs.source(source) instanceof MoveSource.Manual manual)) {
            throw new InvalidInputException("a stage is removed by a person: pass MoveSource.manual(actor)");
        }
        if (stage.equals(moveContactsTo)) {
            throw new InvalidInputException("cannot move the contacts of " + stage + " into itself");
        }
        return remove(id, stage, Optional.of(moveContactsTo), manual.actor());
    }

    /**
     * Removes a stage on the move path: its contacts are relocated by moves like any other, judged by the
     * rules, recorded in history as {@link MoveSource.StageRemoval}, heard by listeners and chains, and
     * written in the same transaction as the removal. A contact that enters the stage meanwhile makes the
     * write a conflict, and the removal is planned again.
     */
    private Journey remove(JourneyId id, StageId stage, Optional<StageId> moveTo, String actor) {
        Inputs.required("journey id", id);
        return moves.run(tenant, new Planner<>() {
            @Override
            public Plan<Journey> plan(boolean fresh) {
                Journey journey = catalog.editable(tenant, id);
                Stage removed = stageOf(journey, stage);
                moveTo.ifPresent(to -> stageOf(journey, to));
                if (journey.stages().size() == 1) {
                    throw new InvalidInputException("cannot remove the only stage of " + id);
                }
                List<Placement> occupants = occupants(id, stage);
                if (!occupants.isEmpty() && moveTo.isEmpty()) {
                    throw new StageInUseException(occupants.size() + " contact(s) are in " + stage
                            + "; name a stage to move them to");
                }
                Instant now = moves.now();
                MoveSource source = new MoveSource.StageRemoval(stage, actor);
                List<MoveWrite> writes = new ArrayList<>(occupants.size());
                for (Placement occupant : occupants) {
                    PlacementState current = new PlacementState(id, occupant.contactKey(), Optional.of(stage),
                            occupant.enteredAt(), occupant.version());
                    Move move = Move.to(occupant.contactKey(), id, moveTo.orElseThrow(), source)
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
                throw new ConcurrentChangeException(id + " kept changing while " + stage + " was being removed; gave up after "
                        + attempts + " attempts");
            }
        });
    }

    /** Everyone in the stage now, page by page. */
    private List<Placement> occupants(JourneyId id, StageId stage) {
        List<Placement> all = new ArrayList<>();
        Optional<StagePosition> after = Optional.empty();
        while (true) {
            List<Placement> page = storage.placementsInStage(tenant, id, stage, Optional.empty(), after, OCCUPANTS_PAGE);
            all.addAll(page);
            if (page.size() < OCCUPANTS_PAGE) {
                return all;
            }
            after = Optional.of(StagePosition.of(page.get(page.size() - 1)));
        }
    }

    private static final int OCCUPANTS_PAGE = 1_000;

    private static Stage stageOf(Journey journey, StageId stage) {
        return journey.stage(stage).orElseThrow(() -> NotFoundException.stage(stage));
    }

    @Override
    public MoveOutcome move(MoveRequest request) {
        return moves.move(tenant, Inputs.move(request));
    }

    @Override
    public Optional<Placement> placement(String contactKey, JourneyId journey) {
        Inputs.contactKey(contactKey);
        Inputs.required("journey id", journey);
        if (!placements.contains(tenant, journey, contactKey) && catalog.find(tenant, journey, false).isEmpty()) {
            return Optional.empty();
        }
        return placements.get(tenant, journey, contactKey, false).placement();
    }

    @Override
    public List<Placement> placements(String contactKey) {
        return storage.placementsOfContact(tenant, Inputs.contactKey(contactKey));
    }

    @Override
    public Page<Placement> contactsInStage(JourneyId id, StageId stage, PageRequest page) {
        Inputs.required("journey id", id);
        Inputs.required("stage id", stage);
        Inputs.required("page request", page);
        List<Placement> rows = storage.placementsInStage(tenant, id, stage, Optional.empty(),
                page.after().map(StagePosition::parse), page.limit() + 1);
        return Pages.of(rows, page.limit(), p -> StagePosition.of(p).cursor());
    }

    @Override
    public Map<StageId, Long> stageCounts(JourneyId id) {
        Journey journey = journey(id).orElseThrow(() -> NotFoundException.journey(id));
        Map<StageId, Long> stored = storage.countByStage(tenant, id);
        Map<StageId, Long> counts = new LinkedHashMap<>();
        journey.stages().forEach(s -> counts.put(s.id(), stored.getOrDefault(s.id(), 0L)));
        return counts;
    }

    @Override
    public List<Transition> history(String contactKey, JourneyId journey) {
        return storage.history(tenant, Inputs.required("journey id", journey), Inputs.contactKey(contactKey));
    }

    @Override
    public List<StageTime> stageTimes(String contactKey, JourneyId id) {
        Journey journey = journey(id).orElseThrow(() -> NotFoundException.journey(id));
        return StageTimes.of(journey, history(contactKey, id), moves.now());
    }

    @Override
    public Optional<StatusChange> setStatus(String contactKey, String status, String actor) {
        return statuses.set(tenant, contactKey, status, actor);
    }

    @Override
    public Optional<String> status(String contactKey) {
        return statuses.status(tenant, contactKey);
    }

    @Override
    public List<StatusChange> statusHistory(String contactKey) {
        return statuses.history(tenant, contactKey);
    }

    @Override
    public AutomationService automations() {
        return automations;
    }

    @Override
    public Registration onStageChange(StageChangeListener listener) {
        return listeners.add(tenant, listener);
    }

    @Override
    public dev.journeys.api.DashboardService dashboard() {
        return new TenantDashboardService(tenant, storage, catalog, moves);
    }

    @Override
    public ImportService imports() {
        return imports;
    }
}
