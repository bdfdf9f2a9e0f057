package dev.journeys.core.internal.imports;

import dev.journeys.api.Actor;
import dev.journeys.api.ImportMode;
import java.time.Instant;

/** What is known of an import job when it starts; {@code fingerprint} is the SHA-256 of the file's bytes. */
public record ImportJobStart(Actor actor, String fileName, ImportMode mode, boolean suppressAutomations,
                             String fingerprint, Instant startedAt) {
}
