package dev.journeys.api;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the append-only history: a contact moved from {@code from} to {@code to}.
 * An empty {@code from} is an entry into the journey, an empty {@code to} an exit.
 *
 * @param effectiveAt when the move counts as having happened
 * @param recordedAt when the SDK wrote it
 * @param placementVersion the placement version this move produced; each version has one transition
 */
public record Transition(
        long id,
        JourneyId journeyId,
        String contactKey,
        Optional<StageId> from,
        Optional<StageId> to,
        Instant effectiveAt,
        Instant recordedAt,
        MoveSource source,
        Optional<String> note,
        long placementVersion) {
}
