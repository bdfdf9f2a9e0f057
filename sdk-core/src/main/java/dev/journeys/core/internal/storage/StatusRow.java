package dev.journeys.core.internal.storage;

import dev.journeys.api.Actor;
import java.time.Instant;
import java.util.Optional;

/**
 * A contact's status change, written with the system-journey moves it causes if the status is still at
 * {@code expectedVersion} (0: never set).
 */
public record StatusRow(String contactKey, long expectedVersion, Optional<String> from, String to, Actor actor,
                        Instant at) {
}
