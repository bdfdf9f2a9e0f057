package dev.journeys.jdbc.internal;

import com.google.inject.AbstractModule;
import dev.journeys.core.internal.CoreModule;
import dev.journeys.core.internal.automation.AutomationStorage;
import dev.journeys.core.internal.config.CoreSettings;
import dev.journeys.core.internal.dashboard.DashboardStorage;
import dev.journeys.core.internal.imports.ImportStorage;
import dev.journeys.core.internal.moves.JourneyStorage;
import dev.journeys.core.internal.moves.PlacementStorage;
import dev.journeys.core.internal.status.StatusStorage;
import dev.journeys.core.internal.storage.MoveStorage;
import dev.journeys.core.internal.storage.StorageLifecycle;

/**
 * Wires the engine onto JDBC storage. Side-effect free: nothing connects until the runtime's start,
 * or until {@link #openDatabase()} when a caller wants to overlap that with building the injector.
 */
public final class JdbcModule extends AbstractModule {

    private final CoreSettings core;
    private final JdbcStorage storage;

    public JdbcModule(CoreSettings core, DatabaseSettings database) {
        this.core = core;
        this.storage = new JdbcStorage(database, core);
    }

    @Override
    protected void configure() {
        install(new CoreModule(core));
        bind(StorageLifecycle.class).toInstance(storage);
        bind(MoveStorage.class).toInstance(storage.moves);
        bind(JourneyStorage.class).toInstance(storage.journeys);
        bind(PlacementStorage.class).toInstance(storage.placements);
        bind(AutomationStorage.class).toInstance(storage.automations);
        bind(StatusStorage.class).toInstance(storage.statuses);
        bind(ImportStorage.class).toInstance(storage.imports);
        bind(DashboardStorage.class).toInstance(storage.dashboard);
    }

    /** Connects and migrates now; the runtime's start then finds the database ready. Idempotent. */
    public void openDatabase() {
        storage.open();
    }

    /** Releases what {@link #openDatabase()} opened, for a start abandoned before the runtime existed. */
    public void closeDatabase() {
        storage.close();
    }
}
