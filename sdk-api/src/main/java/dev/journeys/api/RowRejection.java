package dev.journeys.api;

import java.util.Optional;

/**
 * One row an import did not apply, and why.
 *
 * @param line the file line where the row starts, counting the header as line 1
 * @param column the column at fault, as written in the header; empty when the row as a whole is at fault
 * @param value the offending value, clipped to 200 characters
 * @param code stable and safe to match on: the {@link Rejection#code()} of a move the rules refused, or what is
 *        wrong with the row itself ({@link ReasonCode#MISSING_VALUE}, {@link ReasonCode#WRONG_FIELD_COUNT}, ...)
 */
public record RowRejection(long line, Optional<String> column, Optional<String> value, ReasonCode code, String message) {
}
