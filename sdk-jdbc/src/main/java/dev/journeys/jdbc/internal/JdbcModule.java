package dev.journeys.jdbc.internal;

import com.google.inject.AbstractModule;
import dev.journeys.core.internal.CoreModule;
import dev.journeys.core.internal.CoreSettings;
import dev.journeys.core.internal.storage.Storage;

/** Wires the engine onto JDBC storage. Side-effect free: connecting happens in the runtime's start. */
public final class JdbcModule extends AbstractModule {

    private final CoreSettings core;
    private final DatabaseSettings database;

    public JdbcModule(CoreSettings core, DatabaseSettings database) {
        this.core = core;
        this.database = database;
    }

    @Override
    protected void configure() {
        install(new CoreModule(core));
        bind(DatabaseSettings.class).toInstance(database);
        bind(Storage.class).to(JdbiStorage.class);
    }
}
