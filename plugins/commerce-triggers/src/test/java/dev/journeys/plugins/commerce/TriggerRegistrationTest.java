package dev.journeys.plugins.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.spi.TriggerPlugin;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** A host that opts in to discovery finds this jar's triggers through META-INF/services, and only them. */
class TriggerRegistrationTest {

    @Test
    void serviceLoaderFindsBothOrderTriggers() {
        List<Class<?>> found = ServiceLoader.load(TriggerPlugin.class).stream()
                .<Class<?>>map(ServiceLoader.Provider::type)
                .toList();

        assertThat(found).containsExactlyInAnyOrder(OrderCreatedTrigger.class, OrderStatusChangedTrigger.class);
    }

    @Test
    void keysFollowTheSpiForm() {
        assertThat(ServiceLoader.load(TriggerPlugin.class))
                .extracting(TriggerPlugin::key)
                .doesNotHaveDuplicates()
                .allMatch(key -> key.matches("[a-z]+(\\.[a-z_]+)+"));
    }
}
