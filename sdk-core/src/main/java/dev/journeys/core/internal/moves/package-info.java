/**
 * The one path every move takes ({@link dev.journeys.core.internal.moves.MovePath}): the rules as a pure
 * function ({@link dev.journeys.core.internal.moves.MoveRules}), the journey definitions and placements it
 * decides on, and their caches, which follow commits. Every source (manual moves, automations, imports,
 * undo, status changes, stage removal) plans a batch and hands it to the path.
 *
 * <p>Internal: not a supported API, and anything here may change at any time, in any release. Hosts use
 * {@code dev.journeys.api}; plugins use {@code dev.journeys.spi}.
 */
package dev.journeys.core.internal.moves;
