package dev.journeys.core.internal.automation;

import dev.journeys.api.ConfigurationException;
import dev.journeys.api.InvalidInputException;
import dev.journeys.core.internal.config.CoreSettings;
import dev.journeys.core.internal.input.Inputs;
import dev.journeys.spi.TriggerPlugin;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every trigger the SDK knows, by key: the built-in ones and the host's plugins. */
@Singleton
final class TriggerRegistry {

    private final Map<String, TriggerPlugin> byKey = new LinkedHashMap<>();

    @Inject
    TriggerRegistry(CoreSettings settings) {
        List<TriggerPlugin> all = new ArrayList<>(BuiltInTriggers.all());
        all.addAll(settings.triggers());
        for (TriggerPlugin plugin : all) {
            TriggerPlugin clash = byKey.putIfAbsent(plugin.key(), plugin);
            if (clash != null) {
                throw new ConfigurationException("two trigger plugins share the key '" + plugin.key() + "': "
                        + clash.getClass().getName() + " and " + plugin.getClass().getName());
            }
        }
    }

    Optional<TriggerPlugin> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    TriggerPlugin get(String key) {
        Inputs.name("trigger type", key);
        return find(key).orElseThrow(() -> new InvalidInputException(
                "unknown trigger type '" + key + "'; known: " + String.join(", ", byKey.keySet())));
    }
}
