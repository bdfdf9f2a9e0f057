package dev.journeys.core.internal.automation;

import static dev.journeys.core.internal.automation.ConditionsTest.ORDER;
import static dev.journeys.core.testing.Property.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.Condition;
import dev.journeys.api.Operator;
import dev.journeys.core.testing.Gen;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Evaluation stated as properties over seeded random values (replay a failure with the {@code -Djourneys.seed}
 * the failure names). Worked examples live in {@link ConditionsTest}.
 */
@DisplayName("Conditions, for every value")
class ConditionsPropertyTest {

    record Pair<T>(T actual, T operand) {
    }

    /** Money amounts from a small range, so that equal pairs come up often; at varying scales. */
    static Gen<BigDecimal> amounts() {
        return random -> BigDecimal.valueOf(random.nextInt(41) - 20, random.nextInt(3))
                .setScale(2 + random.nextInt(3));
    }

    static Gen<Instant> instants() {
        return random -> Instant.parse("2024-05-01T10:00:00Z").plusSeconds(random.nextInt(7) * 1800L - 5400);
    }

    static <T> Gen<Pair<T>> pairs(Gen<T> values) {
        return values.flatMap(a -> values.map(b -> new Pair<>(a, b)));
    }

    private static Optional<String> evaluate(Condition condition, String attribute, Object rawValue) {
        Object value = AttributeValues.convert(ORDER.get(attribute), rawValue);
        return Conditions.evaluate(Conditions.validate(condition, ORDER), Map.of(attribute, value));
    }

    private static boolean holds(Condition condition, String attribute, Object rawValue) {
        return evaluate(condition, attribute, rawValue).isEmpty();
    }

    private static Object anyForm(BigDecimal amount, int form) {
        return switch (form) {
            case 0 -> amount;
            case 1 -> amount.toPlainString();
            case 2 -> amount.toString();
            default -> amount.doubleValue();
        };
    }

    @Test
    @DisplayName("of two amounts, exactly one of LESS_THAN, EQUALS and GREATER_THAN holds, as compareTo says")
    void trichotomy() {
        forAll(pairs(amounts())).check(p -> {
            boolean less = holds(Condition.lessThan("amount", p.operand()), "amount", p.actual());
            boolean equal = holds(Condition.equalTo("amount", p.operand()), "amount", p.actual());
            boolean greater = holds(Condition.greaterThan("amount", p.operand()), "amount", p.actual());
            int sign = Integer.signum(p.actual().compareTo(p.operand()));
            assertThat(List.of(less, equal, greater)).isEqualTo(List.of(sign < 0, sign == 0, sign > 0));
        });
    }

    @Test
    @DisplayName("NOT_EQUALS holds exactly when EQUALS does not, for a present attribute")
    void notEqualsIsTheComplement() {
        forAll(pairs(amounts())).check(p -> assertThat(holds(Condition.notEqualTo("amount", p.operand()), "amount",
                p.actual())).isNotEqualTo(holds(Condition.equalTo("amount", p.operand()), "amount", p.actual())));
    }

    @Test
    @DisplayName("IN holds exactly when EQUALS holds for one of its operands")
    void inIsAnyEquals() {
        Gen<List<BigDecimal>> lists = random -> {
            List<BigDecimal> list = new ArrayList<>();
            int size = 1 + random.nextInt(5);
            for (int i = 0; i < size; i++) {
                list.add(amounts().next(random));
            }
            return list;
        };
        forAll(amounts().flatMap(a -> lists.map(list -> new Pair<>(List.of(a), list)))).check(p -> {
            BigDecimal actual = p.actual().get(0);
            boolean in = holds(Condition.in("amount", p.operand().toArray()), "amount", actual);
            boolean anyEquals = p.operand().stream()
                    .anyMatch(operand -> holds(Condition.equalTo("amount", operand), "amount", actual));
            assertThat(in).isEqualTo(anyEquals);
        });
    }

