package dev.journeys.api;

import java.time.Instant;
import java.util.Objects;

/** The instants from {@code from} (included) to {@code to} (excluded). */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new InvalidInputException("a time range must end after it starts: " + from + " .. " + to);
        }
    }

    public static TimeRange of(Instant from, Instant to) {
        return new TimeRange(from, to);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
