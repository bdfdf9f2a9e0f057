package dev.journeys.api;

/** Identifies a stage; stage ids are never reused, so history can always name the stage it meant. */
public record StageId(long value) {
    @Override
    public String toString() {
        return "stage:" + value;
    }
}
