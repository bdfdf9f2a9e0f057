package dev.journeys.core.internal.storage;

import dev.journeys.api.RunDecision;
import java.time.Instant;

/**
 * A run-log line to write with an event. For a {@link RunDecision.Moved} decision, {@code moveIndex}
 * points into the event's moves and storage fills in the transition id it gets; otherwise it is -1.
 * For {@link RunDecision.NotMatched}, only the condition's index and the detail are stored.
 */
public record RunRow(long automationId, String eventId, String triggerType, String contactKey, Instant recordedAt,
                     int chainDepth, RunDecision decision, int moveIndex) {
}