    @Test
    @DisplayName("the form a number arrives in (BigDecimal, plain or scientific text, double) changes no result")
    void formDoesNotMatter() {
        Gen<int[]> forms = random -> new int[] {random.nextInt(4), random.nextInt(4)};
        forAll(pairs(amounts()).flatMap(p -> forms.map(f -> new Object[] {p, f}))).check(c -> {
            @SuppressWarnings("unchecked")
            Pair<BigDecimal> p = (Pair<BigDecimal>) c[0];
            int[] f = (int[]) c[1];
            for (Operator operator : List.of(Operator.EQUALS, Operator.LESS_THAN, Operator.GREATER_THAN)) {
                Condition exact = new Condition("amount", operator, List.of(p.operand()));
                Condition other = new Condition("amount", operator, List.of(anyForm(p.operand(), f[0])));
                assertThat(holds(other, "amount", anyForm(p.actual(), f[1])))
                        .as("%s %s %s", p.actual(), operator, p.operand())
                        .isEqualTo(holds(exact, "amount", p.actual()));
            }
        });
    }

    @Test
    @DisplayName("timestamps order as instants, whatever offset their text carries")
    void timestampsOrderAsInstants() {
        Gen<Integer> offsets = Gen.ints(-12, 14);
        forAll(pairs(instants()).flatMap(p -> offsets.flatMap(a -> offsets.map(b -> new Object[] {p, a, b}))))
                .check(c -> {
                    @SuppressWarnings("unchecked")
                    Pair<Instant> p = (Pair<Instant>) c[0];
                    String actualText = p.actual().atOffset(ZoneOffset.ofHours((Integer) c[1])).toString();
                    String operandText = p.operand().atOffset(ZoneOffset.ofHours((Integer) c[2])).toString();
                    assertThat(holds(Condition.greaterThan("placed_at", operandText), "placed_at", actualText))
                            .isEqualTo(p.actual().isAfter(p.operand()));
                    assertThat(holds(Condition.lessThan("placed_at", operandText), "placed_at", actualText))
                            .isEqualTo(p.actual().isBefore(p.operand()));
                    assertThat(holds(Condition.equalTo("placed_at", operandText), "placed_at", actualText))
                            .isEqualTo(p.actual().equals(p.operand()));
                });
    }

    @Test
    @DisplayName("CONTAINS finds any piece of the text, in any case")
    void containsFindsAnyPiece() {
        Gen<String> words = random -> {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(20);
            for (int i = 0; i < length; i++) {
                text.append("abcdefgHIJKLMN -_éÉ".charAt(random.nextInt(19)));
            }
            return text.toString();
        };
        forAll(words.flatMap(text -> Gen.ints(0, text.length() - 1).flatMap(from ->
                Gen.ints(from + 1, text.length()).flatMap(to -> Gen.chance(0.5).map(upper -> {
                    String piece = text.substring(from, to);
                    return new Pair<>(text, upper ? piece.toUpperCase(Locale.ROOT) : piece.toLowerCase(Locale.ROOT));
                }))))).check(p ->
                assertThat(evaluate(Condition.contains("status", p.operand()), "status", p.actual())).isEmpty());
    }

    @Test
    @DisplayName("an explanation is given exactly when a condition does not hold, and names the attribute")
    void explanations() {
        Gen<Condition> conditions = random -> {
            BigDecimal operand = amounts().next(random);
            return switch (random.nextInt(5)) {
                case 0 -> Condition.equalTo("amount", operand);
                case 1 -> Condition.notEqualTo("amount", operand);
                case 2 -> Condition.greaterThan("amount", operand);
                case 3 -> Condition.lessThan("amount", operand);
                default -> Condition.in("amount", operand, amounts().next(random));
            };
        };
        forAll(conditions.flatMap(c -> amounts().map(a -> new Object[] {c, a}))).check(c -> {
            Condition condition = (Condition) c[0];
            Optional<String> detail = evaluate(condition, "amount", c[1]);
            detail.ifPresent(text -> assertThat(text).startsWith("amount was "));
            assertThat(Conditions.evaluate(Conditions.validate(condition, ORDER), Map.of())).contains("amount was absent");
        });
    }
}
