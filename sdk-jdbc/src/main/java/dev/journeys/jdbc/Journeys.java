package dev.journeys.jdbc;

import dev.journeys.api.JourneysSdk;

/**
 * Starts the SDK.
 *
 * <pre>{@code
 * try (JourneysSdk sdk = Journeys.configure().load()) {          // embedded H2, in memory
 *     JourneyService journeys = sdk.defaultTenant();
 * }
 * Journeys.configure().h2File(Path.of("data/journeys")).load();  // H2, kept across restarts
 * Journeys.configure().jdbcUrl("jdbc:postgresql://db/app").credentials("app", "secret").load();
 * Journeys.configure().dataSource(hostPool).load();                // PostgreSQL or H2, pool owned by the host
 * }</pre>
 */
public final class Journeys {

    private Journeys() {
    }

    public static JourneysConfiguration configure() {
        return new JourneysConfiguration();
    }

    /** Same as {@code configure().load()}: embedded H2 in memory with every default. */
    public static JourneysSdk start() {
        return configure().load();
    }
}
