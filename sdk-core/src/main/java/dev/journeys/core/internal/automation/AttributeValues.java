package dev.journeys.core.internal.automation;

import dev.journeys.api.InvalidInputException;
import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.AttributeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Converts event attribute values and condition operands to the Java type of their declared
 * {@link AttributeType}, and gives every converted value one round-trippable text form for storage.
 *
 * <h2>What is accepted</h2>
 * <ul>
 *   <li><b>STRING</b> &rarr; {@link String}: a {@code String} only. Nothing else is turned into text
 *       (a number sent for a string attribute is a host bug worth hearing about).</li>
 *   <li><b>NUMBER</b> &rarr; {@link BigDecimal}: any {@link Number} ({@code Double} through
 *       {@link BigDecimal#valueOf(double)}, so {@code 0.1} is exactly 0.1; {@code Float} through its shortest
 *       decimal text), or ASCII decimal text: an optional sign, digits, optionally a point and digits, optionally
 *       an exponent ({@code "12.50"}, {@code "-3"}, {@code "1e3"}, {@code "1.5E-7"}). Exponents are accepted
 *       because JSON numbers and {@code Double.toString} use them and they are exact. Rejected: NaN and
 *       infinities, surrounding spaces, grouping ({@code "1,000"}), {@code ".5"}, {@code "5."}, hexadecimal,
 *       non-ASCII digits, text longer than {@value #MAX_NUMBER_TEXT_LENGTH} characters, and numbers with more
 *       than {@value #MAX_INTEGER_DIGITS} digits before the point or more than {@value #MAX_FRACTION_DIGITS}
 *       after it (so that no value's text form can be huge: {@code "1e999999999"} is refused, not expanded).</li>
 *   <li><b>MONEY</b> &rarr; {@link BigDecimal}: as NUMBER, and at most {@value #MAX_MONEY_DECIMALS} decimal places
 *       once trailing zeros are removed ({@code 12.5000} is fine, {@code 12.12345} is not). Four covers every
 *       ISO 4217 minor unit and the usual four-place unit prices. A {@code double} is accepted when its shortest
 *       decimal text fits ({@code 19.99}); binary noise such as {@code 0.1 + 0.2} does not fit and is refused
 *       rather than rounded.</li>
 *   <li><b>BOOLEAN</b> &rarr; {@link Boolean}: a {@code Boolean}, or {@code "true"} / {@code "false"} in any
 *       case. Not {@code 1}/{@code 0}/{@code "yes"}: those are guesses.</li>
 *   <li><b>TIMESTAMP</b> &rarr; {@link Instant}: an {@code Instant}, {@code OffsetDateTime} or
 *       {@code ZonedDateTime}, or ISO-8601 text with an offset ({@code "2024-05-01T10:15:30Z"},
 *       {@code "2024-05-01T12:15:30.5+02:00"}). A date-time without an offset, a date alone, a zone name in
 *       brackets and epoch numbers (seconds or millis?) are refused, never guessed. Instants must lie in years
 *       0001 to 9999 ({@link #MIN_TIMESTAMP} to {@link #MAX_TIMESTAMP}), the range every supported database
 *       stores.</li>
 * </ul>
 * {@code null} is never a value: an attribute without a value is left out of the event.
 *
 * <h2>Normal form</h2>
 * Converted numbers are normalised: trailing zeros removed and never a negative scale ({@code 100.00} and
 * {@code 1E+2} both become {@code 100}, {@code 12.50} becomes {@code 12.5}). So equal numbers are
 * {@link BigDecimal#equals equal} and have the same {@link #canonical} text, which makes stored values
 * comparable as text. Showing money with its currency's decimals is the host's business.
 */
public final class AttributeValues {

    /** Most digits a number may have before its decimal point. */
    public static final int MAX_INTEGER_DIGITS = 64;
    /** Most digits a number may have after its decimal point, trailing zeros not counted. */
    public static final int MAX_FRACTION_DIGITS = 32;
    /** Most decimal places a money amount may have, trailing zeros not counted. */
    public static final int MAX_MONEY_DECIMALS = 4;
    /** Longest text accepted as a number. */
    public static final int MAX_NUMBER_TEXT_LENGTH = 128;
    /** The earliest timestamp accepted: the start of year 0001, UTC. */
    public static final Instant MIN_TIMESTAMP = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest timestamp accepted: the end of year 9999, UTC. */
    public static final Instant MAX_TIMESTAMP = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** How much of an offending value an error message shows. */
    static final int SHOWN_LENGTH = 80;

    private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
    /** Beyond this many bits an unscaled value cannot fit the digit limits, whatever its scale says. */
    private static final int MAX_UNSCALED_BITS = 4096;
    /** Longer than any ISO-8601 date-time with an offset, even with nanoseconds. */
    private static final int MAX_TIMESTAMP_TEXT_LENGTH = 64;

    private AttributeValues() {
    }

    /**
     * Converts an event value or a condition operand to the Java type of {@code spec}'s type.
     *
     * @throws InvalidInputException naming the attribute, the expected type and the (shortened) value
     */
    public static Object convert(AttributeSpec spec, Object raw) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(spec.type(), "type");
        try {
            return convertOrExplain(spec.type(), raw);
        } catch (Unconvertible e) {
            // Named here, not before: every attribute of every event passes, and few fail.
            throw unconvertible("attribute " + quote(spec.name()), spec.type(), raw, e);
        }
    }

    /** As {@link #convert(AttributeSpec, Object)}, with {@code subject} naming what is converted in errors. */
    static Object convert(String subject, AttributeType type, Object raw) {
        Objects.requireNonNull(type, "type");
        try {
            return convertOrExplain(type, raw);
        } catch (Unconvertible e) {
            throw unconvertible(subject, type, raw, e);
        }
    }

    private static InvalidInputException unconvertible(String subject, AttributeType type, Object raw, Unconvertible e) {
        return new InvalidInputException(subject + " must be " + expected(type) + ", was " + show(raw)
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    /**
     * The storage text of a converted value: the string itself, {@link BigDecimal#toPlainString()} of the
     * normal form, {@link Boolean#toString()} or {@link Instant#toString()}.
     *
     * @throws IllegalArgumentException if {@code converted} is not of the type's Java type (a bug, not input)
     */
    public static String canonical(AttributeType type, Object converted) {
        Objects.requireNonNull(type, "type");
        switch (type) {
            case STRING:
                return expect(type, String.class, converted);
            case NUMBER:
            case MONEY:
                return normalise(expect(type, BigDecimal.class, converted)).toPlainString();
            case BOOLEAN:
                return expect(type, Boolean.class, converted).toString();
            case TIMESTAMP:
                return expect(type, Instant.class, converted).toString();
            default:
                throw new AssertionError(type);
        }
    }

    /**
     * Reads a value back from its {@link #canonical} text: {@code parse(t, canonical(t, x))} equals {@code x}
     * (numbers compare equal by {@code compareTo}, and by {@code equals} too when {@code x} came from
     * {@link #convert}). It applies the same rules as {@link #convert} to text.
     *
     * @throws IllegalArgumentException if the text is no value of the type: stored text that does not parse is
     *         corrupt storage or a bug, not bad input from a host
     */
    public static Object parse(AttributeType type, String canonical) {
        Objects.requireNonNull(type, "type");
        if (canonical == null) {
            throw new IllegalArgumentException("no stored " + type + " text (null)");
        }
        try {
            return convertOrExplain(type, canonical);
        } catch (Unconvertible e) {
            throw new IllegalArgumentException("stored text is not a " + type + ": " + show(canonical)
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static Object convertOrExplain(AttributeType type, Object raw) throws Unconvertible {
        if (raw == null) {
            throw new Unconvertible(null);
        }
        switch (type) {
            case STRING:
                if (raw instanceof String s) {
                    return s;
                }
                throw new Unconvertible(null);
            case NUMBER:
                return number(raw);
            case MONEY:
                BigDecimal amount = number(raw);
                if (amount.scale() > MAX_MONEY_DECIMALS) {
                    throw new Unconvertible(amount.scale() + " decimal places, at most " + MAX_MONEY_DECIMALS);
                }
                return amount;
            case BOOLEAN:
                if (raw instanceof Boolean b) {
                    return b;
                }
                if (raw instanceof String s) {
                    if (s.equalsIgnoreCase("true")) {
                        return Boolean.TRUE;
                    }
                    if (s.equalsIgnoreCase("false")) {
                        return Boolean.FALSE;
                    }
                }
                throw new Unconvertible(null);
            case TIMESTAMP:
                return inRange(instant(raw));
            default:
                throw new AssertionError(type);
        }
    }

    /** A number in normal form within the digit limits. */
    private static BigDecimal number(Object raw) throws Unconvertible {
        BigDecimal value;
        if (raw instanceof BigDecimal d) {
            value = d;
        } else if (raw instanceof BigInteger i) {
            value = new BigDecimal(i);
        } else if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte
                || raw instanceof AtomicInteger || raw instanceof AtomicLong || raw instanceof LongAdder
                || raw instanceof LongAccumulator) {
            value = BigDecimal.valueOf(((Number) raw).longValue());
        } else if (raw instanceof Double || raw instanceof DoubleAdder || raw instanceof DoubleAccumulator) {
            double d = ((Number) raw).doubleValue();
            finite(Double.isNaN(d), Double.isInfinite(d));
            value = BigDecimal.valueOf(d);
        } else if (raw instanceof Float f) {
            finite(f.isNaN(), f.isInfinite());
            value = new BigDecimal(Float.toString(f)); // 0.1f is 0.1, not 0.100000001490116...
        } else if (raw instanceof Number other) {
            value = decimalText(other.toString()); // an unknown Number: only its own decimal text is trusted
        } else if (raw instanceof String s) {
            value = decimalText(s);
        } else {
            throw new Unconvertible(null);
        }
        if (value.unscaledValue().bitLength() > MAX_UNSCALED_BITS) {
            throw new Unconvertible("too many digits");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        long integerDigits = (long) stripped.precision() - stripped.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new Unconvertible("more than " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        if (stripped.scale() > MAX_FRACTION_DIGITS) {
            throw new Unconvertible("more than " + MAX_FRACTION_DIGITS + " digits after the decimal point");
        }
        return normalise(stripped);
    }

    private static void finite(boolean nan, boolean infinite) throws Unconvertible {
        if (nan) {
            throw new Unconvertible("NaN is not a number");
        }
        if (infinite) {
            throw new Unconvertible("infinity is not a number");
        }
    }

    private static BigDecimal decimalText(String text) throws Unconvertible {
        if (text.length() > MAX_NUMBER_TEXT_LENGTH) {
            throw new Unconvertible("longer than " + MAX_NUMBER_TEXT_LENGTH + " characters");
        }
        if (!DECIMAL_TEXT.matcher(text).matches()) {
            throw new Unconvertible("not decimal text such as \"12.50\" or \"-3\"");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) { // an exponent beyond int
            throw new Unconvertible("exponent out of range");
        }
    }

    /** Trailing zeros removed and no negative scale: one representation per value. */
    static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Instant instant(Object raw) throws Unconvertible {
        if (raw instanceof Instant i) {
            return i;
        }
        if (raw instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (raw instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (raw instanceof String s) {
            if (s.length() > MAX_TIMESTAMP_TEXT_LENGTH) {
                throw new Unconvertible("longer than " + MAX_TIMESTAMP_TEXT_LENGTH + " characters");
            }
            try {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeException e) {
                throw new Unconvertible(withoutOffset(s)
                        ? "no offset; add 'Z' or '+hh:mm', the SDK does not guess a time zone"
                        : "not an ISO-8601 date-time with an offset");
            }
        }
        if (raw instanceof java.time.temporal.TemporalAccessor) {
            throw new Unconvertible("no offset; the SDK does not guess a time zone");
        }
        if (raw instanceof Number) {
            throw new Unconvertible("epoch numbers are ambiguous (seconds or milliseconds?); send an Instant");
        }
        throw new Unconvertible(null);
    }

    private static boolean withoutOffset(String s) {
        try {
            DateTimeFormatter.ISO_LOCAL_DATE_TIME.parse(s);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static Instant inRange(Instant instant) throws Unconvertible {
        if (instant.isBefore(MIN_TIMESTAMP) || instant.isAfter(MAX_TIMESTAMP)) {
            throw new Unconvertible("outside years 0001 to 9999");
        }
        return instant;
    }

    private static <T> T expect(AttributeType type, Class<T> javaType, Object converted) {
        if (!javaType.isInstance(converted)) {
            throw new IllegalArgumentException("a converted " + type + " is a " + javaType.getSimpleName()
                    + ", not " + (converted == null ? "null" : converted.getClass().getName()));
        }
        return javaType.cast(converted);
    }

    static String expected(AttributeType type) {
        switch (type) {
            case STRING:
                return "STRING (text)";
            case NUMBER:
                return "NUMBER (a number or decimal text such as \"12.50\")";
            case MONEY:
                return "MONEY (a decimal amount with at most " + MAX_MONEY_DECIMALS + " decimal places)";
            case BOOLEAN:
                return "BOOLEAN (true or false)";
            case TIMESTAMP:
                return "TIMESTAMP (an Instant or ISO-8601 text with an offset, such as \"2024-05-01T10:15:30Z\")";
            default:
                throw new AssertionError(type);
        }
    }

    /**
     * A value as an error message shows it: text quoted, anything else with its Java type, both shortened to
     * {@value #SHOWN_LENGTH} characters and with control characters escaped, so a message stays one short line.
     */
    static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        String type = value.getClass().getSimpleName();
        if (value instanceof BigInteger big && big.bitLength() > MAX_UNSCALED_BITS
                || value instanceof BigDecimal dec && dec.unscaledValue().bitLength() > MAX_UNSCALED_BITS) {
            return "a number too long to show (" + type + ")";
        }
        String text = value instanceof BigDecimal d ? d.toString() : String.valueOf(value);
        return shorten(text) + " (" + type + ")";
    }

    /** A converted value as an explanation shows it: text quoted, numbers plain, instants in ISO-8601. */
    static String display(Object value) {
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof BigDecimal d) {
            return shorten(normalise(d).toPlainString());
        }
        return shorten(String.valueOf(value));
    }

    static String quote(String s) {
        return s == null ? "null" : "'" + shorten(s) + "'";
    }

    private static String shorten(String s) {
        int shown = Math.min(s.length(), SHOWN_LENGTH);
        int firstControl = 0;
        while (firstControl < shown && !Character.isISOControl(s.charAt(firstControl))) {
            firstControl++;
        }
        // Every event's not-matched explanations pass through here: plain short text, the usual case, is not copied.
        if (firstControl == shown && shown == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(shown + 8).append(s, 0, firstControl);
        for (int i = firstControl; i < shown; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (shown < s.length()) {
            out.append('…');
        }
        return out.toString();
    }

    /** Why a value does not convert; {@code null} when "it is not of the expected type" says it all. */
    private static final class Unconvertible extends Exception {
        Unconvertible(String reason) {
            super(reason, null, false, false);
        }
    }
}
