package dev.journeys.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** A length of time to group by, in UTC: weeks start on Monday, months on the first. */
public enum Bucket {
    HOUR, DAY, WEEK, MONTH;

    /** The start of the bucket that holds {@code instant}. */
    public Instant start(Instant instant) {
        return switch (this) {
            case HOUR -> instant.truncatedTo(ChronoUnit.HOURS);
            case DAY -> instant.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> day(instant).with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            case MONTH -> day(instant).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        };
    }

    /** The start of the bucket after the one starting at {@code start}. */
    public Instant next(Instant start) {
        return switch (this) {
            case HOUR -> start.plus(1, ChronoUnit.HOURS);
            case DAY -> start.plus(1, ChronoUnit.DAYS);
            case WEEK -> start.plus(7, ChronoUnit.DAYS);
            case MONTH -> day(start).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        };
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
