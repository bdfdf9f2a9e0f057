package dev.journeys.api;

import java.time.Instant;

/**
 * One line of the run log.
 *
 * @param chainDepth 0 for an event the host published, n for the n-th {@code journey.stage_changed} in a chain
 */
public record RunRecord(long id, long automationId, String eventId, String triggerType, String contactKey,
                        Instant recordedAt, int chainDepth, RunDecision decision) {
}
