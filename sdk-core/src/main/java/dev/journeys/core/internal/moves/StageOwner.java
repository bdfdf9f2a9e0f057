package dev.journeys.core.internal.moves;

import dev.journeys.api.JourneyRef;
import dev.journeys.api.StageRef;

/** The journey a stage belongs to, removed stages included, as a refusal names them. */
public record StageOwner(JourneyRef journey, StageRef stage) {
}
