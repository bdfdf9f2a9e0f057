package dev.journeys.api;

/** A journey as a message names it: by name and by id, e.g. {@code 'Sales' (journey:3)}. */
public record JourneyRef(JourneyId id, String name) {

    public static JourneyRef of(Journey journey) {
        return new JourneyRef(journey.id(), journey.name());
    }

    @Override
    public String toString() {
        return "'" + name + "' (" + id + ")";
    }
}
