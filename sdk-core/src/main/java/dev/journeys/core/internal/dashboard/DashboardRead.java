package dev.journeys.core.internal.dashboard;

import dev.journeys.api.StageId;
import dev.journeys.api.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a dashboard query needs read, all in one snapshot: the folded populations and the journey's
 * unfolded history always; folded flows from an instant on (hourly or daily) when asked; folded moves of
 * whole hours in a range when asked; every transition, folded or not, effective in the given ranges; and
 * the per-contact sums (funnel paths, conversions between one pair of stages, occupancy) when asked, with
 * what the unfolded history adds to them. Conversions come per cohort day only when
 * {@code conversionCohorts}; otherwise the folded ones come summed over all cohorts, keyed by the cohort
 * day {@link Instant#EPOCH}, which is cheaper by the number of cohort days.
 */
public record DashboardRead(Optional<Instant> flowsFrom, boolean hourlyFlows, Optional<TimeRange> moveHours,
                            List<TimeRange> exact, boolean paths, Optional<List<StageId>> conversionPair,
                            boolean conversionCohorts, boolean occupancy) {

    public DashboardRead(Optional<Instant> flowsFrom, boolean hourlyFlows, Optional<TimeRange> moveHours,
                         List<TimeRange> exact) {
        this(flowsFrom, hourlyFlows, moveHours, exact, false, Optional.empty(), false, false);
    }

    public static DashboardRead countsOnly() {
        return new DashboardRead(Optional.empty(), false, Optional.empty(), List.of());
    }

    public static DashboardRead forPaths() {
        return new DashboardRead(Optional.empty(), false, Optional.empty(), List.of(), true, Optional.empty(), false, false);
    }

    public static DashboardRead forConversions(StageId from, StageId to, boolean byCohort) {
        return new DashboardRead(Optional.empty(), false, Optional.empty(), List.of(), false,
                Optional.of(List.of(from, to)), byCohort, false);
    }

    public static DashboardRead forOccupancy() {
        return new DashboardRead(Optional.empty(), false, Optional.empty(), List.of(), false, Optional.empty(), false, true);
    }
}
