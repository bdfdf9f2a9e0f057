package dev.journeys.api;

/**
 * Who or what caused a move. Every source goes through the same rules and writes the same history.
 */
public sealed interface MoveSource {

    /** A person acting from a contact's profile or an admin screen. */
    record Manual(String actor) implements MoveSource {
    }

    /** An automation reacting to a trigger event. */
    record Automation(long automationId, String eventId) implements MoveSource {
    }

    /** One line of a bulk import job. */
    record Import(long jobId, long line) implements MoveSource {
    }

    /**
     * A compensating move that reverts an import job, on behalf of {@code actor}. Only
     * {@link ImportService#undo} makes these; a move request carrying one is refused as invalid input.
     */
    record ImportUndo(long jobId, String actor) implements MoveSource {
    }

    /** A system-journey plugin, on behalf of {@code actor}. */
    record SystemPlugin(String pluginKey, String actor) implements MoveSource {
    }

    /**
     * The relocation of a contact out of a stage that {@code actor} removed. Only
     * {@link JourneyService#removeStage(JourneyId, StageId, StageId, MoveSource)} makes these.
     */
    record StageRemoval(StageId stage, String actor) implements MoveSource {
    }

    static MoveSource manual(String actor) {
        return new Manual(actor);
    }
}
