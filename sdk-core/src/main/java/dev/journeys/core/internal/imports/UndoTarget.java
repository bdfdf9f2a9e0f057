package dev.journeys.core.internal.imports;

import dev.journeys.api.JourneyId;
import dev.journeys.api.StageId;
import java.util.Optional;

/**
 * One contact an import job moved in one journey: where it was before the job's first move of it, and
 * the placement version the job's last move of it produced.
 */
public record UndoTarget(JourneyId journeyId, String contactKey, Optional<StageId> before, long lastVersion) {
}
