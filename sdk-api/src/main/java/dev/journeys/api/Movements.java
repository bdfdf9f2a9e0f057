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
     * @param kind what made the moves
     * @param ref by kind: the person's or integration's name, the automation id, the import job id, the undone
     *            job id, the plugin key, or the removed stage's id
     */
    public record BySource(SourceKind kind, String ref, long entered, long progressed, long regressed, long exited) {
        public long total() {
            return entered + progressed + regressed + exited;
        }
    }
}
