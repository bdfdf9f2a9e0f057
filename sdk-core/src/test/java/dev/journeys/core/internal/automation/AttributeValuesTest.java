package dev.journeys.core.internal.automation;

import static dev.journeys.spi.AttributeType.BOOLEAN;
import static dev.journeys.spi.AttributeType.MONEY;
import static dev.journeys.spi.AttributeType.NUMBER;
import static dev.journeys.spi.AttributeType.STRING;
import static dev.journeys.spi.AttributeType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.ErrorCode;
import dev.journeys.api.InvalidInputException;
import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.AttributeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How event values and condition operands become the Java type of their declared attribute type. */
@DisplayName("AttributeValues")
class AttributeValuesTest {

    static Object convert(AttributeType type, Object raw) {
        return AttributeValues.convert(AttributeSpec.required("value", type), raw);
    }

    /** Fails unless {@code call} throws an {@link InvalidInputException} with code INVALID_INPUT. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(ThrowingCallable call) {
        AbstractThrowableAssert<?, ? extends Throwable> thrown =
                assertThatThrownBy(call).isInstanceOf(InvalidInputException.class);
        thrown.extracting(e -> ((InvalidInputException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
        return thrown;
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(AttributeType type, Object raw) {
        return assertInvalid(() -> convert(type, raw));
    }

    @ParameterizedTest(name = "{0} rejects null")
    @EnumSource(AttributeType.class)
    @DisplayName("never accepts null, whatever the type")
    void nullIsNoValue(AttributeType type) {
        assertRejected(type, null).hasMessageContaining("'value'").hasMessageContaining(type.name())
                .hasMessageContaining("was null");
    }

    @Nested
    @DisplayName("STRING")
    class Strings {

        @ParameterizedTest(name = "keeps \"{0}\" as it is")
        @ValueSource(strings = {"", " ", "paid", " padded ", "ÄÖü ß", "line\nbreak", "12"})
        void keepsStrings(String text) {
            assertThat(convert(STRING, text)).isSameAs(text);
        }

        @Test
        @DisplayName("accepts only a String: a number, boolean or instant is not turned into text")
        void onlyStrings() {
            for (Object notText : List.of(12, 12.5, true, Instant.EPOCH, 'c', new StringBuilder("sb"))) {
                assertRejected(STRING, notText).hasMessageContaining("must be STRING");
            }
        }
    }

    @Nested
    @DisplayName("NUMBER")
    class Numbers {

        @Test
        @DisplayName("accepts every kind of java.lang.Number as an exact BigDecimal")
        void everyNumber() {
            assertThat(convert(NUMBER, 42)).isEqualTo(new BigDecimal("42"));
            assertThat(convert(NUMBER, 42L)).isEqualTo(new BigDecimal("42"));
            assertThat(convert(NUMBER, (short) -7)).isEqualTo(new BigDecimal("-7"));
            assertThat(convert(NUMBER, (byte) 3)).isEqualTo(new BigDecimal("3"));
            assertThat(convert(NUMBER, Long.MAX_VALUE)).isEqualTo(new BigDecimal("9223372036854775807"));
            assertThat(convert(NUMBER, new BigInteger("123456789012345678901234567890")))
                    .isEqualTo(new BigDecimal("123456789012345678901234567890"));
            assertThat(convert(NUMBER, new BigDecimal("12.5"))).isEqualTo(new BigDecimal("12.5"));
            assertThat(convert(NUMBER, new AtomicLong(5))).isEqualTo(new BigDecimal("5"));
            DoubleAdder adder = new DoubleAdder();
            adder.add(2.5);
            assertThat(convert(NUMBER, adder)).isEqualTo(new BigDecimal("2.5"));
        }

        @Test
        @DisplayName("takes a double by its shortest decimal text, never its binary expansion: 0.1 is 0.1")
        void doublesByDecimalText() {
            assertThat(convert(NUMBER, 0.1)).isEqualTo(new BigDecimal("0.1"));
            assertThat(convert(NUMBER, 0.1 + 0.2)).isEqualTo(new BigDecimal("0.30000000000000004"));
            assertThat(convert(NUMBER, 0.1f)).isEqualTo(new BigDecimal("0.1"));
            assertThat(convert(NUMBER, 1e20)).isEqualTo(new BigDecimal("100000000000000000000"));
            assertThat(convert(NUMBER, -0.0)).isEqualTo(BigDecimal.ZERO);
        }

        @ParameterizedTest(name = "\"{0}\" is {1}")
        @CsvSource({
                "12.50, 12.5", "-3, -3", "+3, 3", "0, 0", "-0, 0", "0.000, 0", "007, 7",
                "1e3, 1000", "1E3, 1000", "1.5E-7, 0.00000015", "1E+2, 100", "2.50e1, 25",
        })
        @DisplayName("accepts ASCII decimal text, exponents included (JSON and Double.toString use them)")
        void decimalText(String text, String expected) {
            assertThat(convert(NUMBER, text)).isEqualTo(new BigDecimal(expected));
        }

        @ParameterizedTest(name = "\"{0}\" is not a number")
        @ValueSource(strings = {"", " ", "abc", "12,50", "1,000", " 12", "12 ", ".5", "5.", "0x10", "1e", "e3",
                "--1", "+-1", "NaN", "Infinity", "-Infinity", "1_000", "١٢" /* Arabic-Indic digits */, "12.5.1",
                "1e99999999999"})
        @DisplayName("rejects anything else as text, rather than guessing")
        void notDecimalText(String text) {
            assertRejected(NUMBER, text).hasMessageContaining("must be NUMBER");
        }

        @Test
        @DisplayName("rejects NaN and infinities of double and float")
        void nanAndInfinity() {
            assertRejected(NUMBER, Double.NaN).hasMessageContaining("NaN is not a number");
            assertRejected(NUMBER, Float.NaN).hasMessageContaining("NaN is not a number");
            assertRejected(NUMBER, Double.POSITIVE_INFINITY).hasMessageContaining("infinity");
            assertRejected(NUMBER, Double.NEGATIVE_INFINITY).hasMessageContaining("infinity");
            assertRejected(NUMBER, Float.POSITIVE_INFINITY).hasMessageContaining("infinity");
        }

        @Test
        @DisplayName("rejects booleans, instants and other objects")
        void notNumbers() {
            for (Object notNumber : List.of(true, Instant.EPOCH, new Object(), 'c')) {
                assertRejected(NUMBER, notNumber).hasMessageContaining("must be NUMBER");
            }
        }

        @Test
        @DisplayName("allows " + AttributeValues.MAX_INTEGER_DIGITS + " digits before the point, not one more")
        void integerDigits() {
            String max = "9".repeat(AttributeValues.MAX_INTEGER_DIGITS);
            assertThat(convert(NUMBER, max)).isEqualTo(new BigDecimal(max));
            assertThat(convert(NUMBER, "-" + max + ".5")).isEqualTo(new BigDecimal("-" + max + ".5"));
            assertRejected(NUMBER, "1" + "0".repeat(AttributeValues.MAX_INTEGER_DIGITS))
                    .hasMessageContaining("more than 64 digits before the decimal point");
            assertRejected(NUMBER, BigInteger.TEN.pow(AttributeValues.MAX_INTEGER_DIGITS));
            assertRejected(NUMBER, Double.MAX_VALUE);
            assertRejected(NUMBER, 1e64);
            assertThat(convert(NUMBER, 1e63)).isEqualTo(BigDecimal.TEN.pow(63));
        }

        @Test
        @DisplayName("allows " + AttributeValues.MAX_FRACTION_DIGITS + " digits after the point, not one more;"
                + " trailing zeros do not count")
        void fractionDigits() {
            String max = "0." + "1".repeat(AttributeValues.MAX_FRACTION_DIGITS);
            assertThat(convert(NUMBER, max)).isEqualTo(new BigDecimal(max));
            assertThat(convert(NUMBER, max + "000")).isEqualTo(new BigDecimal(max));
            assertRejected(NUMBER, max + "1").hasMessageContaining("more than 32 digits after the decimal point");
            assertRejected(NUMBER, Double.MIN_VALUE);
        }

        @Test
        @DisplayName("refuses huge exponents without expanding them")
        void hugeExponents() {
            assertRejected(NUMBER, "1e999999999").hasMessageContaining("before the decimal point");
            assertRejected(NUMBER, "1e-999999999").hasMessageContaining("after the decimal point");
            assertRejected(NUMBER, new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE + 1));
            assertRejected(NUMBER, new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE));
            assertRejected(NUMBER, new BigDecimal(BigInteger.TEN.pow(5000), 5000)).hasMessageContaining("digits");
        }

        @Test
        @DisplayName("refuses decimal text longer than " + AttributeValues.MAX_NUMBER_TEXT_LENGTH + " characters")
        void longText() {
            String padded = "0".repeat(AttributeValues.MAX_NUMBER_TEXT_LENGTH - 1) + "7";
            assertThat(convert(NUMBER, padded)).isEqualTo(new BigDecimal("7"));
            assertRejected(NUMBER, "0" + padded).hasMessageContaining("longer than 128 characters");
        }

        @Test
        @DisplayName("normalises: trailing zeros go and the scale is never negative, so equal numbers are equal()")
        void normalForm() {
            assertThat(convert(NUMBER, new BigDecimal("100.00"))).isEqualTo(new BigDecimal("100"))
                    .hasToString("100");
            assertThat(convert(NUMBER, new BigDecimal("1E+2"))).isEqualTo(new BigDecimal("100")).hasToString("100");
            assertThat(convert(NUMBER, 10.0)).isEqualTo(convert(NUMBER, 10));
            assertThat(convert(NUMBER, "0.00")).isEqualTo(BigDecimal.ZERO);
        }
    }

    @Nested
    @DisplayName("MONEY")
    class Money {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({"12.50, 12.5", "100.00, 100", "99.995, 99.995", "0.0001, 0.0001", "12.50000, 12.5",
                "-5.25, -5.25", "1e2, 100", "1.2345e3, 1234.5"})
        @DisplayName("accepts decimal amounts with up to 4 decimal places, trailing zeros not counted")
        void amounts(String text, String expected) {
            assertThat(convert(MONEY, text)).isEqualTo(new BigDecimal(expected));
            assertThat(convert(MONEY, new BigDecimal(text))).isEqualTo(new BigDecimal(expected));
        }

        @ParameterizedTest(name = "{0} has too many decimal places")
        @ValueSource(strings = {"12.12345", "0.00001", "1e-5"})
        @DisplayName("rejects more than 4 decimal places instead of rounding")
        void tooPrecise(String text) {
            assertRejected(MONEY, text).hasMessageContaining("must be MONEY")
                    .hasMessageContaining("decimal places, at most 4");
            assertRejected(MONEY, new BigDecimal(text));
        }

        @Test
        @DisplayName("accepts a double whose shortest decimal text fits, and refuses binary noise")
        void doubles() {
            assertThat(convert(MONEY, 19.99)).isEqualTo(new BigDecimal("19.99"));
            assertThat(convert(MONEY, 100.0)).isEqualTo(new BigDecimal("100"));
            assertRejected(MONEY, 0.1 + 0.2).hasMessageContaining("17 decimal places");
            assertRejected(MONEY, Double.NaN);
        }

        @Test
        @DisplayName("accepts integers of every width")
        void integers() {
            assertThat(convert(MONEY, 100)).isEqualTo(new BigDecimal("100"));
            assertThat(convert(MONEY, BigInteger.valueOf(-3))).isEqualTo(new BigDecimal("-3"));
        }
    }

    @Nested
    @DisplayName("BOOLEAN")
    class Booleans {

        @ParameterizedTest(name = "\"{0}\" is {1}")
        @CsvSource({"true, true", "TRUE, true", "True, true", "false, false", "FALSE, false", "fAlSe, false"})
        @DisplayName("accepts true and false as text in any case")
        void text(String text, boolean expected) {
            assertThat(convert(BOOLEAN, text)).isEqualTo(expected);
        }

        @Test
        @DisplayName("accepts a Boolean as it is")
        void booleans() {
            assertThat(convert(BOOLEAN, true)).isEqualTo(Boolean.TRUE);
            assertThat(convert(BOOLEAN, Boolean.FALSE)).isEqualTo(Boolean.FALSE);
        }

        @ParameterizedTest(name = "\"{0}\" is not a boolean")
        @ValueSource(strings = {"", "yes", "no", "1", "0", "t", "f", " true", "true ", "on"})
        @DisplayName("does not guess from yes, 1, on or padded text")
        void noGuessing(String text) {
            assertRejected(BOOLEAN, text).hasMessageContaining("must be BOOLEAN");
        }

        @Test
        @DisplayName("does not take numbers as booleans")
        void noNumbers() {
            assertRejected(BOOLEAN, 1);
            assertRejected(BOOLEAN, 0);
        }
    }

    @Nested
    @DisplayName("TIMESTAMP")
    class Timestamps {

        private final Instant tenUtc = Instant.parse("2024-05-01T10:00:00Z");

        @Test
        @DisplayName("accepts Instant, OffsetDateTime and ZonedDateTime as the instant they denote")
        void javaTime() {
            assertThat(convert(TIMESTAMP, tenUtc)).isEqualTo(tenUtc);
            assertThat(convert(TIMESTAMP, OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2))))
                    .isEqualTo(tenUtc);
            assertThat(convert(TIMESTAMP, ZonedDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris"))))
                    .isEqualTo(tenUtc);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"2024-05-01T10:00:00Z", "2024-05-01T10:00Z", "2024-05-01T12:00:00+02:00",
                "2024-05-01T05:30:00-04:30", "2024-05-01T10:00:00.000Z", "2024-05-01T10:00:00+00:00"})
        @DisplayName("accepts ISO-8601 text with an offset, as the instant it denotes")
        void isoText(String text) {
            assertThat(convert(TIMESTAMP, text)).isEqualTo(tenUtc);
        }

        @Test
        @DisplayName("keeps nanoseconds")
        void nanos() {
            assertThat(convert(TIMESTAMP, "2024-05-01T10:00:00.123456789Z"))
                    .isEqualTo(tenUtc.plusNanos(123_456_789));
        }

        @ParameterizedTest(name = "\"{0}\" has no offset")
        @ValueSource(strings = {"2024-05-01T10:00:00", "2024-05-01T10:00"})
        @DisplayName("refuses a date-time without an offset instead of guessing a time zone")
        void noOffset(String text) {
            assertRejected(TIMESTAMP, text).hasMessageContaining("no offset");
        }

        @ParameterizedTest(name = "\"{0}\" is not a timestamp")
        @ValueSource(strings = {"", "2024-05-01", "yesterday", "2024-02-30T10:00:00Z", "2024-05-01 10:00:00Z",
                "2024-05-01T10:00:00+02:00[Europe/Paris]", "1714557600", "2024-05-01T25:00:00Z"})
        @DisplayName("refuses dates alone, impossible dates, zone names and epoch text")
        void notTimestamps(String text) {
            assertRejected(TIMESTAMP, text).hasMessageContaining("must be TIMESTAMP");
        }

        @Test
        @DisplayName("refuses local date-times, dates, epoch numbers and java.util.Date")
        void notTimestampObjects() {
            assertRejected(TIMESTAMP, LocalDateTime.of(2024, 5, 1, 10, 0)).hasMessageContaining("no offset");
            assertRejected(TIMESTAMP, LocalDate.of(2024, 5, 1)).hasMessageContaining("no offset");
            assertRejected(TIMESTAMP, 1_714_557_600_000L).hasMessageContaining("epoch");
            assertRejected(TIMESTAMP, new Date()).hasMessageContaining("must be TIMESTAMP");
        }

        @Test
        @DisplayName("accepts years 0001 to 9999 only")
        void range() {
            assertThat(convert(TIMESTAMP, AttributeValues.MIN_TIMESTAMP)).isEqualTo(AttributeValues.MIN_TIMESTAMP);
            assertThat(convert(TIMESTAMP, AttributeValues.MAX_TIMESTAMP)).isEqualTo(AttributeValues.MAX_TIMESTAMP);
            assertThat(convert(TIMESTAMP, "0001-01-01T00:00:00Z")).isEqualTo(AttributeValues.MIN_TIMESTAMP);
            assertRejected(TIMESTAMP, AttributeValues.MIN_TIMESTAMP.minusNanos(1)).hasMessageContaining("0001 to 9999");
            assertRejected(TIMESTAMP, AttributeValues.MAX_TIMESTAMP.plusNanos(1)).hasMessageContaining("0001 to 9999");
            assertRejected(TIMESTAMP, Instant.MAX);
            assertRejected(TIMESTAMP, "+10000-01-01T00:00:00Z");
            assertRejected(TIMESTAMP, "9999-12-31T23:00:00-01:00").hasMessageContaining("0001 to 9999");
        }
    }

    @Nested
    @DisplayName("error messages")
    class Messages {

        @Test
        @DisplayName("name the attribute, the expected type and the offending value with its Java type")
        void nameEverything() {
            assertInvalid(() -> AttributeValues.convert(AttributeSpec.required("amount", MONEY), "12,50"))
                    .hasMessage("INVALID_INPUT: attribute 'amount' must be MONEY (a decimal amount with at most"
                            + " 4 decimal places), was '12,50': not decimal text such as \"12.50\" or \"-3\"");
            assertInvalid(() -> AttributeValues.convert(AttributeSpec.required("paid", BOOLEAN), 1))
                    .hasMessage("INVALID_INPUT: attribute 'paid' must be BOOLEAN (true or false), was 1 (Integer)");
        }

        @Test
        @DisplayName("shorten a long value to 80 characters")
        void shortenLongValues() {
            String longText = "x".repeat(10_000);
            assertRejected(NUMBER, longText).satisfies(e -> {
                assertThat(e.getMessage()).contains("'" + "x".repeat(80) + "…'");
                assertThat(e.getMessage()).hasSizeLessThan(300);
            });
            assertRejected(NUMBER, BigInteger.TEN.pow(100_000)).satisfies(e ->
                    assertThat(e.getMessage()).contains("a number too long to show (BigInteger)").hasSizeLessThan(300));
        }

        @Test
        @DisplayName("escape control characters, so a message stays one line")
        void escapeControlCharacters() {
            assertRejected(BOOLEAN, "yes\nINFO forged log line").satisfies(e ->
                    assertThat(e.getMessage()).doesNotContain("\n").contains("'yes\\u000aINFO forged log line'"));
        }
    }

    @Nested
    @DisplayName("canonical text")
    class Canonical {

        @Test
        @DisplayName("is the plain decimal text, the ISO instant, true/false or the string itself")
        void forms() {
            assertThat(AttributeValues.canonical(NUMBER, new BigDecimal("1E+3"))).isEqualTo("1000");
            assertThat(AttributeValues.canonical(NUMBER, new BigDecimal("0.00000015"))).isEqualTo("0.00000015");
            assertThat(AttributeValues.canonical(MONEY, new BigDecimal("12.50"))).isEqualTo("12.5");
            assertThat(AttributeValues.canonical(MONEY, new BigDecimal("-0.00"))).isEqualTo("0");
            assertThat(AttributeValues.canonical(BOOLEAN, true)).isEqualTo("true");
            assertThat(AttributeValues.canonical(TIMESTAMP, Instant.parse("2024-05-01T12:00:00+02:00")))
                    .isEqualTo("2024-05-01T10:00:00Z");
            assertThat(AttributeValues.canonical(TIMESTAMP, Instant.parse("0001-01-01T00:00:00.5Z")))
                    .isEqualTo("0001-01-01T00:00:00.500Z");
            assertThat(AttributeValues.canonical(STRING, " as is\n")).isEqualTo(" as is\n");
        }

        @Test
        @DisplayName("is the same for equal numbers, whatever their scale")
        void oneTextPerNumber() {
            assertThat(AttributeValues.canonical(NUMBER, new BigDecimal("100.00")))
                    .isEqualTo(AttributeValues.canonical(NUMBER, new BigDecimal("1E+2")))
                    .isEqualTo(AttributeValues.canonical(NUMBER, BigDecimal.valueOf(100)))
                    .isEqualTo("100");
        }

        @Test
        @DisplayName("refuses a value that was not converted first (a bug, not input)")
        void onlyConvertedValues() {
            assertThatThrownBy(() -> AttributeValues.canonical(NUMBER, 12)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BigDecimal");
            assertThatThrownBy(() -> AttributeValues.canonical(TIMESTAMP, "2024-05-01T10:00:00Z"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> AttributeValues.canonical(STRING, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("parses back what it wrote")
        void parseExamples() {
            assertThat(AttributeValues.parse(MONEY, "12.5")).isEqualTo(new BigDecimal("12.5"));
            assertThat(AttributeValues.parse(NUMBER, "-0.00000015")).isEqualTo(new BigDecimal("-0.00000015"));
            assertThat(AttributeValues.parse(BOOLEAN, "false")).isEqualTo(false);
            assertThat(AttributeValues.parse(TIMESTAMP, "0001-01-01T00:00:00.500Z"))
                    .isEqualTo(Instant.parse("0001-01-01T00:00:00.5Z"));
            assertThat(AttributeValues.parse(STRING, "")).isEqualTo("");
        }

        @Test
        @DisplayName("reading text that no canonical form produces is corrupt storage: IllegalArgumentException")
        void corruptText() {
            assertThatThrownBy(() -> AttributeValues.parse(NUMBER, "twelve"))
                    .isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("stored text is not a NUMBER");
            assertThatThrownBy(() -> AttributeValues.parse(MONEY, "0.00001"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> AttributeValues.parse(BOOLEAN, "1")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> AttributeValues.parse(TIMESTAMP, "2024-05-01T10:00:00"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> AttributeValues.parse(STRING, null)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
