package dev.journeys.api;

/**
 * Who or what caused a move, as history records it. Every source goes through the same rules and writes
 * the same history. A host states only an {@link Actor}; the SDK makes every other kind, and no method of
 * the API takes one.
 */
public sealed interface MoveSource permits Actor, MoveSource.Automation, MoveSource.Import, MoveSource.ImportUndo,
        MoveSource.SystemPlugin, MoveSource.StageRemoval {

    SourceKind kind();

    /** An automation reacting to a trigger event. */
    record Automation(long automationId, String eventId) implements MoveSource {
        @Override
        public SourceKind kind() {
            return SourceKind.AUTOMATION;
        }
    }

    /** One line of a bulk import job. */
    record Import(long jobId, long line) implements MoveSource {
        @Override
        public SourceKind kind() {
            return SourceKind.IMPORT;
        }
    }

    /** A compensating move of {@link ImportService#undo}, which reverts an import job on behalf of {@code actor}. */
    record ImportUndo(long jobId, Actor actor) implements MoveSource {
        @Override
        public SourceKind kind() {
            return SourceKind.UNDO;
        }
    }

    /** A system journey's plugin, moving a contact because {@code actor} changed its status. */
    record SystemPlugin(String pluginKey, Actor actor) implements MoveSource {
        @Override
        public SourceKind kind() {
            return SourceKind.SYSTEM;
        }
    }

    /** The relocation of a contact out of {@code stage}, which {@code actor} removed. */
    record StageRemoval(StageId stage, Actor actor) implements MoveSource {
        @Override
        public SourceKind kind() {
            return SourceKind.STAGE_REMOVAL;
        }
    }
}
