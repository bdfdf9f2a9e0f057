package dev.journeys.core.internal.status;

import dev.journeys.api.Journey;
import dev.journeys.api.StatusChange;
import java.time.Instant;
import java.util.List;

/**
 * Tenants, their system journeys, and contact statuses as they are read; a status is written with the moves it causes, through the move path.
 * Failures surface as {@code JourneysException}s and leave nothing written.
 */
public interface StatusStorage {

    /** Remembers a tenant; idempotent and safe when several instances do it at once. */
    void registerTenant(String tenant, Instant now);

    List<String> tenants();

    /**
     * Creates the tenant's copy of a system journey, or upgrades it in place to {@code definition}'s
     * version by appending the stages it lacks. Idempotent, and safe when several instances do it at once.
     */
    Journey provisionSystemJourney(String tenant, SystemJourneyDefinition definition, Instant now);

    StatusState loadStatus(String tenant, String contactKey);

    List<StatusChange> statusHistory(String tenant, String contactKey);
}
