package dev.journeys.core.internal.dashboard;

import dev.journeys.api.JourneyId;
import dev.journeys.api.Placement;
import dev.journeys.api.Transition;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The dashboard's reads, its background fold and its repair.
 * Failures surface as {@code JourneysException}s and leave nothing written.
 */
public interface DashboardStorage {

    /**
     * Streams the journey's history in effective-time order (ties by placement version), moves effective
     * at or before {@code upTo} only when given.
     */
    void forEachTransitionByEffectiveTime(String tenant, JourneyId journey, Optional<Instant> upTo,
                                          Consumer<Transition> each);

    /** Streams the journey's current placements. */
    void forEachPlacement(String tenant, JourneyId journey, Consumer<Placement> each);

    /**
     * Folds the next bounded chunk of committed history not folded yet into the dashboard's aggregates, in
     * one transaction that also moves the fold's mark; call again while it returns true. Safe with
     * several instances: one folds, the others return at once. A storage may do other background
     * catching-up of its own on this cadence (the JDBC storage files H2's run log by contact here).
     *
     * @return true when it folded a full chunk, so that more history may be waiting; false when it folded
     *         the rest, found nothing, or another folder or the writers held it off
     */
    boolean foldDashboard();

    /**
     * Runs {@code reads} so that every read it makes through this storage, on this thread, sees one snapshot
     * of the database: a check that compares the aggregates with the history must not see a move land between.
     */
    <T> T readConsistently(java.util.function.Supplier<T> reads);

    /** Reads a journey's dashboard aggregates, and what is not folded yet, in one snapshot. */
    DashboardSlice readDashboard(String tenant, JourneyId journey, DashboardRead read);

    /**
     * Replaces the journey's aggregates with those of its folded history, under the fold's lock: the
     * repair when a check finds them wrong.
     */
    void rebuildDashboard(String tenant, JourneyId journey);
}
