package dev.journeys.api;

import java.util.List;

/**
 * The moves effective in a time range, by what made them. A move into the journey is an entry; to a later
 * stage, progress; to an earlier one, a regression; out of the journey, an exit.
 */
public record Movements(JourneyId journey, TimeRange range, List<BySource> sources) {

    public Movements {
        sources = List.copyOf(sources);
    }

    /**
     * @param kind {@code MANUAL}, {@code AUTOMATION}, {@code IMPORT}, {@code SYSTEM} or {@code UNDO}
     * @param ref the actor, automation id, import job id, plugin key or undone job id
     */
    public record BySource(String kind, String ref, long entered, long progressed, long regressed, long exited) {
        public long total() {
            return entered + progressed + regressed + exited;
        }
    }
}
