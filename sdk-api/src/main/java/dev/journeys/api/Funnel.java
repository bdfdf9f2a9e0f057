package dev.journeys.api;

import java.util.List;
import java.util.Optional;

/**
 * How many contacts reached each stage, in the journey's current order.
 *
 * @param cohort when present, only contacts whose first move into the journey is effective on a UTC day
 *        that starts within it
 * @param contacts the contacts counted: those that ever entered the journey (within the cohort)
 */
public record Funnel(JourneyId journey, Order order, Optional<TimeRange> cohort, long contacts, List<Step> steps) {

    public Funnel {
        steps = List.copyOf(steps);
    }

    public enum Order {
        /** A contact counts at a stage only if it also reached every stage before it: a skip ends its run. */
        ORDERED,
        /** A contact counts at every stage it ever reached. */
        ANY_ORDER
    }

    /**
     * @param reached contacts counted at this stage
     * @param stepConversion {@code reached} over the previous step's; 1 for the first step (0 when nobody)
     * @param cumulativeConversion {@code reached} over the first step's
     */
    public record Step(StageId stage, long reached, double stepConversion, double cumulativeConversion) {
    }
}
