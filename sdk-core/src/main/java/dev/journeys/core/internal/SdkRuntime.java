package dev.journeys.core.internal;

import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneysSdk;
import dev.journeys.core.internal.storage.Storage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The running SDK. Start and stop live here, never in wiring. */
@Singleton
public final class SdkRuntime implements JourneysSdk {

    private final Storage storage;
    private final JourneyCatalog catalog;
    private final MovePath moves;
    private final PlacementCache placements;
    private final ListenerHub listeners;
    private final AutomationEngine automations;
    private final AutomationDefinitions definitions;
    private final AsyncEvents async;
    private final SystemJourneys systemJourneys;
    private final ContactStatuses statuses;
    private final ImportEngine imports;
    private final ImportUndo undo;
    private final RunningImports runningImports;
    private final DashboardFolder folder;
    private final ConcurrentMap<String, JourneyService> tenants = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    @Inject
    SdkRuntime(Storage storage, JourneyCatalog catalog, MovePath moves, PlacementCache placements,
               ListenerHub listeners, AutomationEngine automations, AutomationDefinitions definitions,
               AsyncEvents async, SystemJourneys systemJourneys, ContactStatuses statuses, ImportEngine imports,
               ImportUndo undo, RunningImports runningImports, DashboardFolder folder) {
        this.storage = storage;
        this.catalog = catalog;
        this.moves = moves;
        this.placements = placements;
        this.listeners = listeners;
        this.automations = automations;
        this.definitions = definitions;
        this.async = async;
        this.systemJourneys = systemJourneys;
        this.statuses = statuses;
        this.imports = imports;
        this.undo = undo;
        this.runningImports = runningImports;
        this.folder = folder;
    }

    /** Migrates the schema and provisions the system journeys of every tenant already known. Idempotent. */
    public SdkRuntime start() {
        if (started.compareAndSet(false, true)) {
            storage.start(placements);
            systemJourneys.provisionKnownTenants();
            folder.start();
        }
        return this;
    }

    @Override
    public JourneyService tenant(String tenant) {
        Inputs.tenant(tenant);
        return tenants.computeIfAbsent(tenant, t -> {
            systemJourneys.ensure(t);
            return new TenantJourneyService(t, storage, catalog, moves, placements, listeners,
                    new TenantAutomationService(t, automations, definitions, storage, async), statuses,
                    new TenantImportService(t, imports, undo, runningImports, storage));
        });
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // Queued events and running imports end before the database goes away.
            runningImports.close();
            async.close();
            folder.close();
            storage.close();
        }
    }
}
