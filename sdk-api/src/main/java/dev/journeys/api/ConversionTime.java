package dev.journeys.api;

import java.time.Duration;
import java.util.Optional;

/**
 * How long contacts took from their first entry into one stage to their first entry into another, among
 * those that did both in that order. Empty statistics when nobody did. The median and the 90th percentile
 * are kept in duration buckets 5% wide, so they are within 2.5% of the exact value; the mean is exact to
 * the second.
 */
public record ConversionTime(JourneyId journey, StageId from, StageId to, Optional<TimeRange> cohort, long contacts,
                             Optional<Duration> median, Optional<Duration> p90, Optional<Duration> mean) {
}
