package dev.journeys.api;

/**
 * A running SDK: one per process, shared by every tenant. Closing it releases the database pool and
 * any background threads; services obtained from it must not be used afterwards.
 */
public interface JourneysSdk extends AutoCloseable {

    /** The tenant that single-tenant hosts use without naming one. */
    String DEFAULT_TENANT = "default";

    /**
     * The API of one tenant. Nothing reachable through it belongs to another tenant, whatever ids the
     * caller passes.
     *
     * @param tenant 1 to 64 characters of letters, digits, {@code -}, {@code _} or {@code .}
     * @throws InvalidInputException if the tenant name is malformed
     */
    JourneyService tenant(String tenant);

    /** Same as {@code tenant(DEFAULT_TENANT)}. */
    default JourneyService defaultTenant() {
        return tenant(DEFAULT_TENANT);
    }

    @Override
    void close();
}
