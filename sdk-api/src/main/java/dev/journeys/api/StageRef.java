package dev.journeys.api;

/** A stage as a message names it: by name and by id, e.g. {@code 'Lead' (stage:7)}. */
public record StageRef(StageId id, String name) {

    public static StageRef of(Stage stage) {
        return new StageRef(stage.id(), stage.name());
    }

    @Override
    public String toString() {
        return "'" + name + "' (" + id + ")";
    }
}
