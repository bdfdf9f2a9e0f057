/**
 * The dashboard: the service, the background fold's cadence, and its arithmetic as pure functions over a
 * journey's history and placements. {@link dev.journeys.core.internal.dashboard.HistoryReplay} replays the
 * history in effective-time order; it is the reference every faster structure must agree with.
 *
 * <p>Internal: not a supported API, and anything here may change at any time, in any release. Hosts use
 * {@code dev.journeys.api}; plugins use {@code dev.journeys.spi}.
 */
package dev.journeys.core.internal.dashboard;
