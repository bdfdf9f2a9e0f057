package dev.journeys.core.internal.status;

import dev.journeys.api.ConfigurationException;
import dev.journeys.api.Journey;
import dev.journeys.core.internal.config.CoreSettings;
import dev.journeys.core.internal.moves.JourneyCatalog;
import dev.journeys.core.internal.moves.MovePath;
import dev.journeys.spi.SystemJourneyPlugin;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The system journeys of every tenant: provisioned when the SDK starts for the tenants it knows, and on
 * first use for a tenant it meets later. Storage makes provisioning idempotent across instances.
 */
@Singleton
public final class SystemJourneys {

    private final StatusStorage storage;
    private final JourneyCatalog catalog;
    private final MovePath moves;
    private final Map<String, SystemJourneyPlugin> plugins = new LinkedHashMap<>();
    /** Per tenant, plugin key to the tenant's journey id, once provisioned by this instance. */
    private final ConcurrentHashMap<String, Map<String, Journey>> provisioned = new ConcurrentHashMap<>();

    @Inject
    SystemJourneys(StatusStorage storage, JourneyCatalog catalog, MovePath moves, CoreSettings settings) {
        this.storage = storage;
        this.catalog = catalog;
        this.moves = moves;
        for (SystemJourneyPlugin plugin : settings.systemJourneys()) {
            SystemJourneyPlugin clash = plugins.putIfAbsent(plugin.key(), plugin);
            if (clash != null) {
                throw new ConfigurationException("two system-journey plugins share the key '" + plugin.key() + "': "
                        + clash.getClass().getName() + " and " + plugin.getClass().getName());
            }
            check(plugin);
        }
    }

    private static void check(SystemJourneyPlugin plugin) {
        if (plugin.version() < 1 || plugin.stages() == null || plugin.stages().isEmpty() || plugin.attribute() == null) {
            throw new ConfigurationException("system-journey plugin " + plugin.key()
                    + " needs a version of at least 1, one stage or more, and an attribute");
        }
    }

    /** Provisions for every tenant the database knows; called once at start. */
    public void provisionKnownTenants() {
        if (!plugins.isEmpty()) {
            storage.tenants().forEach(this::ensure);
        }
    }

    /** Registers the tenant and provisions its system journeys, once per instance. */
    public Map<String, Journey> ensure(String tenant) {
        return provisioned.computeIfAbsent(tenant, t -> {
            storage.registerTenant(t, moves.now());
            Map<String, Journey> journeys = new HashMap<>();
            for (SystemJourneyPlugin plugin : plugins.values()) {
                Journey journey = storage.provisionSystemJourney(t, new SystemJourneyDefinition(plugin.key(),
                        plugin.displayName(), plugin.version(), plugin.stages(), plugin.requiresSequence()), moves.now());
                journeys.put(plugin.key(), catalog.offer(t, journey));
            }
            return journeys;
        });
    }

    /** The plugins that follow {@code attribute}, in registration order. */
    List<SystemJourneyPlugin> following(String attribute) {
        return plugins.values().stream().filter(p -> p.attribute().equals(attribute)).toList();
    }
}
