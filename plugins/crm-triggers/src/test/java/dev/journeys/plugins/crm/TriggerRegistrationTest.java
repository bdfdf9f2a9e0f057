package dev.journeys.plugins.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.spi.TriggerPlugin;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** A host that opts in to discovery finds this jar's trigger through META-INF/services, and only it. */
class TriggerRegistrationTest {

    @Test
    void serviceLoaderFindsTheDealTrigger() {
        List<Class<?>> found = ServiceLoader.load(TriggerPlugin.class).stream()
                .<Class<?>>map(ServiceLoader.Provider::type)
                .toList();

        assertThat(found).containsExactly(DealStageChangedTrigger.class);
    }

    @Test
    void keyFollowsTheSpiForm() {
        assertThat(ServiceLoader.load(TriggerPlugin.class))
                .extracting(TriggerPlugin::key)
                .allMatch(key -> key.matches("[a-z]+(\\.[a-z_]+)+"));
    }
}
