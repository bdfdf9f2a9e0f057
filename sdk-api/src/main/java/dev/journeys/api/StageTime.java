package dev.journeys.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Time-in-stage facts for one contact and one stage, derived from history alone.
 *
 * @param lastExitedAt empty while the contact has never left the stage
 * @param latestTimeIn length of the most recent completed stay; empty during the first stay
 * @param cumulativeTimeIn all stays added up, the current one counted up to {@code asOf}
 * @param current whether the contact is in the stage now
 */
public record StageTime(
        StageId stage,
        Instant firstEnteredAt,
        Optional<Instant> lastExitedAt,
        Optional<Duration> latestTimeIn,
        Duration cumulativeTimeIn,
        int entries,
        boolean current,
        Instant asOf) {
}
