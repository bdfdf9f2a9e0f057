package dev.journeys.jdbc.internal.db;

import dev.journeys.api.MoveSource;

/** Flattens the sealed move source into three columns and back. */
public final class SourceCodec {

    private SourceCodec() {
    }

    public record Columns(String kind, String ref, String detail) {
    }

    public static Columns encode(MoveSource source) {
        if (source instanceof MoveSource.Manual m) {
            return new Columns("MANUAL", m.actor(), null);
        }
        if (source instanceof MoveSource.Automation a) {
            return new Columns("AUTOMATION", Long.toString(a.automationId()), a.eventId());
        }
        if (source instanceof MoveSource.Import i) {
            return new Columns("IMPORT", Long.toString(i.jobId()), Long.toString(i.line()));
        }
        if (source instanceof MoveSource.ImportUndo u) {
            return new Columns("UNDO", Long.toString(u.jobId()), u.actor());
        }
        if (source instanceof MoveSource.StageRemoval r) {
            return new Columns("STAGE_REMOVAL", Long.toString(r.stage().value()), r.actor());
        }
        MoveSource.SystemPlugin p = (MoveSource.SystemPlugin) source;
        return new Columns("SYSTEM", p.pluginKey(), p.actor());
    }

    static MoveSource decode(String kind, String ref, String detail) {
        return switch (kind) {
            case "MANUAL" -> new MoveSource.Manual(ref);
            case "AUTOMATION" -> new MoveSource.Automation(Long.parseLong(ref), detail);
            case "IMPORT" -> new MoveSource.Import(Long.parseLong(ref), Long.parseLong(detail));
            case "UNDO" -> new MoveSource.ImportUndo(Long.parseLong(ref), detail);
            case "SYSTEM" -> new MoveSource.SystemPlugin(ref, detail);
            case "STAGE_REMOVAL" -> new MoveSource.StageRemoval(new dev.journeys.api.StageId(Long.parseLong(ref)), detail);
            default -> throw new IllegalStateException("unknown source kind in history: " + kind);
        };
    }
}
