package dev.journeys.spi;

/** One attribute a trigger's events carry. */
public record AttributeSpec(String name, AttributeType type, boolean required) {

    public static AttributeSpec required(String name, AttributeType type) {
        return new AttributeSpec(name, type, true);
    }

    public static AttributeSpec optional(String name, AttributeType type) {
        return new AttributeSpec(name, type, false);
    }
}
