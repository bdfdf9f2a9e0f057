package dev.journeys.core.internal.storage;

import dev.journeys.api.JourneyId;
import dev.journeys.api.StageId;

/**
 * Removes a stage in the same transaction as the moves that take its contacts elsewhere. The write is a
 * conflict, and nothing is written, when the journey is no longer at {@code journeyVersion}, the version the
 * moves were decided on, or when a contact is still in the stage after them: one entered it since the plan
 * was made.
 */
public record StageRemoval(JourneyId journey, long journeyVersion, StageId stage) {
}
