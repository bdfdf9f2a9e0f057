package dev.journeys.api;

import java.util.Optional;

/**
 * One row an import did not apply, and why.
 *
 * @param line the file line where the row starts, counting the header as line 1
 * @param column the column at fault, as written in the header; empty when the row as a whole is at fault
 * @param value the offending value, clipped to 200 characters
 * @param code stable and safe to match on: a {@link Rejection#code()} for a move the rules refused, or
 *        one of {@code MISSING_VALUE}, {@code VALUE_TOO_LONG}, {@code INVALID_TIMESTAMP},
 *        {@code FUTURE_TIMESTAMP}, {@code TIMESTAMP_TOO_EARLY}, {@code BEFORE_CURRENT_STAGE}, {@code UNKNOWN_JOURNEY},
 *        {@code UNKNOWN_STAGE}, {@code WRONG_FIELD_COUNT}
 */
public record RowRejection(long line, Optional<String> column, Optional<String> value, String code, String message) {
}
