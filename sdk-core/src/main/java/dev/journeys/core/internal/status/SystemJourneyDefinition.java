package dev.journeys.core.internal.status;

import java.util.List;

/** What a system-journey plugin asks storage to provision, at a version. */
public record SystemJourneyDefinition(String key, String name, int version, List<String> stages,
                                      boolean requiresSequence) {
    public SystemJourneyDefinition {
        stages = List.copyOf(stages);
    }
}
