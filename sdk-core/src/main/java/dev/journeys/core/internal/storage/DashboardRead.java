package dev.journeys.core.internal.storage;

import dev.journeys.api.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a dashboard query needs read, all in one snapshot: the folded populations and the journey's
 * unfolded history always; folded flows from an instant on (hourly or daily) when asked; folded moves of
 * whole hours in a range when asked; and every transition, folded or not, effective in the given ranges.
 */
public record DashboardRead(Optional<Instant> flowsFrom, boolean hourlyFlows, Optional<TimeRange> moveHours,
                            List<TimeRange> exact) {

    public static DashboardRead countsOnly() {
        return new DashboardRead(Optional.empty(), false, Optional.empty(), List.of());
    }
}
