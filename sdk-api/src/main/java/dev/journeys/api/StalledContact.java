package dev.journeys.api;

import java.time.Duration;
import java.time.Instant;

/** A contact in a stage, and how long it has been there. */
public record StalledContact(String contactKey, StageId stage, Instant enteredAt, Duration timeInStage) {
}
