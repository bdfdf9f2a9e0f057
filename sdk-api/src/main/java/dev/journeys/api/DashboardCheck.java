package dev.journeys.api;

import java.util.List;

/**
 * Whether a journey's dashboard aggregates agree with its history replayed from the start: stage counts,
 * daily populations over the whole history, and moves by source.
 *
 * @param differences what disagreed, as "what: aggregates X, history Y"; empty when consistent
 */
public record DashboardCheck(JourneyId journey, boolean consistent, List<String> differences) {

    public DashboardCheck {
        differences = List.copyOf(differences);
    }
}
