package dev.journeys.api;

/** Identifies a journey within its tenant. */
public record JourneyId(long value) {
    @Override
    public String toString() {
        return "journey:" + value;
    }
}
