package dev.journeys.core.internal.imports;

import dev.journeys.core.internal.imports.Columns.Column;
import dev.journeys.api.JourneyService;
import dev.journeys.api.ReasonCode;
import dev.journeys.api.RowRejection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Checks one data row's values; what the values refer to is checked later, when the row is decided. */
public final class RowReader {

    /** Values in a report are clipped to this many characters. */
    public static final int MAX_REPORTED_VALUE = 200;

    private final Columns columns;

    public RowReader(Columns columns) {
        this.columns = columns;
    }

    /** @return the row, or why it cannot be one */
    public Result read(RawRow raw, Instant now) {
        if (raw.values().size() != columns.width()) {
            return reject(raw.line(), Optional.empty(), Optional.empty(), ReasonCode.WRONG_FIELD_COUNT,
                    "expected " + columns.width() + " values as in the header, found " + raw.values().size());
        }
        Optional<String> contact = columns.value(raw, Column.CONTACT);
        if (contact.isEmpty()) {
            return missing(raw, Column.CONTACT);
        }
        if (contact.get().length() > JourneyService.MAX_CONTACT_KEY_LENGTH) {
            return tooLong(raw, Column.CONTACT, contact.get(), JourneyService.MAX_CONTACT_KEY_LENGTH);
        }
        Optional<String> journey = columns.value(raw, Column.JOURNEY);
        if (columns.has(Column.JOURNEY) && journey.isEmpty()) {
            return missing(raw, Column.JOURNEY);
        }
        Optional<String> stage = columns.value(raw, Column.STAGE);
        if (stage.isEmpty()) {
            return missing(raw, Column.STAGE);
        }
        Optional<String> when = columns.value(raw, Column.OCCURRED_AT);
        Optional<Instant> occurredAt = Optional.empty();
        if (when.isPresent()) {
            occurredAt = instant(when.get());
            if (occurredAt.isEmpty()) {
                return reject(raw.line(), column(Column.OCCURRED_AT), when, ReasonCode.INVALID_TIMESTAMP,
                        "not an ISO-8601 time with an offset (2024-03-01T09:30:00Z) or a date (2024-03-01)");
            }
            if (occurredAt.get().isBefore(EARLIEST)) {
                return reject(raw.line(), column(Column.OCCURRED_AT), when, ReasonCode.TIMESTAMP_TOO_EARLY,
                        "a move cannot be backfilled before " + EARLIEST_TEXT + "; a year this far back is a typo");
            }
            if (occurredAt.get().isAfter(now)) {
                return reject(raw.line(), column(Column.OCCURRED_AT), when, ReasonCode.FUTURE_TIMESTAMP,
                        "a move cannot be backfilled at a time that has not come yet");
            }
        }
        Optional<String> note = columns.value(raw, Column.NOTE);
        if (note.isPresent() && note.get().length() > JourneyService.MAX_NOTE_LENGTH) {
            return tooLong(raw, Column.NOTE, note.get(), JourneyService.MAX_NOTE_LENGTH);
        }
        return new Result.Ok(new Row(raw.line(), contact.get(), journey, stage.get(), occurredAt, note));
    }

    /** No lifecycle predates this, and every database writes and reads times after it alike. */
    static final String EARLIEST_TEXT = "1900-01-01";
    static final Instant EARLIEST = Instant.parse(EARLIEST_TEXT + "T00:00:00Z");

    /** An instant with an offset, or a date taken as midnight UTC; microsecond precision, as stored. */
    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeParseException notDateTime) {
            try {
                return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private Result missing(RawRow raw, Column c) {
        return reject(raw.line(), column(c), Optional.of(""), ReasonCode.MISSING_VALUE, "the " + c.canonicalName() + " is empty");
    }

    private Result tooLong(RawRow raw, Column c, String value, int max) {
        return reject(raw.line(), column(c), Optional.of(value), ReasonCode.VALUE_TOO_LONG,
                "the " + c.canonicalName() + " is " + value.length() + " characters; at most " + max + " fit");
    }

    private Optional<String> column(Column c) {
        return Optional.of(columns.nameOf(c));
    }

    public static Result reject(long line, Optional<String> column, Optional<String> value, ReasonCode code, String message) {
        return new Result.Rejected(rejection(line, column, value, code, message));
    }

    public static RowRejection rejection(long line, Optional<String> column, Optional<String> value, ReasonCode code,
                                         String message) {
        return new RowRejection(line, column, value.map(RowReader::clip), code, message);
    }

    private static String clip(String value) {
        if (value.length() <= MAX_REPORTED_VALUE) {
            return value;
        }
        int cut = MAX_REPORTED_VALUE - 1;
        // Never split a surrogate pair: half an emoji is not text once written out as UTF-8.
        if (Character.isHighSurrogate(value.charAt(cut - 1))) {
            cut--;
        }
        return value.substring(0, cut) + "…";
    }

    /** A well-formed row or its rejection. */
    public sealed interface Result {
        record Ok(Row row) implements Result {
        }

        record Rejected(RowRejection rejection) implements Result {
        }
    }
}
