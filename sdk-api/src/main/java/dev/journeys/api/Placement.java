package dev.journeys.api;

import java.time.Instant;

/** Where a contact is now in one journey. */
public record Placement(String contactKey, JourneyId journeyId, StageId stageId, Instant enteredAt, long version) {
}
