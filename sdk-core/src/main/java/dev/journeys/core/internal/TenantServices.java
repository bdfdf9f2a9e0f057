package dev.journeys.core.internal;

import dev.journeys.api.JourneyService;
import dev.journeys.core.internal.automation.AsyncEvents;
import dev.journeys.core.internal.automation.AutomationDefinitions;
import dev.journeys.core.internal.automation.AutomationEngine;
import dev.journeys.core.internal.automation.AutomationStorage;
import dev.journeys.core.internal.automation.TenantAutomationService;
import dev.journeys.core.internal.dashboard.DashboardStorage;
import dev.journeys.core.internal.dashboard.TenantDashboardService;
import dev.journeys.core.internal.imports.ImportEngine;
import dev.journeys.core.internal.imports.ImportStorage;
import dev.journeys.core.internal.imports.ImportUndo;
import dev.journeys.core.internal.imports.RunningImports;
import dev.journeys.core.internal.imports.TenantImportService;
import dev.journeys.core.internal.input.SdkState;
import dev.journeys.core.internal.journeys.JourneyDefinitions;
import dev.journeys.core.internal.moves.JourneyCatalog;
import dev.journeys.core.internal.moves.ListenerHub;
import dev.journeys.core.internal.moves.MovePath;
import dev.journeys.core.internal.moves.PlacementCache;
import dev.journeys.core.internal.moves.PlacementStorage;
import dev.journeys.core.internal.status.ContactStatuses;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Makes the API of one tenant from the engine's singletons. */
@Singleton
final class TenantServices {

    private final JourneyDefinitions definitions;
    private final PlacementStorage placed;
    private final JourneyCatalog catalog;
    private final MovePath moves;
    private final PlacementCache placements;
    private final ListenerHub listeners;
    private final ContactStatuses statuses;
    private final AutomationEngine automations;
    private final AutomationDefinitions automationDefinitions;
    private final AutomationStorage automationStorage;
    private final AsyncEvents async;
    private final ImportEngine imports;
    private final ImportUndo undo;
    private final RunningImports running;
    private final ImportStorage importStorage;
    private final DashboardStorage dashboardStorage;
    private final SdkState state;

    @Inject
    TenantServices(JourneyDefinitions definitions, PlacementStorage placed, JourneyCatalog catalog, MovePath moves,
                   PlacementCache placements, ListenerHub listeners, ContactStatuses statuses, AutomationEngine automations,
                   AutomationDefinitions automationDefinitions, AutomationStorage automationStorage, AsyncEvents async,
                   ImportEngine imports, ImportUndo undo, RunningImports running, ImportStorage importStorage,
                   DashboardStorage dashboardStorage, SdkState state) {
        this.definitions = definitions;
        this.placed = placed;
        this.catalog = catalog;
        this.moves = moves;
        this.placements = placements;
        this.listeners = listeners;
        this.statuses = statuses;
        this.automations = automations;
        this.automationDefinitions = automationDefinitions;
        this.automationStorage = automationStorage;
        this.async = async;
        this.imports = imports;
        this.undo = undo;
        this.running = running;
        this.importStorage = importStorage;
        this.dashboardStorage = dashboardStorage;
        this.state = state;
    }

    JourneyService of(String tenant) {
        return new TenantJourneyService(tenant, state, definitions, placed, catalog, moves, placements, listeners, statuses,
                new TenantAutomationService(tenant, state, automations, automationDefinitions, automationStorage, async),
                new TenantImportService(tenant, state, imports, undo, running, importStorage),
                new TenantDashboardService(tenant, state, dashboardStorage, placed, catalog, moves));
    }
}
