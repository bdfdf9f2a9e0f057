package dev.journeys.core.internal.automation;

import static dev.journeys.core.internal.automation.AttributeValuesTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.Condition;
import dev.journeys.api.Operator;
import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.AttributeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Conditions of automations: checked once when an automation is created, then evaluated on every event. */
@DisplayName("Conditions")
class ConditionsTest {

    /** The attributes of {@link TestTrigger#orders()}: one of each type, and the required ones first. */
    static final Map<String, AttributeSpec> ORDER = EventCheck.declared(TestTrigger.orders());

    private static final Instant TEN_UTC = Instant.parse("2024-05-01T10:00:00Z");

    static Condition valid(Condition condition) {
        return Conditions.validate(condition, ORDER);
    }

    /** Validates the condition, then evaluates it on the attributes given as name, value, name, value … */
    static Optional<String> evaluate(Condition condition, Object... attributes) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            raw.put((String) attributes[i], attributes[i + 1]);
        }
        Map<String, Object> converted = new LinkedHashMap<>();
        raw.forEach((name, value) -> converted.put(name, AttributeValues.convert(ORDER.get(name), value)));
        return Conditions.evaluate(valid(condition), converted);
    }

    static boolean holds(Condition condition, Object... attributes) {
        return evaluate(condition, attributes).isEmpty();
    }

    @Nested
    @DisplayName("when an automation is created")
    class Validate {

        @Test
        @DisplayName("converts operands the way event values are converted")
        void convertsOperands() {
            assertThat(valid(Condition.equalTo("amount", "100.00")).operands()).containsExactly(new BigDecimal("100"));
            assertThat(valid(Condition.greaterThan("amount", 99.995)).operands())
                    .containsExactly(new BigDecimal("99.995"));
            assertThat(valid(Condition.lessThan("placed_at", "2024-05-01T12:00:00+02:00")).operands())
                    .containsExactly(TEN_UTC);
            assertThat(valid(Condition.equalTo("paid", "TRUE")).operands()).containsExactly(true);
            assertThat(valid(Condition.in("items", 1, 2L, "3", 4.0)).operands()).containsExactly(
                    new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("4"));
            assertThat(valid(Condition.present("status")).operands()).isEmpty();
        }

        @Test
        @DisplayName("keeps the attribute and operator, and gives the same condition when validated twice")
        void idempotent() {
            Condition once = valid(Condition.in("amount", "1.50", 2, 3.25));
            assertThat(once.attribute()).isEqualTo("amount");
            assertThat(once.operator()).isEqualTo(Operator.IN);
            assertThat(valid(once)).isEqualTo(once);
        }

        @Test
        @DisplayName("refuses an attribute the trigger does not declare, naming it and listing those it does")
        void undeclared() {
            assertInvalid(() -> valid(Condition.equalTo("colour", "red")))
                    .hasMessage("INVALID_INPUT: condition attribute 'colour' is not declared by the trigger;"
                            + " it declares 'order_id', 'amount', 'status', 'items', 'paid', 'placed_at'");
            assertInvalid(() -> Conditions.validate(Condition.present("x"), Map.of()))
                    .hasMessageContaining("it declares no attributes");
        }

        @Test
        @DisplayName("refuses a missing condition, attribute, operator or operand list")
        void missingParts() {
            assertInvalid(() -> valid(null)).hasMessageContaining("condition is required");
            assertInvalid(() -> valid(new Condition(null, Operator.PRESENT, List.of())))
                    .hasMessageContaining("a condition needs an attribute");
            assertInvalid(() -> valid(new Condition(" ", Operator.PRESENT, List.of())))
                    .hasMessageContaining("a condition needs an attribute");
            assertInvalid(() -> valid(new Condition("status", null, List.of("paid"))))
                    .hasMessageContaining("condition on 'status' needs an operator");
            assertInvalid(() -> valid(new Condition("status", Operator.EQUALS, null)))
                    .hasMessageContaining("needs a list of operands");
        }

        static Stream<Arguments> operatorsAndTypes() {
            return Stream.of(Operator.values()).flatMap(operator -> Stream.of(AttributeType.values())
                    .map(type -> Arguments.of(operator, type)));
        }

        /** The specification: which operator applies to which type. */
        private static final Map<Operator, Set<AttributeType>> APPLIES = Map.of(
                Operator.EQUALS, EnumSet.allOf(AttributeType.class),
                Operator.NOT_EQUALS, EnumSet.allOf(AttributeType.class),
                Operator.IN, EnumSet.allOf(AttributeType.class),
                Operator.PRESENT, EnumSet.allOf(AttributeType.class),
                Operator.GREATER_THAN, EnumSet.of(AttributeType.NUMBER, AttributeType.MONEY, AttributeType.TIMESTAMP),
                Operator.LESS_THAN, EnumSet.of(AttributeType.NUMBER, AttributeType.MONEY, AttributeType.TIMESTAMP),
                Operator.CONTAINS, EnumSet.of(AttributeType.STRING));

        @ParameterizedTest(name = "{0} on {1}")
        @MethodSource("operatorsAndTypes")
        @DisplayName("lets each operator apply to its types only")
        void operatorFitsType(Operator operator, AttributeType type) {
            Map<String, AttributeSpec> declared = Map.of("a", AttributeSpec.optional("a", type));
            Object sample = switch (type) {
                case STRING -> "x";
                case NUMBER, MONEY -> 1;
                case BOOLEAN -> true;
                case TIMESTAMP -> TEN_UTC;
            };
            Condition condition = new Condition("a", operator, operator == Operator.PRESENT ? List.of() : List.of(sample));
            if (APPLIES.get(operator).contains(type)) {
                assertThat(Conditions.validate(condition, declared).operator()).isEqualTo(operator);
            } else {
                assertInvalid(() -> Conditions.validate(condition, declared))
                        .hasMessageContaining("condition on 'a': " + operator + " does not apply to " + type);
            }
        }

        @Test
        @DisplayName("PRESENT takes no operand")
        void presentArity() {
            assertInvalid(() -> valid(new Condition("status", Operator.PRESENT, List.of("paid"))))
                    .hasMessageContaining("PRESENT takes no operand, was given 1");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Operator.class, names = {"EQUALS", "NOT_EQUALS", "GREATER_THAN", "LESS_THAN", "CONTAINS"})
        @DisplayName("the comparisons take exactly one operand")
        void singleArity(Operator operator) {
            String attribute = operator == Operator.CONTAINS ? "status" : "items";
            assertInvalid(() -> valid(new Condition(attribute, operator, List.of())))
                    .hasMessageContaining(operator + " takes exactly one operand, was given 0");
            Object operand = operator == Operator.CONTAINS ? "a" : 1;
            assertInvalid(() -> valid(new Condition(attribute, operator, List.of(operand, operand))))
                    .hasMessageContaining(operator + " takes exactly one operand, was given 2");
        }

        @Test
        @DisplayName("IN takes 1 to 1,000 operands")
        void inArity() {
            assertInvalid(() -> valid(Condition.in("status"))).hasMessageContaining("IN takes 1 to 1000 operands, was given 0");
            assertThat(valid(Condition.in("status", "paid")).operands()).hasSize(1);
            Object[] thousand = IntStream.range(0, 1000).mapToObj(i -> "s" + i).toArray();
            assertThat(valid(Condition.in("status", thousand)).operands()).hasSize(1000);
            Object[] more = IntStream.range(0, 1001).mapToObj(i -> "s" + i).toArray();
            assertInvalid(() -> valid(Condition.in("status", more))).hasMessageContaining("was given 1001");
        }

        @Test
        @DisplayName("refuses null operands")
        void nullOperands() {
            assertInvalid(() -> valid(Condition.equalTo("status", null)))
                    .hasMessage("INVALID_INPUT: the operand of the condition on 'status' must not be null;"
                            + " use PRESENT to test whether the attribute is there");
            assertInvalid(() -> valid(Condition.in("status", "paid", null)))
                    .hasMessage("INVALID_INPUT: operand 2 of the condition on 'status' must not be null");
        }

        @Test
        @DisplayName("refuses operands that are not of the attribute's type, naming the operand and attribute")
        void wrongOperandType() {
            assertInvalid(() -> valid(Condition.greaterThan("amount", "lots")))
                    .hasMessageStartingWith("INVALID_INPUT: the operand of the condition on 'amount' must be MONEY")
                    .hasMessageContaining("'lots'");
            assertInvalid(() -> valid(Condition.in("amount", 1, "12.12345")))
                    .hasMessageContaining("operand 2 of the condition on 'amount' must be MONEY")
                    .hasMessageContaining("5 decimal places");
            assertInvalid(() -> valid(Condition.equalTo("status", 7)))
                    .hasMessageContaining("must be STRING").hasMessageContaining("7 (Integer)");
            assertInvalid(() -> valid(Condition.lessThan("placed_at", "2024-05-01T10:00")))
                    .hasMessageContaining("must be TIMESTAMP").hasMessageContaining("no offset");
            assertInvalid(() -> valid(Condition.equalTo("paid", "yes"))).hasMessageContaining("must be BOOLEAN");
            assertInvalid(() -> valid(Condition.greaterThan("items", Double.NaN))).hasMessageContaining("NaN");
        }

        @Test
        @DisplayName("refuses CONTAINS with empty text, which PRESENT says better")
        void emptyContains() {
            assertInvalid(() -> valid(Condition.contains("status", "")))
                    .hasMessageContaining("CONTAINS needs some text; use PRESENT");
        }

        @Test
        @DisplayName("takes string operands up to 4,096 characters, like string values")
        void operandLength() {
            assertThat(valid(Condition.equalTo("status", "s".repeat(4096))).operands()).hasSize(1);
            assertInvalid(() -> valid(Condition.equalTo("status", "s".repeat(4097))))
                    .hasMessageContaining("is 4097 characters long, at most 4096");
        }
    }

    @Nested
    @DisplayName("on a STRING attribute")
    class Strings {

        @Test
        @DisplayName("EQUALS compares exactly, case and spaces included")
        void equalsExactly() {
            assertThat(holds(Condition.equalTo("status", "paid"), "status", "paid")).isTrue();
            assertThat(evaluate(Condition.equalTo("status", "paid"), "status", "pending"))
                    .contains("status was 'pending', expected 'paid'");
            assertThat(holds(Condition.equalTo("status", "paid"), "status", "Paid")).isFalse();
            assertThat(holds(Condition.equalTo("status", "paid"), "status", "paid ")).isFalse();
        }

        @Test
        @DisplayName("NOT_EQUALS holds for a different value")
        void notEquals() {
            assertThat(holds(Condition.notEqualTo("status", "paid"), "status", "pending")).isTrue();
            assertThat(holds(Condition.notEqualTo("status", "paid"), "status", "PAID")).isTrue();
            assertThat(evaluate(Condition.notEqualTo("status", "paid"), "status", "paid"))
                    .contains("status was 'paid', expected anything but 'paid'");
        }

        @Test
        @DisplayName("IN holds when the value equals one operand exactly")
        void in() {
            Condition settled = Condition.in("status", "paid", "refunded");
            assertThat(holds(settled, "status", "refunded")).isTrue();
            assertThat(holds(settled, "status", "Refunded")).isFalse();
            assertThat(evaluate(settled, "status", "pending"))
                    .contains("status was 'pending', expected one of 'paid', 'refunded'");
        }

        @Test
        @DisplayName("IN lists at most 10 operands in its explanation")
        void inExplanationShortened() {
            Object[] many = IntStream.rangeClosed(1, 15).mapToObj(i -> "s" + i).toArray();
            assertThat(evaluate(Condition.in("status", many), "status", "x"))
                    .contains("status was 'x', expected one of 's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8',"
                            + " 's9', 's10' and 5 more");
        }

        @Test
        @DisplayName("CONTAINS looks for the text anywhere, ignoring case")
        void contains() {
            assertThat(holds(Condition.contains("status", "VIP"), "status", "gold vip customer")).isTrue();
            assertThat(holds(Condition.contains("status", "vip"), "status", "VIP")).isTrue();
            assertThat(holds(Condition.contains("status", "Gold VIP"), "status", "gold vip")).isTrue();
            assertThat(evaluate(Condition.contains("status", "vip"), "status", "gold"))
                    .contains("status was 'gold', expected it to contain 'vip' (ignoring case)");
        }

        @Test
        @DisplayName("CONTAINS ignores case the same way whatever the default locale (Turkish dotless i included)")
        void containsIgnoresLocale() {
            Locale before = Locale.getDefault();
            try {
                Locale.setDefault(Locale.forLanguageTag("tr-TR"));
                assertThat(holds(Condition.contains("status", "title"), "status", "TITLE")).isTrue();
                assertThat(holds(Condition.contains("status", "TITLE"), "status", "title")).isTrue();
            } finally {
                Locale.setDefault(before);
            }
        }

        @Test
        @DisplayName("explanations quote and shorten long values to one line")
        void shortExplanations() {
            String longValue = "x".repeat(500) + "\nsecond line";
            assertThat(evaluate(Condition.equalTo("status", "paid"), "status", longValue)).hasValueSatisfying(detail ->
                    assertThat(detail).startsWith("status was '" + "x".repeat(80) + "…'").doesNotContain("\n")
                            .hasSizeLessThan(200));
        }
    }

    @Nested
    @DisplayName("on NUMBER and MONEY attributes")
    class Numbers {

        @Test
        @DisplayName("EQUALS compares by value: 10.0 equals 10, 100.00 equals 100")
        void equalsByValue() {
            assertThat(holds(Condition.equalTo("items", 10), "items", 10.0)).isTrue();
            assertThat(holds(Condition.equalTo("items", "10.000"), "items", new BigDecimal("1E+1"))).isTrue();
            assertThat(holds(Condition.equalTo("amount", 100), "amount", "100.00")).isTrue();
            assertThat(holds(Condition.equalTo("amount", new BigDecimal("100.00")), "amount", 100L)).isTrue();
            assertThat(evaluate(Condition.equalTo("amount", 100), "amount", "99.99"))
                    .contains("amount was 99.99, expected 100");
        }

        @Test
        @DisplayName("NOT_EQUALS compares by value too: 100.00 is not different from 100")
        void notEqualsByValue() {
            assertThat(holds(Condition.notEqualTo("amount", 100), "amount", "100.00")).isFalse();
            assertThat(evaluate(Condition.notEqualTo("amount", 100), "amount", "100.00"))
                    .contains("amount was 100, expected anything but 100");
            assertThat(holds(Condition.notEqualTo("amount", 100), "amount", "100.0001")).isTrue();
        }

        @Test
        @DisplayName("IN compares by value")
        void inByValue() {
            assertThat(holds(Condition.in("items", 1, 2, 3), "items", 2.0)).isTrue();
            assertThat(holds(Condition.in("amount", "9.99", "19.99"), "amount", 19.990)).isTrue();
            assertThat(evaluate(Condition.in("items", 1, 2, 3), "items", 4))
                    .contains("items was 4, expected one of 1, 2, 3");
        }

        @Test
        @DisplayName("GREATER_THAN and LESS_THAN compare exactly: 99.995 is less than 100, and not more")
        void ordering() {
            assertThat(holds(Condition.lessThan("amount", 100), "amount", "99.995")).isTrue();
            assertThat(holds(Condition.greaterThan("amount", 100), "amount", "99.995")).isFalse();
            assertThat(evaluate(Condition.greaterThan("amount", 100), "amount", "99.995"))
                    .contains("amount was 99.995, expected more than 100");
            assertThat(holds(Condition.greaterThan("amount", 100), "amount", "100.0001")).isTrue();
            assertThat(holds(Condition.greaterThan("amount", "99.9999"), "amount", 100)).isTrue();
        }

        @Test
        @DisplayName("GREATER_THAN and LESS_THAN are strict: equal is neither")
        void strict() {
            assertThat(evaluate(Condition.greaterThan("amount", 100), "amount", "100.00"))
                    .contains("amount was 100, expected more than 100");
            assertThat(evaluate(Condition.lessThan("amount", "100.00"), "amount", 100))
                    .contains("amount was 100, expected less than 100");
        }

        @Test
        @DisplayName("negative numbers and zero order as numbers do")
        void negatives() {
            assertThat(holds(Condition.lessThan("items", 0), "items", -0.5)).isTrue();
            assertThat(holds(Condition.greaterThan("items", -10), "items", "-9.99")).isTrue();
            assertThat(holds(Condition.equalTo("items", 0), "items", -0.0)).isTrue();
        }

        @Test
        @DisplayName("big numbers compare exactly where doubles could not")
        void bigNumbers() {
            String big = "9007199254740993"; // 2^53 + 1: no double holds it
            assertThat(holds(Condition.greaterThan("items", "9007199254740992"), "items", big)).isTrue();
            assertThat(holds(Condition.equalTo("items", big), "items", 9007199254740993L)).isTrue();
        }
    }

    @Nested
    @DisplayName("on a BOOLEAN attribute")
    class Booleans {

        @Test
        @DisplayName("EQUALS, NOT_EQUALS and IN compare the truth value")
        void truth() {
            assertThat(holds(Condition.equalTo("paid", true), "paid", "true")).isTrue();
            assertThat(evaluate(Condition.equalTo("paid", true), "paid", false)).contains("paid was false, expected true");
            assertThat(holds(Condition.notEqualTo("paid", "FALSE"), "paid", true)).isTrue();
            assertThat(holds(Condition.in("paid", true, false), "paid", false)).isTrue();
        }
    }

    @Nested
    @DisplayName("on a TIMESTAMP attribute")
    class Timestamps {

        @Test
        @DisplayName("EQUALS compares instants: 12:00+02:00 is 10:00Z")
        void equalsAsInstants() {
            assertThat(holds(Condition.equalTo("placed_at", "2024-05-01T12:00:00+02:00"), "placed_at", TEN_UTC))
                    .isTrue();
            assertThat(holds(Condition.equalTo("placed_at", TEN_UTC), "placed_at", "2024-05-01T06:00:00-04:00"))
                    .isTrue();
            assertThat(evaluate(Condition.equalTo("placed_at", TEN_UTC), "placed_at", "2024-05-01T10:00:00+02:00"))
                    .contains("placed_at was 2024-05-01T08:00:00Z, expected 2024-05-01T10:00:00Z");
        }

        @Test
        @DisplayName("GREATER_THAN means later and LESS_THAN earlier, whatever the offsets")
        void ordering() {
            Condition afterTen = Condition.greaterThan("placed_at", "2024-05-01T10:00:00Z");
            assertThat(holds(afterTen, "placed_at", "2024-05-01T11:00:00+02:00")).isFalse(); // 09:00Z
            assertThat(evaluate(afterTen, "placed_at", "2024-05-01T11:00:00+02:00"))
                    .contains("placed_at was 2024-05-01T09:00:00Z, expected later than 2024-05-01T10:00:00Z");
            assertThat(holds(afterTen, "placed_at", "2024-05-01T07:00:00-03:30")).isTrue(); // 10:30Z
            assertThat(holds(afterTen, "placed_at", TEN_UTC.plusNanos(1))).isTrue();
            Condition beforeTen = Condition.lessThan("placed_at", TEN_UTC);
            assertThat(holds(beforeTen, "placed_at", TEN_UTC.minusNanos(1))).isTrue();
            assertThat(evaluate(beforeTen, "placed_at", TEN_UTC))
                    .contains("placed_at was 2024-05-01T10:00:00Z, expected earlier than 2024-05-01T10:00:00Z");
        }

        @Test
        @DisplayName("IN holds for one of several instants")
        void in() {
            assertThat(holds(Condition.in("placed_at", "2024-01-01T00:00:00Z", "2024-05-01T12:00+02:00"),
                    "placed_at", TEN_UTC)).isTrue();
        }
    }

    @Nested
    @DisplayName("on an absent attribute")
    class Absent {

        static Stream<Condition> everyOperator() {
            return Stream.of(Condition.equalTo("status", "paid"), Condition.notEqualTo("status", "paid"),
                    Condition.in("status", "paid", "refunded"), Condition.contains("status", "p"),
                    Condition.present("status"), Condition.greaterThan("items", 1), Condition.lessThan("items", 1),
                    Condition.notEqualTo("paid", true), Condition.lessThan("placed_at", TEN_UTC));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("everyOperator")
        @DisplayName("fails every operator, NOT_EQUALS and PRESENT included")
        void failsEverything(Condition condition) {
            assertThat(evaluate(condition, "order_id", "o-1")).contains(condition.attribute() + " was absent");
        }

        @Test
        @DisplayName("PRESENT holds for any value that is there, even empty text or false")
        void present() {
            assertThat(holds(Condition.present("status"), "status", "")).isTrue();
            assertThat(holds(Condition.present("paid"), "paid", false)).isTrue();
            assertThat(holds(Condition.present("items"), "items", 0)).isTrue();
        }

        @Test
        @DisplayName("a null value in the map counts as absent")
        void nullIsAbsent() {
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("status", null);
            assertThat(Conditions.evaluate(valid(Condition.present("status")), attributes))
                    .contains("status was absent");
        }
    }

    @Nested
    @DisplayName("a condition that no longer fits the event")
    class Mismatch {

        @Test
        @DisplayName("does not hold, and says which types clash, instead of throwing")
        void typeClash() {
            Condition numeric = valid(Condition.greaterThan("amount", 100));
            assertThat(Conditions.evaluate(numeric, Map.of("amount", "lots"))).contains("amount was 'lots' (String),"
                    + " which cannot be compared with 100 (BigDecimal): the condition does not fit the trigger's"
                    + " attributes any more");
            Condition text = valid(Condition.contains("status", "vip"));
            assertThat(Conditions.evaluate(text, Map.of("status", new BigDecimal("1")))).isPresent();
            assertThat(Conditions.evaluate(valid(Condition.equalTo("paid", true)), Map.of("paid", "true")))
                    .isPresent();
        }

        @Test
        @DisplayName("with unconverted operands does not hold: conditions are validated before they are evaluated")
        void unconverted() {
            Condition raw = Condition.equalTo("amount", 100); // an Integer, not a BigDecimal
            assertThat(Conditions.evaluate(raw, Map.of("amount", new BigDecimal("100")))).hasValueSatisfying(detail ->
                    assertThat(detail).contains("cannot be compared with 100 (Integer)"));
        }

        @Test
        @DisplayName("with the wrong number of operands is a bug, not a mismatch")
        void wrongArity() {
            Condition broken = new Condition("amount", Operator.EQUALS, List.of());
            assertThatThrownBy(() -> Conditions.evaluate(broken, Map.of("amount", BigDecimal.ONE)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a validated condition");
        }
    }

    @Test
    @DisplayName("validation leaves the condition it was given alone and returns a new, unmodifiable one")
    void newCondition() {
        List<Object> operands = new ArrayList<>(Arrays.asList("1", "2"));
        Condition raw = new Condition("items", Operator.IN, operands);
        Condition converted = valid(raw);
        assertThat(raw.operands()).containsExactly("1", "2");
        assertThat(converted.operands()).containsExactly(BigDecimal.ONE, new BigDecimal("2"));
        assertThatThrownBy(() -> converted.operands().add("3")).isInstanceOf(UnsupportedOperationException.class);
    }
}
