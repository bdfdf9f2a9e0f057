package dev.journeys.api;

import java.util.OptionalInt;

/**
 * One stage of a journey.
 *
 * @param position zero-based place in the journey's current order
 * @param expectedDays how many days a contact is expected to stay; longer counts as stalled on the dashboard
 */
public record Stage(StageId id, String name, int position, OptionalInt expectedDays) {

    public Stage {
        java.util.Objects.requireNonNull(expectedDays, "expectedDays");
    }

    /** A stage with no expected time. */
    public Stage(StageId id, String name, int position) {
        this(id, name, position, OptionalInt.empty());
    }
}
