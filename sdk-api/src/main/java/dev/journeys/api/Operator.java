package dev.journeys.api;

/** How a condition compares an event attribute with its operands. */
public enum Operator {
    /** Equal to the single operand; numbers and money compare by value (10.0 equals 10). */
    EQUALS,
    NOT_EQUALS,
    /** Equal to one of the operands. */
    IN,
    /** Numbers, money and timestamps only. */
    GREATER_THAN,
    /** Numbers, money and timestamps only. */
    LESS_THAN,
    /** Strings only: contains the operand, ignoring case. */
    CONTAINS,
    /** The attribute is in the event; takes no operand. */
    PRESENT
}
