package dev.journeys.jdbc.internal;

import com.google.inject.AbstractModule;
import dev.journeys.core.internal.CoreModule;
import dev.journeys.core.internal.CoreSettings;
import dev.journeys.core.internal.storage.Storage;

/**
 * Wires the engine onto JDBC storage. Side-effect free: nothing connects until the runtime's start,
 * or until {@link #openDatabase()} when a caller wants to overlap that with building the injector.
 */
public final class JdbcModule extends AbstractModule {

    private final CoreSettings core;
    private final JdbiStorage storage;

    public JdbcModule(CoreSettings core, DatabaseSettings database) {
        this.core = core;
        this.storage = new JdbiStorage(database, core);
    }

    @Override
    protected void configure() {
        install(new CoreModule(core));
        bind(Storage.class).toInstance(storage);
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
