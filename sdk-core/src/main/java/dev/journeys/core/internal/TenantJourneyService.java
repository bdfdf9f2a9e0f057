package dev.journeys.core.internal;

import dev.journeys.api.Actor;
import dev.journeys.api.AutomationService;
import dev.journeys.api.DashboardService;
import dev.journeys.api.ImportService;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.MoveOutcome;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.NotFoundException;
import dev.journeys.api.Page;
import dev.journeys.api.PageRequest;
import dev.journeys.api.Placement;
import dev.journeys.api.Registration;
import dev.journeys.api.StageChangeListener;
import dev.journeys.api.StageId;
import dev.journeys.api.StageTime;
import dev.journeys.api.StatusChange;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.input.Inputs;
import dev.journeys.core.internal.input.Pages;
import dev.journeys.core.internal.input.SdkState;
import dev.journeys.core.internal.journeys.JourneyDefinitions;
import dev.journeys.core.internal.journeys.StageTimes;
import dev.journeys.core.internal.moves.HostMoves;
import dev.journeys.core.internal.moves.JourneyCatalog;
import dev.journeys.core.internal.moves.ListenerHub;
import dev.journeys.core.internal.moves.MovePath;
import dev.journeys.core.internal.moves.PlacementCache;
import dev.journeys.core.internal.moves.PlacementStorage;
import dev.journeys.core.internal.moves.StagePosition;
import dev.journeys.core.internal.status.ContactStatuses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The API of one tenant: checks input, then hands each call to the feature that answers it. */
final class TenantJourneyService implements JourneyService {

    private final String tenant;
    private final SdkState state;
    private final JourneyDefinitions definitions;
    private final PlacementStorage placed;
    private final JourneyCatalog catalog;
    private final MovePath moves;
    private final PlacementCache placements;
    private final ListenerHub listeners;
    private final ContactStatuses statuses;
    private final AutomationService automations;
    private final ImportService imports;
    private final DashboardService dashboard;

    TenantJourneyService(String tenant, SdkState state, JourneyDefinitions definitions, PlacementStorage placed, JourneyCatalog catalog,
                         MovePath moves, PlacementCache placements, ListenerHub listeners, ContactStatuses statuses,
                         AutomationService automations, ImportService imports, DashboardService dashboard) {
        this.tenant = tenant;
        this.state = state;
        this.definitions = definitions;
        this.placed = placed;
        this.catalog = catalog;
        this.moves = moves;
        this.placements = placements;
        this.listeners = listeners;
        this.statuses = statuses;
        this.automations = automations;
        this.imports = imports;
        this.dashboard = dashboard;
    }

    @Override
    public String tenant() {
        state.check();
        return tenant;
    }

    @Override
    public Journey createJourney(JourneySpec spec) {
        state.check();
        return definitions.createJourney(tenant, spec);
    }

    @Override
    public List<Journey> journeys() {
        state.check();
        return definitions.journeys(tenant);
    }

    @Override
    public Optional<Journey> journey(JourneyId id) {
        state.check();
        return definitions.journey(tenant, id);
    }

    @Override
    public Optional<Journey> journeyNamed(String name) {
        state.check();
        return definitions.journeyNamed(tenant, name);
    }

    @Override
    public Journey renameJourney(JourneyId id, String newName) {
        state.check();
        return definitions.renameJourney(tenant, id, newName);
    }

    @Override
    public Journey archiveJourney(JourneyId id) {
        state.check();
        return definitions.archiveJourney(tenant, id);
    }

    @Override
    public Journey addStage(JourneyId id, String stageName) {
        state.check();
        return definitions.addStage(tenant, id, stageName);
    }

    @Override
    public Journey renameStage(JourneyId id, StageId stage, String newName) {
        state.check();
        return definitions.renameStage(tenant, id, stage, newName);
    }

    @Override
    public Journey setExpectedDays(JourneyId id, StageId stage, java.util.OptionalInt days) {
        state.check();
        return definitions.setExpectedDays(tenant, id, stage, days);
    }

    @Override
    public Journey reorderStages(JourneyId id, List<StageId> order) {
        state.check();
        return definitions.reorderStages(tenant, id, order);
    }

    @Override
    public Journey removeStage(JourneyId id, StageId stage) {
        state.check();
        return definitions.removeStage(tenant, id, stage);
    }

    @Override
    public Journey removeStage(JourneyId id, StageId stage, StageId moveContactsTo, Actor actor) {
        state.check();
        return definitions.removeStage(tenant, id, stage, moveContactsTo, actor);
    }

    @Override
    public MoveOutcome move(MoveRequest request) {
        state.check();
        return moves.move(tenant, HostMoves.of(request));
    }

    @Override
    public Optional<Placement> placement(String contactKey, JourneyId journey) {
        state.check();
        Inputs.contactKey(contactKey);
        Inputs.required("journey id", journey);
        if (!placements.contains(tenant, journey, contactKey) && catalog.find(tenant, journey, false).isEmpty()) {
            return Optional.empty();
        }
        return placements.get(tenant, journey, contactKey, false).placement();
    }

    @Override
    public List<Placement> placements(String contactKey) {
        state.check();
        return placed.placementsOfContact(tenant, Inputs.contactKey(contactKey));
    }

    @Override
    public Page<Placement> contactsInStage(JourneyId id, StageId stage, PageRequest page) {
        state.check();
        Inputs.required("journey id", id);
        Inputs.required("stage id", stage);
        Inputs.required("page request", page);
        List<Placement> rows = placed.placementsInStage(tenant, id, stage, Optional.empty(),
                page.after().map(StagePosition::parse), page.limit() + 1);
        return Pages.of(rows, page.limit(), p -> StagePosition.of(p).cursor());
    }

    @Override
    public Map<StageId, Long> stageCounts(JourneyId id) {
        state.check();
        Journey journey = journey(id).orElseThrow(() -> NotFoundException.journey(id));
        Map<StageId, Long> stored = placed.countByStage(tenant, id);
        Map<StageId, Long> counts = new LinkedHashMap<>();
        journey.stages().forEach(s -> counts.put(s.id(), stored.getOrDefault(s.id(), 0L)));
        return counts;
    }

    @Override
    public List<Transition> history(String contactKey, JourneyId journey) {
        state.check();
        return placed.history(tenant, Inputs.required("journey id", journey), Inputs.contactKey(contactKey));
    }

    @Override
    public List<StageTime> stageTimes(String contactKey, JourneyId id) {
        state.check();
        Journey journey = journey(id).orElseThrow(() -> NotFoundException.journey(id));
        return StageTimes.of(journey, history(contactKey, id), moves.now());
    }

    @Override
    public Optional<StatusChange> setStatus(String contactKey, String status, Actor actor) {
        state.check();
        return statuses.set(tenant, contactKey, status, actor);
    }

    @Override
    public Optional<String> status(String contactKey) {
        state.check();
        return statuses.status(tenant, contactKey);
    }

    @Override
    public List<StatusChange> statusHistory(String contactKey) {
        state.check();
        return statuses.history(tenant, contactKey);
    }

    @Override
    public AutomationService automations() {
        state.check();
        return automations;
    }

    @Override
    public Registration onStageChange(StageChangeListener listener) {
        state.check();
        return listeners.add(tenant, listener);
    }

    @Override
    public DashboardService dashboard() {
        state.check();
        return dashboard;
    }

    @Override
    public ImportService imports() {
        state.check();
        return imports;
    }
}
