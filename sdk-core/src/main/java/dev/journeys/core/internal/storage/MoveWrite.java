package dev.journeys.core.internal.storage;

import dev.journeys.api.JourneyId;
import dev.journeys.api.MoveSource;
import dev.journeys.api.StageId;
import java.time.Instant;
import java.util.Optional;

/**
 * One accepted move, ready to be written: applies only if the placement is still at
 * {@code expectedVersion} and the journey definition still at {@code journeyVersion}.
 */
public record MoveWrite(
        JourneyId journeyId,
        long journeyVersion,
        String contactKey,
        long expectedVersion,
        Optional<StageId> from,
        Optional<StageId> to,
        Instant effectiveAt,
        Instant recordedAt,
        MoveSource source,
        Optional<String> note) {
}
