package dev.journeys.samples.dashboard;

import dev.journeys.api.Automation;
import dev.journeys.api.ImportJob;
import dev.journeys.api.JourneyService;
import dev.journeys.api.PageRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * Human names for the sources of moves: {@link dev.journeys.api.Movements.BySource} names an automation or an
 * import job by its id; the page shows the automation's name and the job's file instead.
 */
public record SourceNames(Map<Long, String> automations, Map<Long, String> imports) {

    public static final SourceNames NONE = new SourceNames(Map.of(), Map.of());

    public SourceNames {
        automations = Map.copyOf(automations);
        imports = Map.copyOf(imports);
    }

    /** The tenant's automations and its latest import jobs. */
    public static SourceNames of(JourneyService journeys) {
        Map<Long, String> automations = new HashMap<>();
        for (Automation automation : journeys.automations().list()) {
            automations.put(automation.id(), automation.name());
        }
        Map<Long, String> imports = new HashMap<>();
        for (ImportJob job : journeys.imports().jobs(PageRequest.first(100)).items()) {
            imports.put(job.id(), job.fileName());
        }
        return new SourceNames(automations, imports);
    }

    /** The kind in words, e.g. "Automation". */
    public static String kind(String kind) {
        return switch (kind) {
            case "MANUAL" -> "Manual";
            case "AUTOMATION" -> "Automation";
            case "IMPORT" -> "Import";
            case "SYSTEM" -> "System";
            case "UNDO" -> "Import undo";
            default -> kind;
        };
    }

    /** What made the moves, e.g. "Reward paid" for an automation, "signup-form" for a person or form. */
    public String label(String kind, String ref) {
        Long id = parse(ref);
        return switch (kind) {
            case "AUTOMATION" -> id != null && automations.containsKey(id) ? automations.get(id) : "automation #" + ref;
            case "IMPORT" -> "job #" + ref + (id != null && imports.containsKey(id) ? " · " + imports.get(id) : "");
            case "UNDO" -> "undo of job #" + ref;
            default -> ref;
        };
    }

    private static Long parse(String ref) {
        try {
            return ref == null ? null : Long.valueOf(ref);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
