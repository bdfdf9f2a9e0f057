package dev.journeys.api;

import java.time.Instant;
import java.util.Optional;

/**
 * One change of a contact's status, as recorded.
 *
 * @param from empty for the contact's first status
 */
public record StatusChange(long id, String contactKey, Optional<String> from, String to, Actor actor, Instant at) {
}
