package dev.journeys.api;

/**
 * What kind of source made a move, one spelling for everything that names it: history, the dashboard's
 * movements, and the {@code source} attribute of {@code journey.stage_changed}. Names never change once
 * released.
 */
public enum SourceKind {
    /** A person, through the host ({@link Actor.Person}). */
    MANUAL,
    /** An integration, through the host ({@link Actor.Integration}). */
    INTEGRATION,
    /** An automation's outcome ({@link MoveSource.Automation}). */
    AUTOMATION,
    /** A row of an import job ({@link MoveSource.Import}). */
    IMPORT,
    /** A compensating move of an undone import ({@link MoveSource.ImportUndo}). */
    UNDO,
    /** A system journey's plugin ({@link MoveSource.SystemPlugin}). */
    SYSTEM,
    /** The relocation of a contact out of a removed stage ({@link MoveSource.StageRemoval}). */
    STAGE_REMOVAL
}
