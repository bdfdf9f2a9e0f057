package dev.journeys.core.internal.status;

import java.util.Optional;

/** A contact's current status and the version a change must compare against; version 0: never set. */
public record StatusState(Optional<String> status, long version) {
}
