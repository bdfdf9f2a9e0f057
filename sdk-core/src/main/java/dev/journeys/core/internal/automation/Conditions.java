package dev.journeys.core.internal.automation;

import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Condition;
import dev.journeys.api.Operator;
import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.AttributeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Conditions of automations: checked once against the trigger's declared attributes when an automation is
 * created ({@link #validate}), then evaluated against each event's converted attributes ({@link #evaluate}).
 *
 * <h2>Which operators fit which types</h2>
 * <table>
 *   <caption>Operators by attribute type and operand count</caption>
 *   <tr><th>Operator</th><th>Types</th><th>Operands</th></tr>
 *   <tr><td>EQUALS, NOT_EQUALS</td><td>all</td><td>exactly one</td></tr>
 *   <tr><td>IN</td><td>all</td><td>1 to {@value #MAX_IN_OPERANDS}</td></tr>
 *   <tr><td>GREATER_THAN, LESS_THAN</td><td>NUMBER, MONEY, TIMESTAMP</td><td>exactly one</td></tr>
 *   <tr><td>CONTAINS</td><td>STRING</td><td>exactly one, not empty</td></tr>
 *   <tr><td>PRESENT</td><td>all</td><td>none</td></tr>
 * </table>
 * Operands are converted exactly as event values are ({@link AttributeValues#convert}), so {@code 100},
 * {@code 100.00} and {@code "100"} are the same MONEY operand, and a timestamp operand may be an ISO-8601 text
 * with an offset. A string operand is at most {@value EventCheck#MAX_STRING_LENGTH} characters, like a string
 * value.
 *
 * <h2>What holds</h2>
 * <ul>
 *   <li>An absent attribute fails every operator, PRESENT and NOT_EQUALS included: "not equal to X" means
 *       "present and different from X". An automation that must also run when the attribute is missing needs a
 *       second automation without that condition.</li>
 *   <li>Numbers and money compare by value: {@code 10.0} equals {@code 10}.</li>
 *   <li>Strings compare exactly (case and all) for EQUALS, NOT_EQUALS and IN; CONTAINS ignores case by
 *       lower-casing both sides with {@link Locale#ROOT} (so it does not fold {@code ß} to {@code ss}).</li>
 *   <li>Timestamps compare as instants: {@code 12:00+02:00} equals {@code 10:00Z}.</li>
 * </ul>
 */
public final class Conditions {

    public static final int MAX_IN_OPERANDS = 1_000;
    /** How many operands of an IN an explanation lists. */
    static final int MAX_OPERANDS_SHOWN = 10;

    private static final Set<AttributeType> ORDERED =
            EnumSet.of(AttributeType.NUMBER, AttributeType.MONEY, AttributeType.TIMESTAMP);

    private Conditions() {
    }

    /**
     * Checks a condition of a new automation against the attributes its trigger declares.
     *
     * @param declared the trigger's attributes by name, as {@link EventCheck#declared} gives them
     * @return the condition with its operands converted, ready for {@link #evaluate}
     * @throws InvalidInputException naming the first problem: an attribute the trigger does not declare (listing
     *         those it does), a missing operator, an operator that does not fit the type, the wrong number of
     *         operands, or an operand that is null or not of the attribute's type
     */
    public static Condition validate(Condition condition, Map<String, AttributeSpec> declared) {
        Objects.requireNonNull(declared, "declared");
        if (condition == null) {
            throw new InvalidInputException("condition is required");
        }
        String attribute = condition.attribute();
        if (attribute == null || attribute.isBlank()) {
            throw new InvalidInputException("a condition needs an attribute");
        }
        AttributeSpec spec = declared.get(attribute);
        if (spec == null) {
            throw new InvalidInputException("condition attribute " + AttributeValues.quote(attribute)
                    + " is not declared by the trigger; it declares " + EventCheck.listed(declared));
        }
        String on = "condition on " + AttributeValues.quote(attribute);
        Operator operator = condition.operator();
        if (operator == null) {
            throw new InvalidInputException(on + " needs an operator");
        }
        AttributeType type = spec.type();
        if (!fits(operator, type)) {
            throw new InvalidInputException(on + ": " + operator + " does not apply to " + type + "; it applies to "
                    + (operator == Operator.CONTAINS ? "STRING" : "NUMBER, MONEY and TIMESTAMP"));
        }
        List<Object> operands = condition.operands();
        if (operands == null) {
            throw new InvalidInputException(on + " needs a list of operands, empty for PRESENT");
        }
        String arity = arity(operator, operands.size());
        if (arity != null) {
            throw new InvalidInputException(on + ": " + arity);
        }
        List<Object> converted = new ArrayList<>(operands.size());
        for (int i = 0; i < operands.size(); i++) {
            String subject = (operands.size() == 1 ? "the operand" : "operand " + (i + 1)) + " of the " + on;
            Object operand = operands.get(i);
            if (operand == null) {
                throw new InvalidInputException(subject + " must not be null"
                        + (operator == Operator.IN ? "" : "; use PRESENT to test whether the attribute is there"));
            }
            Object value = AttributeValues.convert(subject, type, operand);
            if (value instanceof String s && s.length() > EventCheck.MAX_STRING_LENGTH) {
                throw new InvalidInputException(subject + " is " + s.length() + " characters long, at most "
                        + EventCheck.MAX_STRING_LENGTH);
            }
            if (operator == Operator.CONTAINS && ((String) value).isEmpty()) {
                throw new InvalidInputException(on + ": CONTAINS needs some text; use PRESENT to test whether "
                        + AttributeValues.quote(attribute) + " is there");
            }
            converted.add(value);
        }
        return new Condition(attribute, operator, converted);
    }

    /**
     * Tests a condition, as {@link #validate} returned it, against an event's converted attributes.
     *
     * @return empty when the condition holds; otherwise what the event had, e.g.
     *         {@code status was 'pending', expected 'paid'} or {@code amount was absent}
     * @throws IllegalArgumentException for a condition with the wrong number of operands (one that did not come
     *         from {@link #validate})
     */
    public static Optional<String> evaluate(Condition converted, Map<String, Object> attributes) {
        Objects.requireNonNull(converted, "condition");
        Objects.requireNonNull(attributes, "attributes");
        Operator operator = Objects.requireNonNull(converted.operator(), "operator");
        List<Object> operands = Objects.requireNonNull(converted.operands(), "operands");
        String arity = arity(operator, operands.size());
        if (arity != null) {
            throw new IllegalArgumentException("not a validated condition: " + arity);
        }
        String name = converted.attribute();
        Object actual = attributes.get(name);
        if (actual == null) {
            return Optional.of(name + " was absent");
        }
        if (operator == Operator.PRESENT) {
            return Optional.empty();
        }
        for (Object operand : operands) {
            if (operand == null || kind(operand) != kind(actual) || kind(actual) == null) {
                return Optional.of(was(name, actual) + " (" + simpleName(actual) + "), which cannot be compared with "
                        + AttributeValues.display(operand) + " (" + simpleName(operand)
                        + "): the condition does not fit the trigger's attributes any more");
            }
        }
        if ((operator == Operator.GREATER_THAN || operator == Operator.LESS_THAN) && !ordered(actual)
                || operator == Operator.CONTAINS && !(actual instanceof String)) {
            return Optional.of(was(name, actual) + " (" + simpleName(actual) + "), to which " + operator
                    + " does not apply");
        }
        Object operand = operands.get(0);
        // The explanation is built only for a condition that failed: a holding one, the moving automation's, costs none.
        switch (operator) {
            case EQUALS:
                return same(actual, operand) ? Optional.empty()
                        : Optional.of(was(name, actual) + ", expected " + AttributeValues.display(operand));
            case NOT_EQUALS:
                return !same(actual, operand) ? Optional.empty()
                        : Optional.of(was(name, actual) + ", expected anything but " + AttributeValues.display(operand));
            case IN:
                for (Object o : operands) {
                    if (same(actual, o)) {
                        return Optional.empty();
                    }
                }
                return Optional.of(was(name, actual) + ", expected one of " + shown(operands));
            case GREATER_THAN:
                return compare(actual, operand) > 0 ? Optional.empty()
                        : Optional.of(was(name, actual) + ", expected "
                                + (actual instanceof Instant ? "later than " : "more than ") + AttributeValues.display(operand));
            case LESS_THAN:
                return compare(actual, operand) < 0 ? Optional.empty()
                        : Optional.of(was(name, actual) + ", expected "
                                + (actual instanceof Instant ? "earlier than " : "less than ") + AttributeValues.display(operand));
            case CONTAINS:
                return ((String) actual).toLowerCase(Locale.ROOT).contains(((String) operand).toLowerCase(Locale.ROOT))
                        ? Optional.empty()
                        : Optional.of(was(name, actual) + ", expected it to contain " + AttributeValues.display(operand)
                                + " (ignoring case)");
            default:
                throw new AssertionError(operator);
        }
    }

    private static String was(String name, Object actual) {
        return name + " was " + AttributeValues.display(actual);
    }

    static boolean fits(Operator operator, AttributeType type) {
        switch (operator) {
            case GREATER_THAN:
            case LESS_THAN:
                return ORDERED.contains(type);
            case CONTAINS:
                return type == AttributeType.STRING;
            default:
                return true;
        }
    }

    /** Why {@code count} operands do not suit {@code operator}, or null when they do. */
    private static String arity(Operator operator, int count) {
        switch (operator) {
            case PRESENT:
                return count == 0 ? null : "PRESENT takes no operand, was given " + count;
            case IN:
                return count >= 1 && count <= MAX_IN_OPERANDS ? null
                        : "IN takes 1 to " + MAX_IN_OPERANDS + " operands, was given " + count;
            default:
                return count == 1 ? null : operator + " takes exactly one operand, was given " + count;
        }
    }

    /** The Java type a converted value has, or null for anything a conversion never produces. */
    private static Class<?> kind(Object value) {
        if (value instanceof String) {
            return String.class;
        }
        if (value instanceof BigDecimal) {
            return BigDecimal.class;
        }
        if (value instanceof Boolean) {
            return Boolean.class;
        }
        if (value instanceof Instant) {
            return Instant.class;
        }
        return null;
    }

    private static boolean ordered(Object value) {
        return value instanceof BigDecimal || value instanceof Instant;
    }

    private static boolean same(Object actual, Object operand) {
        return actual instanceof BigDecimal a ? a.compareTo((BigDecimal) operand) == 0 : actual.equals(operand);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object actual, Object operand) {
        return ((Comparable) actual).compareTo(operand);
    }

    private static String simpleName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    private static String shown(List<Object> operands) {
        String listed = operands.stream().limit(MAX_OPERANDS_SHOWN).map(AttributeValues::display)
                .collect(Collectors.joining(", "));
        return operands.size() > MAX_OPERANDS_SHOWN
                ? listed + " and " + (operands.size() - MAX_OPERANDS_SHOWN) + " more" : listed;
    }
}
