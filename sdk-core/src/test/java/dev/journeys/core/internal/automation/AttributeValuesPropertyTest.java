package dev.journeys.core.internal.automation;

import static dev.journeys.core.testing.Property.forAll;
import static dev.journeys.spi.AttributeType.BOOLEAN;
import static dev.journeys.spi.AttributeType.MONEY;
import static dev.journeys.spi.AttributeType.NUMBER;
import static dev.journeys.spi.AttributeType.STRING;
import static dev.journeys.spi.AttributeType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.InvalidInputException;
import dev.journeys.core.testing.Gen;
import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.AttributeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conversion and the canonical text form, stated as properties over seeded random values (replay a failure
 * with the {@code -Djourneys.seed} the failure names). Worked examples live in {@link AttributeValuesTest}.
 */
@DisplayName("AttributeValues, for every value")
class AttributeValuesPropertyTest {

    record Typed(AttributeType type, Object value) {
    }

    private static Object convert(AttributeType type, Object raw) {
        return AttributeValues.convert(AttributeSpec.optional("value", type), raw);
    }

    /** A decimal within the NUMBER limits, at any scale the limits allow (trailing zeros included). */
    static Gen<BigDecimal> numbers() {
        return random -> {
            int integerDigits = random.nextInt(AttributeValues.MAX_INTEGER_DIGITS + 1);
            int fractionDigits = random.nextInt(AttributeValues.MAX_FRACTION_DIGITS + 1);
            BigInteger unscaled = digits(random, integerDigits + fractionDigits);
            BigDecimal value = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), fractionDigits);
            int extraZeros = random.nextInt(4);
            return random.nextInt(5) == 0 ? value.setScale(value.scale() + extraZeros) : value;
        };
    }

    /** A money amount: up to 18 digits and 0 to 4 decimal places, sometimes with trailing zeros. */
    static Gen<BigDecimal> amounts() {
        return random -> {
            BigDecimal amount = BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000_000L,
                    random.nextInt(AttributeValues.MAX_MONEY_DECIMALS + 1));
            return random.nextBoolean() ? amount : amount.setScale(amount.scale() + random.nextInt(3));
        };
    }

    /** Text of any UTF-16 units: controls, lone surrogates, supplementary characters, quotes, nothing. */
    static Gen<String> strings() {
        return random -> {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                switch (random.nextInt(4)) {
                    case 0 -> text.append((char) (' ' + random.nextInt(95)));
                    case 1 -> text.append((char) random.nextInt(0x10000));
                    case 2 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                    default -> text.append("\n\t'\" ".charAt(random.nextInt(5)));
                }
            }
            return text.toString();
        };
    }

    /** Any instant from the first to the last accepted, to the nanosecond. */
    static Gen<Instant> instants() {
        long min = AttributeValues.MIN_TIMESTAMP.getEpochSecond();
        long max = AttributeValues.MAX_TIMESTAMP.getEpochSecond();
        return Gen.longs(min, max).flatMap(seconds -> Gen.ints(0, 999_999_999).map(nanos ->
                Instant.ofEpochSecond(seconds, nanos)));
    }

    /**
     * A finite double from about 1e-14 to 1e44, where even seventeen significant digits stay within the digit
     * limits; some have few digits and some have seventeen.
     */
    static Gen<Double> doubles() {
        return random -> {
            double magnitude = Math.pow(10, random.nextInt(58) - 13);
            double value = random.nextBoolean() ? random.nextDouble() * magnitude
                    : Math.round(random.nextDouble() * 10_000) / 100.0;
            return random.nextBoolean() ? value : -value;
        };
    }

    static Gen<Typed> convertedValues() {
        return Gen.frequency(
                Gen.weighted(3, numbers().map(n -> new Typed(NUMBER, convert(NUMBER, n)))),
                Gen.weighted(3, amounts().map(a -> new Typed(MONEY, convert(MONEY, a)))),
                Gen.weighted(3, strings().map(s -> new Typed(STRING, s))),
                Gen.weighted(1, Gen.oneOf(true, false).map(b -> new Typed(BOOLEAN, b))),
                Gen.weighted(3, instants().map(i -> new Typed(TIMESTAMP, i))));
    }

    private static BigInteger digits(Random random, int count) {
        if (count == 0) {
            return BigInteger.ZERO;
        }
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return new BigInteger(digits.toString());
    }

    @Test
    @DisplayName("parse(canonical(x)) equals x, for every type")
    void parseReadsBackCanonical() {
        forAll(convertedValues()).check(t ->
                assertThat(AttributeValues.parse(t.type(), AttributeValues.canonical(t.type(), t.value())))
                        .isEqualTo(t.value()));
    }

    @Test
    @DisplayName("canonical text is stable: writing what was read back gives the same text")
    void canonicalIsAFixedPoint() {
        forAll(convertedValues()).check(t -> {
            String text = AttributeValues.canonical(t.type(), t.value());
            assertThat(AttributeValues.canonical(t.type(), AttributeValues.parse(t.type(), text))).isEqualTo(text);
        });
    }

    @Test
    @DisplayName("canonical text is also accepted as input and converts to the same value")
    void canonicalIsValidInput() {
        forAll(convertedValues()).check(t ->
                assertThat(convert(t.type(), AttributeValues.canonical(t.type(), t.value()))).isEqualTo(t.value()));
    }

    @Test
    @DisplayName("converting a number within the limits is exact, and its decimal text converts to the same")
    void numbersConvertExactly() {
        forAll(numbers()).check(n -> {
            BigDecimal converted = (BigDecimal) convert(NUMBER, n);
            assertThat(converted).isEqualByComparingTo(n);
            assertThat(convert(NUMBER, n.toString())).isEqualTo(converted); // scientific notation, too
            assertThat(convert(NUMBER, n.toPlainString())).isEqualTo(converted);
        });
    }

    @Test
    @DisplayName("a double converts to its shortest decimal text, and reads back as the very same double")
    void doublesRoundTrip() {
        forAll(doubles()).when(d -> d == 0 || Math.abs(d) >= 1e-14).check(d -> {
            BigDecimal converted = (BigDecimal) convert(NUMBER, d);
            assertThat(converted).isEqualByComparingTo(new BigDecimal(Double.toString(d)));
            assertThat(((BigDecimal) AttributeValues.parse(NUMBER, AttributeValues.canonical(NUMBER, converted)))
                    .doubleValue()).isEqualTo(d == 0 ? 0.0 : d);
        });
    }

    @Test
    @DisplayName("two numbers have the same canonical text exactly when they are equal by compareTo")
    void oneTextPerValue() {
        Gen<BigDecimal> small = random -> BigDecimal.valueOf(random.nextInt(21) - 10, random.nextInt(3))
                .setScale(random.nextInt(3) + 2);
        forAll(small.flatMap(a -> small.map(b -> new BigDecimal[] {a, b}))).check(pair -> {
            String a = AttributeValues.canonical(NUMBER, pair[0]);
            String b = AttributeValues.canonical(NUMBER, pair[1]);
            assertThat(a.equals(b)).as("%s vs %s", a, b).isEqualTo(pair[0].compareTo(pair[1]) == 0);
        });
    }

    @Test
    @DisplayName("money accepts a decimal exactly when it has at most 4 decimal places once trailing zeros go")
    void moneyDecimalPlaces() {
        Gen<BigDecimal> decimals = random -> BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000,
                random.nextInt(9));
        forAll(decimals).check(d -> {
            if (d.stripTrailingZeros().scale() <= AttributeValues.MAX_MONEY_DECIMALS) {
                assertThat((BigDecimal) convert(MONEY, d)).isEqualByComparingTo(d);
            } else {
                assertThatThrownBy(() -> convert(MONEY, d)).isInstanceOf(InvalidInputException.class);
            }
        });
    }

    @Test
    @DisplayName("an ISO-8601 text with any offset converts to the instant it denotes")
    void isoTextWithOffsets() {
        Gen<OffsetDateTime> dateTimes = instants().flatMap(instant -> Gen.ints(-18 * 3600, 18 * 3600).map(seconds ->
                instant.atOffset(ZoneOffset.ofTotalSeconds(seconds / 60 * 60))));
        forAll(dateTimes).check(odt -> {
            assertThat(convert(TIMESTAMP, odt.toString())).isEqualTo(odt.toInstant());
            assertThat(convert(TIMESTAMP, odt)).isEqualTo(odt.toInstant());
            assertThat(convert(TIMESTAMP, odt.toZonedDateTime())).isEqualTo(odt.toInstant());
        });
    }
}
