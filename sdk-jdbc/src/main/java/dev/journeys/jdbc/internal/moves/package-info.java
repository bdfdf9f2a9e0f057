/**
 * The one writer of placements and history ({@link dev.journeys.jdbc.internal.moves.BatchWriter}), behind
 * the move path's transaction; the reads of placements and history; and how commits reach every SDK instance.
 *
 * <p>Internal: not a supported API, and anything here may change at any time, in any release. Hosts use
 * {@code dev.journeys.jdbc.Journeys} and {@code dev.journeys.api}.
 */
package dev.journeys.jdbc.internal.moves;
