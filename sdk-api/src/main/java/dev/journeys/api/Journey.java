package dev.journeys.api;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of a journey's definition. Values never change; a definition change yields a new
 * snapshot with a higher {@code version}.
 *
 * @param requiresSequence contacts enter at the first stage and advance one stage at a time; without it, any
 *        move between stages is taken, forward, backward or skipping, and a contact may enter at any stage
 * @param allowsBackward in a journey that requires its sequence, contacts may also go back to any earlier
 *        stage; it changes nothing in a journey without a required sequence, where backward moves are always taken
 * @param stages the current stages in order; removed stages are not listed but stay in history
 */
public record Journey(
        JourneyId id,
        String name,
        Kind kind,
        boolean requiresSequence,
        boolean allowsBackward,
        boolean archived,
        List<Stage> stages,
        long version) {

    /** Custom journeys belong to the host's users; system journeys are managed by the SDK alone. */
    public enum Kind { CUSTOM, SYSTEM }

    public Journey {
        stages = List.copyOf(stages);
    }

    public Optional<Stage> stage(StageId stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    public Optional<Stage> stageNamed(String stageName) {
        String wanted = stageName.strip();
        return stages.stream().filter(s -> s.name().equalsIgnoreCase(wanted)).findFirst();
    }

    public Stage firstStage() {
        return stages.get(0);
    }
}
