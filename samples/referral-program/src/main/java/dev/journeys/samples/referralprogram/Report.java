package dev.journeys.samples.referralprogram;

import dev.journeys.api.Actor;
import dev.journeys.api.Automation;
import dev.journeys.api.Condition;
import dev.journeys.api.EventResult;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyService;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Outcome;
import dev.journeys.api.RunDecision;
import dev.journeys.api.RunRecord;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.Transition;
import dev.journeys.api.TriggerEvent;
import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.TriggerPlugin;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Prints what the referral program does, with ids turned back into journey, stage and automation names. */
final class Report {

    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("EEE HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final String DECISION_LINE = "      %-9s %-37s %s%n";

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

    // ---- Set-up ----------------------------------------------------------------------------------

    /** The plugins ServiceLoader sees, which is what the SDK loads when the host calls discoverPlugins(). */
    void plugins() {
        for (TriggerPlugin plugin : ServiceLoader.load(TriggerPlugin.class)) {
            out.printf("  %-22s %-23s %s%n", plugin.key(), plugin.displayName(), plugin.getClass().getName());
            out.printf("  %-22s %s%n", "", plugin.attributes().stream().map(Report::attribute)
                    .collect(Collectors.joining(", ")));
        }
        out.printf("  %-22s %-23s %s%n", ReferralProgramApp.STAGE_CHANGED, "Journey stage changed",
                "built into the SDK: fired after every committed move");
        out.printf("  %-22s %s%n", "", "(attributes ending in ? are optional)");
    }

    void journeys(Journey... defined) {
        for (Journey journey : defined) {
            out.printf("  %-18s %-12s %s%n", journey.name(),
                    journey.requiresSequence() ? "in sequence" : "any order",
                    journey.stages().stream().map(Stage::name).collect(Collectors.joining(" -> ")));
        }
    }

    void automations(List<Automation> all) {
        for (Automation a : all) {
            out.printf("  #%d %s%n", a.id(), a.name());
            out.printf("       on   %s%n", a.triggerType());
            out.printf("       when %s%n", a.conditions().isEmpty() ? "(always)"
                    : a.conditions().stream().map(Report::condition).collect(Collectors.joining(" and ")));
            for (Outcome outcome : a.outcomes()) {
                Outcome.MoveToStage move = (Outcome.MoveToStage) outcome;
                out.printf("       then move to %s: %s%s%n", journeyName(move.journey()),
                        stageName(move.stage()),
                        move.enterAtFirstStage() ? " (entering at its first stage if not in the journey yet)" : "");
            }
        }
    }

    void invited(String friend, Journey pipeline) {
        out.printf("  %-26s -> %s: %s%n", friend, pipeline.name(), pipeline.firstStage().name());
    }

    // ---- Events ----------------------------------------------------------------------------------

    void event(TriggerEvent event, EventResult result) {
        header(event);
        if (result.duplicate()) {
            out.printf(DECISION_LINE, "duplicate", "", "event id " + event.eventId()
                    + " was processed before; nothing applied again");
            return;
        }
        if (result.records().isEmpty()) {
            out.printf(DECISION_LINE, "-", "", "no enabled automation listens to " + event.triggerType());
        }
        for (RunRecord r : result.records()) {
            String automation = (r.chainDepth() > 0 ? "chain " + r.chainDepth() + ": " : "") + automationName(r);
            out.printf(DECISION_LINE, word(r.decision()), automation, explain(r.decision()));
        }
    }

    /** An event the SDK refused whole, before any automation saw it: a typed error, nothing written. */
    void refused(TriggerEvent event, InvalidInputException e) {
        header(event);
        out.printf(DECISION_LINE, "REFUSED", "(the whole event)", e.getMessage());
        out.printf(DECISION_LINE, "", "", "nothing applied or logged; the event id stays free for a corrected delivery");
    }

    private void header(TriggerEvent event) {
        out.println();
        out.printf("  %s  %-21s %-22s %s%n", EVENT_TIME.format(event.occurredAt()), event.triggerType(),
                event.eventId(), event.contactKey());
        out.printf("  %9s  %s%n", "", event.attributes().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("  ")));
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

    /** The run log comes newest first; read oldest first, it tells the contact's story. */
    void runLog(List<RunRecord> newestFirst) {
        List<RunRecord> records = new ArrayList<>(newestFirst);
        Collections.reverse(records);
        out.printf("  %-12s %-25s %-9s %-30s %s%n", "recorded", "event", "decision", "automation", "why");
        for (RunRecord r : records) {
            out.printf("  %-12s %-25s %-9s %-30s %s%n", TIME.format(r.recordedAt()), r.eventId(),
                    word(r.decision()), "#" + r.automationId() + " " + automationName(r), explain(r.decision()));
        }
    }

    void history(String contact, Journey journey) {
        out.println();
        out.println("  History in " + journey.name() + ", oldest first:");
        out.printf("    %-14s %-14s %s%n", "from", "to", "source");
        for (Transition t : journeys.history(contact, journey.id())) {
            out.printf("    %-14s %-14s %s%n", t.from().map(this::stageName).orElse("(entered)"),
                    t.to().map(this::stageName).orElse("(left)"), source(t.source()));
        }
    }

    // ---- Formatting ------------------------------------------------------------------------------

    private static String word(RunDecision decision) {
        if (decision instanceof RunDecision.Moved) {
            return "moved";
        } else if (decision instanceof RunDecision.NotMatched) {
            return "no match";
        } else if (decision instanceof RunDecision.Skipped) {
            return "skipped";
        } else if (decision instanceof RunDecision.Failed) {
            return "FAILED";
        }
        return "stopped";
    }

    private String explain(RunDecision decision) {
        if (decision instanceof RunDecision.Moved m) {
            return journeyName(m.journey()) + ": " + m.from().map(this::stageName).orElse("(entered)")
                    + " -> " + stageName(m.to());
        } else if (decision instanceof RunDecision.NotMatched n) {
            return "condition " + (n.conditionIndex() + 1) + ": " + n.detail();
        } else if (decision instanceof RunDecision.Skipped s) {
            return s.reasonCode() + ": " + s.message();
        } else if (decision instanceof RunDecision.Failed f) {
            return f.error();
        } else if (decision instanceof RunDecision.LoopStopped l) {
            return "chain stopped at depth " + l.depth();
        }
        return decision.toString();
    }

    private static String condition(Condition c) {
        String operands = c.operands().stream().map(Report::operand).collect(Collectors.joining(", "));
        switch (c.operator()) {
            case EQUALS: return c.attribute() + " = " + operands;
            case NOT_EQUALS: return c.attribute() + " != " + operands;
            case IN: return c.attribute() + " in (" + operands + ")";
            case GREATER_THAN: return c.attribute() + " > " + operands;
            case LESS_THAN: return c.attribute() + " < " + operands;
            case CONTAINS: return c.attribute() + " contains " + operands;
            default: return c.attribute() + " is present";
        }
    }

    private static String operand(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static String attribute(AttributeSpec spec) {
        return spec.name() + (spec.required() ? "" : "?") + " " + spec.type();
    }

    private String automationName(RunRecord r) {
        return journeys.automations().find(r.automationId()).map(Automation::name).orElse("#" + r.automationId());
    }

    private String journeyName(JourneyId id) {
        return journeys.journey(id).map(Journey::name).orElse(id.toString());
    }

    private String stageName(StageId id) {
        return journeys.journeys().stream().flatMap(j -> j.stage(id).stream()).map(Stage::name).findFirst()
                .orElse(id.toString());
    }

    private static String source(MoveSource source) {
        if (source instanceof Actor actor) {
            return source.kind().name().toLowerCase() + ": " + actor.name();
        } else if (source instanceof MoveSource.Automation automation) {
            return "automation #" + automation.automationId() + " on event " + automation.eventId();
        }
        return source.toString();
    }
}
