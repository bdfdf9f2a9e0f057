package dev.journeys.samples.csvimport;

import dev.journeys.api.Actor;
import dev.journeys.api.ImportJob;
import dev.journeys.api.ImportReport;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyService;
import dev.journeys.api.MoveSource;
import dev.journeys.api.RowRejection;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.Transition;
import dev.journeys.api.UndoReport;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints what the CSV import sample does, with stage and journey ids turned back into names. */
final class Report {

    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String REJECTION_LINE = "    %-5s %-12s %-24s %-21s %s%n";
    private static final String JOB_LINE = "  %-4s %-12s %-11s %-28s %-6s %8s %8s %6s %6s  %s%n";

    private final JourneyService journeys;
    private final PrintStream out;

    Report(JourneyService journeys, PrintStream out) {
        this.journeys = journeys;
        this.out = out;
    }

    PrintStream out() {
        return out;
    }

    void title(String text) {
        out.println(text);
        out.println("=".repeat(text.length()));
    }

    void section(String text) {
        out.println();
        out.println(text);
        out.println("-".repeat(text.length()));
    }

    void line(String text) {
        out.println("  " + text);
    }

    void closing(String text) {
        out.println();
        out.println(text);
    }

    void journeys(Journey... defined) {
        for (Journey journey : defined) {
            out.printf("  %-18s %-12s %s%n", journey.name(),
                    journey.requiresSequence() ? "in sequence" : "any order",
                    journey.stages().stream().map(Stage::name).collect(Collectors.joining(" -> ")));
        }
    }

    // ---- Imports ---------------------------------------------------------------------------------

    /** The counts, warnings and, when asked, each rejected row of an import. */
    void importReport(String file, ImportReport r, boolean listRejections) {
        out.printf("  %s, %s: %s in %s%s%n", file, r.mode(), r.outcome(),
                duration(Duration.between(r.startedAt(), r.finishedAt())),
                r.jobId().map(id -> ", job " + id).orElse(", no job recorded"));
        out.printf("  rows read %,d = moved %,d + unchanged %,d + rejected %,d; moves committed %,d%n",
                r.rowsRead(), r.moved(), r.unchanged(), r.rejected(), r.movesCommitted());
        r.failure().ifPresent(f -> out.println("  failure: " + f));
        for (String warning : r.warnings()) {
            out.println("  warning: " + warning);
        }
        if (listRejections && !r.rejections().isEmpty()) {
            rejections(r.rejections());
            if (r.rejectionsTruncated()) {
                out.printf("    ... and %,d more%n", r.rejected() - r.rejections().size());
            }
        }
    }

    void rejections(List<RowRejection> rejections) {
        out.printf(REJECTION_LINE, "line", "column", "value", "code", "reason");
        for (RowRejection r : rejections) {
            out.printf(REJECTION_LINE, r.line(), r.column().orElse("(row)"),
                    r.value().map(Report::quoted).orElse("-"), r.code(), r.message());
        }
    }

    void jobs(List<ImportJob> newestFirst) {
        out.printf(JOB_LINE, "job", "status", "mode", "file", "actor", "rows", "moved", "unch.", "rej.", "started");
        for (ImportJob j : newestFirst) {
            out.printf(JOB_LINE, j.id(), j.status(), j.mode(), j.fileName(), j.actor().name(),
                    String.format("%,d", j.rowsRead()), String.format("%,d", j.moved()),
                    String.format("%,d", j.unchanged()), String.format("%,d", j.rejected()),
                    TIME.format(j.startedAt()) + j.undoneAt().map(at -> "  undone at " + TIME.format(at)).orElse(""));
        }
    }

    void undo(UndoReport u) {
        out.printf("  job %d undone: %,d contact(s) put back, %,d refused%n", u.jobId(), u.reverted(), u.refused());
        for (UndoReport.Refusal r : u.refusals()) {
            out.printf("    refused %-27s in %-18s %s: %s%n", r.contactKey(), journeyName(r.journey()), r.code(),
                    r.message());
        }
    }

    // ---- Queries ---------------------------------------------------------------------------------

    void stageCounts(Journey... tables) {
        for (int i = 0; i < tables.length; i++) {
            Journey journey = tables[i];
            Map<StageId, Long> counts = journeys.stageCounts(journey.id());
            if (i > 0) {
                out.println();
            }
            out.printf("  %-24s %9s%n", journey.name(), "contacts");
            for (Stage stage : journey.stages()) {
                out.printf("    %-22s %,9d%n", stage.name(), counts.getOrDefault(stage.id(), 0L));
            }
        }
    }

    void history(String contact, Journey journey) {
        out.printf("  %s in %s, oldest first:%n", contact, journey.name());
        out.printf("    %-21s %-21s %-16s %-22s %s%n", "from", "to", "effective (UTC)", "source", "note");
        for (Transition t : journeys.history(contact, journey.id())) {
            out.printf("    %-21s %-21s %-16s %-22s %s%n", t.from().map(this::stageName).orElse("(entered)"),
                    t.to().map(this::stageName).orElse("(left)"), DAY_TIME.format(t.effectiveAt()),
                    source(t.source()), t.note().map(Report::oneLine).orElse(""));
        }
    }

    // ---- Formatting ------------------------------------------------------------------------------

    private String journeyName(JourneyId id) {
        return journeys.journey(id).map(Journey::name).orElse(id.toString());
    }

    private String stageName(StageId id) {
        return journeys.journeys().stream().flatMap(j -> j.stage(id).stream()).map(Stage::name).findFirst()
                .orElse(id.toString());
    }

    private static String source(MoveSource source) {
        if (source instanceof MoveSource.Import imported) {
            return "import job " + imported.jobId() + " line " + imported.line();
        } else if (source instanceof MoveSource.ImportUndo undo) {
            return "undo of job " + undo.jobId();
        } else if (source instanceof Actor actor) {
            return source.kind().name().toLowerCase() + ": " + actor.name();
        }
        return source.toString();
    }

    private static String quoted(String value) {
        String shown = oneLine(value);
        return "'" + (shown.length() > 20 ? shown.substring(0, 19) + "…" : shown) + "'";
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", " / ").replace("\n", " / ");
    }

    private static String duration(Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toMillis() + " ms";
        }
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
