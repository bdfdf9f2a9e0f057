package dev.journeys.core.internal;

import com.google.inject.AbstractModule;
import dev.journeys.api.JourneysSdk;
import dev.journeys.core.internal.config.CoreSettings;

/**
 * Wires the engine. Needs a binding for {@link dev.journeys.core.internal.storage.Storage} from a
 * storage module. Free of side effects: nothing connects or migrates until {@link SdkRuntime#start()}.
 */
public final class CoreModule extends AbstractModule {

    private final CoreSettings settings;

    public CoreModule(CoreSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(CoreSettings.class).toInstance(settings);
        bind(JourneysSdk.class).to(SdkRuntime.class);
    }
}
