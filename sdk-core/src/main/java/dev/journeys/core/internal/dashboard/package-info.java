/**
 * The dashboard's arithmetic, as pure functions over a journey's history and placements: stage counts at
 * an instant, populations per bucket, funnels, time to convert, stalls and movement by source.
 * {@link dev.journeys.core.internal.dashboard.HistoryReplay} replays the history in effective-time order;
 * it is the reference every faster structure must agree with.
 *
 * <p>Internal: not a supported API, and anything here may change at any time, in any release. Hosts use
 * {@code dev.journeys.api}.
 */
package dev.journeys.core.internal.dashboard;
