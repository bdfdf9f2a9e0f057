package dev.journeys.core.internal.moves;

import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Placement;
import dev.journeys.core.internal.input.Pages;
import java.time.Instant;

/**
 * A place in the order in which a stage lists its contacts: longest in the stage first, ties by contact
 * key. Stalled contacts page in the same order, so one index serves both listings.
 *
 * <p>{@link #cursor()} is the text handed to callers as a page's {@code next}; it is opaque to them.
 */
public record StagePosition(Instant enteredAt, String contactKey) {

    public static StagePosition of(Placement placement) {
        return new StagePosition(placement.enteredAt(), placement.contactKey());
    }

    /** @throws InvalidInputException when the text is not a cursor this type wrote */
    public static StagePosition parse(String cursor) {
        int bar = cursor.indexOf('|');
        try {
            return new StagePosition(Instant.parse(cursor.substring(0, bar)), cursor.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new InvalidInputException("not a cursor of contacts in a stage: " + Pages.clip(cursor));
        }
    }

    public String cursor() {
        return enteredAt + "|" + contactKey;
    }
}
