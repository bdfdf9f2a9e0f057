package dev.journeys.core.internal.automation;

import dev.journeys.api.Outcome;
import dev.journeys.api.RunDecision;
import dev.journeys.api.RunLogQuery;
import dev.journeys.api.RunRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Automations and the run log.
 * Failures surface as {@code JourneysException}s and leave nothing written.
 */
public interface AutomationStorage {

    StoredAutomation createAutomation(String tenant, String name, String triggerType, List<StoredCondition> conditions,
                                      List<Outcome> outcomes, boolean enabled, Instant now);

    /** The tenant's automations, of one trigger type when given, ordered by id. */
    List<StoredAutomation> automations(String tenant, Optional<String> triggerType);

    Optional<StoredAutomation> automation(String tenant, long id);

    Optional<StoredAutomation> setAutomationEnabled(String tenant, long id, boolean enabled);

    /**
     * Newest first, records older than {@code beforeId} when given, at most {@code limit};
     * {@link RunDecision.NotMatched} records carry a null condition for the engine to fill in.
     */
    List<RunRecord> runLog(String tenant, RunLogQuery query, Optional<Long> beforeId, int limit);

    /** Whether an attempt at the event applied it in the tenant: a later delivery is a duplicate. */
    boolean eventApplied(String tenant, String eventId);
}
