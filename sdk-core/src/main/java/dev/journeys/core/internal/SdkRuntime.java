package dev.journeys.core.internal;

import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneysSdk;
import dev.journeys.core.internal.automation.AsyncEvents;
import dev.journeys.core.internal.automation.AutomationEngine;
import dev.journeys.core.internal.dashboard.DashboardFolder;
import dev.journeys.core.internal.imports.RunningImports;
import dev.journeys.core.internal.input.Inputs;
import dev.journeys.core.internal.input.SdkState;
import dev.journeys.core.internal.moves.PlacementCache;
import dev.journeys.core.internal.status.SystemJourneys;
import dev.journeys.core.internal.storage.StorageLifecycle;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The running SDK. Start and stop live here, never in wiring. */
@Singleton
public final class SdkRuntime implements JourneysSdk {

    private final StorageLifecycle storage;
    private final PlacementCache placements;
    private final SystemJourneys systemJourneys;
    private final AsyncEvents async;
    private final RunningImports runningImports;
    private final DashboardFolder folder;
    private final TenantServices services;
    private final SdkState state;
    private final ConcurrentMap<String, JourneyService> tenants = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * The automation engine is asked for so that it is built, and has hooked itself onto the move path, before
     * any move commits.
     */
    @Inject
    SdkRuntime(StorageLifecycle storage, PlacementCache placements, SystemJourneys systemJourneys, AsyncEvents async,
               RunningImports runningImports, DashboardFolder folder, TenantServices services, SdkState state,
               AutomationEngine automations) {
        this.storage = storage;
        this.placements = placements;
        this.systemJourneys = systemJourneys;
        this.async = async;
        this.runningImports = runningImports;
        this.folder = folder;
        this.services = services;
        this.state = state;
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
        state.check();
        Inputs.tenant(tenant);
        return tenants.computeIfAbsent(tenant, t -> {
            systemJourneys.ensure(t);
            return services.of(t);
        });
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // From here on every call is refused; what is already running ends first.
            state.close();
            // Queued events and running imports end before the database goes away.
            runningImports.close();
            async.close();
            folder.close();
            storage.close();
        }
    }
}
