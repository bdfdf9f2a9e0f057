package dev.journeys.core.internal.dashboard;

import dev.journeys.api.StageId;
import dev.journeys.api.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One snapshot of a journey's dashboard aggregates, as {@link DashboardRead} asked.
 *
 * @param populations folded contacts per stage
 * @param flows folded entries ([0]) and exits ([1]) per bucket start and stage
 * @param moves folded moves per hour, source and stage pair
 * @param unfolded the journey's history that is not folded yet, in commit order
 * @param exact every transition effective in the read's exact ranges, folded or not
 * @param paths folded contacts per cohort day and path
 * @param conversions folded contacts ([0]) and seconds ([1]) per conversion key, for the pair asked
 * @param occupancy folded contacts per stage and entry hour
 * @param tail what the unfolded history adds to the three above; null when none was asked
 */
public record DashboardSlice(Map<StageId, Long> populations, Map<Instant, Map<StageId, long[]>> flows,
                             Map<FlowDelta.MoveKey, Long> moves, List<Transition> unfolded, List<Transition> exact,
                             Map<ContactFold.PathKey, Long> paths, Map<ContactFold.ConversionKey, long[]> conversions,
                             Map<ContactFold.OccupancyKey, Long> occupancy, ContactFold tail) {
}
