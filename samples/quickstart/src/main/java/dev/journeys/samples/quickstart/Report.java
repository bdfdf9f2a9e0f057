package dev.journeys.samples.quickstart;

import dev.journeys.api.Actor;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyService;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Placement;
import dev.journeys.api.Rejection;
import dev.journeys.api.Stage;
import dev.journeys.api.StageChange;
import dev.journeys.api.StageId;
import dev.journeys.api.StageTime;
import dev.journeys.api.Transition;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Prints what the quickstart does, with stage and journey ids turned back into names. */
final class Report {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final String MOVE_LINE = "  %-10s %-21s %-18s %s%n";

    private final JourneyService journeys;
    private final PrintStream out = System.out;

    Report(JourneyService journeys) {
        this.journeys = journeys;
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

    // ---- Moves -----------------------------------------------------------------------------------

    /** The stage-change listener: one line per committed move. */
    void printChange(StageChange change) {
        Transition t = change.transition();
        out.printf(MOVE_LINE, "moved", t.contactKey(), journeyName(t.journeyId()),
                String.format("%-32s by %s at %s", step(t.journeyId(), t.from(), t.to()),
                        source(t.source()), TIME.format(t.effectiveAt())));
    }

    void printRejected(MoveRequest request, Rejection reason) {
        Optional<StageId> now = journeys.placement(request.contactKey(), request.journeyId()).map(Placement::stageId);
        out.printf(MOVE_LINE, "REFUSED", request.contactKey(), journeyName(request.journeyId()),
                step(request.journeyId(), now, request.target()));
        out.printf("  %-10s reason %s: %s%n", "", reason.code(), reason.message());
    }

    void printUnchanged(MoveRequest request, Optional<Placement> current) {
        out.printf(MOVE_LINE, "unchanged", request.contactKey(), journeyName(request.journeyId()),
                current.map(p -> "already in " + stageName(p.journeyId(), p.stageId())
                                + " since " + TIME.format(p.enteredAt()) + "; nothing written")
                        .orElse("not in the journey; nothing written"));
    }

    // ---- Queries ---------------------------------------------------------------------------------

    void stageCounts(Journey... tables) {
        for (int i = 0; i < tables.length; i++) {
            Journey journey = tables[i];
            Map<StageId, Long> counts = journeys.stageCounts(journey.id());
            if (i > 0) {
                out.println();
            }
            out.printf("  %-24s %8s%n", journey.name(), "contacts");
            for (Stage stage : journey.stages()) {
                out.printf("    %-22s %8d%n", stage.name(), counts.getOrDefault(stage.id(), 0L));
            }
        }
    }

    void history(String contact, Journey journey) {
        List<Transition> history = journeys.history(contact, journey.id());
        out.println("  History, oldest first (times in UTC):");
        out.printf("    %-14s %-14s %-14s %s%n", "from", "to", "source", "time");
        for (Transition t : history) {
            out.printf("    %-14s %-14s %-14s %s%n",
                    t.from().map(s -> stageName(journey.id(), s)).orElse("(entered)"),
                    t.to().map(s -> stageName(journey.id(), s)).orElse("(left)"),
                    source(t.source()), TIME.format(t.effectiveAt()));
        }
    }

    void stageTimes(String contact, Journey journey) {
        List<StageTime> times = journeys.stageTimes(contact, journey.id());
        out.println();
        out.println("  Time in stage:");
        out.printf("    %-14s %-7s %-14s %-14s %s%n", "stage", "visits", "first entered", "last left", "total time");
        for (StageTime st : times) {
            out.printf("    %-14s %-7d %-14s %-14s %s%s%n",
                    stageName(journey.id(), st.stage()), st.entries(),
                    TIME.format(st.firstEnteredAt()),
                    st.lastExitedAt().map(TIME::format).orElse("-"),
                    duration(st.cumulativeTimeIn()),
                    st.current() ? "   <- here now" : "");
        }
    }

    // ---- Formatting ------------------------------------------------------------------------------

    private String step(JourneyId journey, Optional<StageId> from, Optional<StageId> to) {
        return from.map(s -> stageName(journey, s)).orElse("(entry)")
                + " -> " + to.map(s -> stageName(journey, s)).orElse("(exit)");
    }

    private String journeyName(JourneyId id) {
        return journeys.journey(id).map(Journey::name).orElse(id.toString());
    }

    private String stageName(JourneyId journey, StageId stage) {
        return journeys.journey(journey).flatMap(j -> j.stage(stage)).map(Stage::name).orElse(stage.toString());
    }

    private static String source(MoveSource source) {
        if (source instanceof Actor actor) {
            return source.kind().name().toLowerCase() + ":" + actor.name();
        } else if (source instanceof MoveSource.Automation automation) {
            return "automation:" + automation.automationId();
        } else if (source instanceof MoveSource.Import imported) {
            return "import:" + imported.jobId() + "#" + imported.line();
        } else if (source instanceof MoveSource.SystemPlugin plugin) {
            return "plugin:" + plugin.pluginKey();
        }
        return source.toString();
    }

    private static String duration(Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toMillis() + " ms";
        } else if (d.compareTo(Duration.ofMinutes(1)) < 0) {
            return String.format("%.1f s", d.toMillis() / 1000.0);
        }
        return d.toString().substring(2).toLowerCase();
    }
}
