package dev.journeys.api;

/**
 * One stage of a journey.
 *
 * @param position zero-based place in the journey's current order
 */
public record Stage(StageId id, String name, int position) {
}
