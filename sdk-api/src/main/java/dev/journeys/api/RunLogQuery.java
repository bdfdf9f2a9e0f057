package dev.journeys.api;

import java.time.Instant;
import java.util.Optional;

/**
 * Filters on the run log; every filter left empty matches everything. Records come newest first, a page at a
 * time ({@link AutomationService#runLog}).
 */
public record RunLogQuery(Optional<Long> automationId, Optional<String> contactKey, Optional<String> eventId,
                          Optional<Instant> from, Optional<Instant> until) {

    public static RunLogQuery all() {
        return new RunLogQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public RunLogQuery automation(long id) {
        return new RunLogQuery(Optional.of(id), contactKey, eventId, from, until);
    }

    public RunLogQuery contact(String key) {
        return new RunLogQuery(automationId, Optional.of(key), eventId, from, until);
    }

    public RunLogQuery event(String id) {
        return new RunLogQuery(automationId, contactKey, Optional.of(id), from, until);
    }

    /** Records at or after {@code start} and before {@code end}. */
    public RunLogQuery between(Instant start, Instant end) {
        return new RunLogQuery(automationId, contactKey, eventId, Optional.of(start), Optional.of(end));
    }
}
