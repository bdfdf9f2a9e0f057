package dev.journeys.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One test on an event attribute. Operands are checked against the attribute's declared type when the
 * automation is created, and converted the same way as event values.
 */
public record Condition(String attribute, Operator operator, List<Object> operands) {

    public Condition {
        operands = operands == null ? null : Collections.unmodifiableList(new ArrayList<>(operands));
    }

    public static Condition equalTo(String attribute, Object value) {
        return new Condition(attribute, Operator.EQUALS, Arrays.asList(value));
    }

    public static Condition notEqualTo(String attribute, Object value) {
        return new Condition(attribute, Operator.NOT_EQUALS, Arrays.asList(value));
    }

    public static Condition in(String attribute, Object... values) {
        return new Condition(attribute, Operator.IN, Arrays.asList(values));
    }

    public static Condition greaterThan(String attribute, Object value) {
        return new Condition(attribute, Operator.GREATER_THAN, Arrays.asList(value));
    }

    public static Condition lessThan(String attribute, Object value) {
        return new Condition(attribute, Operator.LESS_THAN, Arrays.asList(value));
    }

    public static Condition contains(String attribute, String text) {
        return new Condition(attribute, Operator.CONTAINS, Arrays.asList(text));
    }

    public static Condition present(String attribute) {
        return new Condition(attribute, Operator.PRESENT, List.of());
    }
}
