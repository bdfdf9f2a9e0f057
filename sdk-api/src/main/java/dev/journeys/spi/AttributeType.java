package dev.journeys.spi;

/**
 * The type of an event attribute, and the Java type its value arrives as after checking:
 * strings as {@link String}, numbers and money as {@link java.math.BigDecimal}, booleans as
 * {@link Boolean}, timestamps as {@link java.time.Instant}.
 */
public enum AttributeType {
    STRING,
    /** Any number; integers and decimals are both accepted and compared exactly. */
    NUMBER,
    /** A decimal amount, never a binary floating point; the currency, if any, is its own attribute. */
    MONEY,
    BOOLEAN,
    /** An instant; ISO-8601 strings are accepted too. */
    TIMESTAMP
}
