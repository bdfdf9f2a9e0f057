package dev.journeys.jdbc.internal.db;

import dev.journeys.api.Actor;
import dev.journeys.api.MoveSource;
import dev.journeys.api.SourceKind;
import dev.journeys.api.StageId;

/**
 * Flattens the sealed move source into the history's columns and back: its kind, what it refers to, a detail,
 * and, for a source that carries an actor beside its reference (undo, system, stage removal), whether that
 * actor is a person or an integration.
 */
public final class SourceCodec {

    public static final String PERSON = "PERSON";
    public static final String INTEGRATION = "INTEGRATION";

    private SourceCodec() {
    }

    /** @param actorKind {@link #PERSON} or {@link #INTEGRATION} for a source that carries an actor; null otherwise */
    public record Columns(String kind, String ref, String detail, String actorKind) {
    }

    public static Columns encode(MoveSource source) {
        String kind = source.kind().name();
        if (source instanceof Actor actor) {
            return new Columns(kind, actor.name(), null, null);
        }
        if (source instanceof MoveSource.Automation a) {
            return new Columns(kind, Long.toString(a.automationId()), a.eventId(), null);
        }
        if (source instanceof MoveSource.Import i) {
            return new Columns(kind, Long.toString(i.jobId()), Long.toString(i.line()), null);
        }
        if (source instanceof MoveSource.ImportUndo u) {
            return new Columns(kind, Long.toString(u.jobId()), u.actor().name(), actorKind(u.actor()));
        }
        if (source instanceof MoveSource.StageRemoval r) {
            return new Columns(kind, Long.toString(r.stage().value()), r.actor().name(), actorKind(r.actor()));
        }
        MoveSource.SystemPlugin p = (MoveSource.SystemPlugin) source;
        return new Columns(kind, p.pluginKey(), p.actor().name(), actorKind(p.actor()));
    }

    public static MoveSource decode(String kind, String ref, String detail, String actorKind) {
        return switch (SourceKind.valueOf(kind)) {
            case MANUAL -> new Actor.Person(ref);
            case INTEGRATION -> new Actor.Integration(ref);
            case AUTOMATION -> new MoveSource.Automation(Long.parseLong(ref), detail);
            case IMPORT -> new MoveSource.Import(Long.parseLong(ref), Long.parseLong(detail));
            case UNDO -> new MoveSource.ImportUndo(Long.parseLong(ref), actor(actorKind, detail));
            case SYSTEM -> new MoveSource.SystemPlugin(ref, actor(actorKind, detail));
            case STAGE_REMOVAL -> new MoveSource.StageRemoval(new StageId(Long.parseLong(ref)), actor(actorKind, detail));
        };
    }

    public static String actorKind(Actor actor) {
        return actor instanceof Actor.Integration ? INTEGRATION : PERSON;
    }

    /** Rows written before actors had kinds, with no kind, were persons'. */
    public static Actor actor(String actorKind, String name) {
        return INTEGRATION.equals(actorKind) ? new Actor.Integration(name) : new Actor.Person(name);
    }
}
