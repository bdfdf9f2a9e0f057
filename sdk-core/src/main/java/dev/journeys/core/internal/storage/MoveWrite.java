package dev.journeys.core.internal.storage;

import dev.journeys.api.JourneyId;
import dev.journeys.api.MoveSource;
import dev.journeys.api.StageId;
import java.time.Instant;
import java.util.Optional;

/**
 * One accepted move, ready to be written: applies only if the placement is still at
 * {@code expectedVersion} and the journey definition still at {@code journeyVersion}.
 *
 * @param since when the placement at {@code expectedVersion} was entered; the history keeps it beside a
 *              move out of a stage, so that the dashboard need not look up the transition before
 */
public record MoveWrite(
        JourneyId journeyId,
        long journeyVersion,
        String contactKey,
        long expectedVersion,
        Instant since,
        Optional<StageId> from,
        Optional<StageId> to,
        Instant effectiveAt,
        Instant recordedAt,
        MoveSource source,
        Optional<String> note) {
}
