package dev.journeys.core.internal.imports;

import dev.journeys.core.internal.imports.RowReader.Result;
import static dev.journeys.core.internal.imports.CsvText.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.JourneyService;
import dev.journeys.api.ReasonCode;
import dev.journeys.api.RowRejection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One data row's values, checked: what a well-formed row gives, and each reason a row is rejected. */
@DisplayName("RowReader, by example")
class RowReaderTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final long LINE = 7;

    /** Header names as a person might type them: the rejections must name them this way, trimmed. */
    final RowReader reader = new RowReader(Columns.of(header(" Email ", "Journey", "STAGE", "Occurred_At", "note"), false));

    Result read(String... values) {
        return reader.read(new RawRow(LINE, List.of(values)), NOW);
    }

    static Row ok(Result result) {
        assertThat(result).isInstanceOf(Result.Ok.class);
        return ((Result.Ok) result).row();
    }

    static RowRejection rejected(Result result) {
        assertThat(result).isInstanceOf(Result.Rejected.class);
        return ((Result.Rejected) result).rejection();
    }

    static RowRejection rejection(String column, String value, ReasonCode code, String message) {
        return new RowRejection(LINE, Optional.ofNullable(column), Optional.ofNullable(value), code, message);
    }

    @Nested
    @DisplayName("a well-formed row")
    class WellFormed {

        @Test
        @DisplayName("gives every value, on the line the record starts on")
        void allValues() {
            assertThat(ok(read("ann@example.com", "Sales", "Lead", "2024-03-01T09:30:00Z", "met at the fair")))
                    .isEqualTo(new Row(LINE, "ann@example.com", Optional.of("Sales"), "Lead",
                            Optional.of(Instant.parse("2024-03-01T09:30:00Z")), Optional.of("met at the fair")));
        }

        @Test
        @DisplayName("has its values stripped of surrounding white space, inner white space kept")
        void valuesStripped() {
            assertThat(ok(read("  ann@example.com\t", " Sales ", "\nLead  gen\r\n", " 2024-03-01 ", "  two\n lines \n")))
                    .isEqualTo(new Row(LINE, "ann@example.com", Optional.of("Sales"), "Lead  gen",
                            Optional.of(Instant.parse("2024-03-01T00:00:00Z")), Optional.of("two\n lines")));
        }

        @Test
        @DisplayName("leaves a blank time or note empty: both are optional")
        void blankOptionalValues() {
            Row row = ok(read("ann", "Sales", "Lead", "  ", ""));
            assertThat(row.occurredAt()).isEmpty();
            assertThat(row.note()).isEmpty();
        }

        @Test
        @DisplayName("has no journey when the file has no journey column (the request names it)")
        void noJourneyColumn() {
            RowReader reader = new RowReader(Columns.of(header("contact", "stage"), true));
            assertThat(reader.read(new RawRow(2, List.of("ann", "Lead")), NOW))
                    .isEqualTo(new Result.Ok(new Row(2, "ann", Optional.empty(), "Lead", Optional.empty(), Optional.empty())));
        }

        @Test
        @DisplayName("ignores the values of unknown columns, whatever they hold")
        void unknownColumnsIgnored() {
            RowReader reader = new RowReader(Columns.of(header("tag", "contact", "", "stage"), true));
            assertThat(ok(reader.read(new RawRow(2, List.of("", "ann", "x".repeat(10_000), "Lead")), NOW)))
                    .isEqualTo(new Row(2, "ann", Optional.empty(), "Lead", Optional.empty(), Optional.empty()));
        }

        @Test
        @DisplayName("may have a contact of 255 characters and a note of 2000, counted after stripping")
        void longestValues() {
            String contact = "c".repeat(JourneyService.MAX_CONTACT_KEY_LENGTH);
            String note = "n".repeat(JourneyService.MAX_NOTE_LENGTH);
            Row row = ok(read("  " + contact + "  ", "Sales", "Lead", "", " " + note + "\n"));
            assertThat(row.contactKey()).isEqualTo(contact);
            assertThat(row.note()).contains(note);
        }
    }

    @Nested
    @DisplayName("occurred_at")
    class OccurredAt {

        @ParameterizedTest(name = "''{0}'' is {1}")
        @CsvSource({
            "2024-03-01T09:30:00Z,                2024-03-01T09:30:00Z",
            "2024-03-01T09:30:00+02:00,           2024-03-01T07:30:00Z",
            "2024-03-01T09:30-05:00,              2024-03-01T14:30:00Z",
            "2024-03-01T23:30:00-01:00,           2024-03-02T00:30:00Z",
            "2024-03-01T09:30:00.5Z,              2024-03-01T09:30:00.500Z",
            "2024-03-01T09:30:00.123456789+00:00, 2024-03-01T09:30:00.123456Z",
            "2024-03-01,                          2024-03-01T00:00:00Z",
            "2024-02-29,                          2024-02-29T00:00:00Z",
            "1970-01-01,                          1970-01-01T00:00:00Z",
        })
        @DisplayName("accepts a date-time with an offset or Z (to the microsecond), or a date as midnight UTC")
        void acceptedForms(String text, String expected) {
            assertThat(ok(read("ann", "Sales", "Lead", text, "")).occurredAt()).contains(Instant.parse(expected));
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {
            "yesterday",
            "2024-03-01T09:30:00",
            "2024-03-01 09:30:00Z",
            "2024-02-30",
            "2023-02-29",
            "2024-3-1",
            "01/03/2024",
            "1709285400",
            "2024-03-01T24:00:00Z",
            "2024-03-01T09:30:00+25:00",
            "2024-03-01Z",
        })
        @DisplayName("rejects anything else as INVALID_TIMESTAMP, naming the column as written and the value")
        void invalid(String text) {
            assertThat(rejected(read("ann", "Sales", "Lead", "  " + text + " ", ""))).isEqualTo(rejection(
                    "Occurred_At", text, ReasonCode.INVALID_TIMESTAMP,
                    "not an ISO-8601 time with an offset (2024-03-01T09:30:00Z) or a date (2024-03-01)"));
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"2025-06-01T12:00:01Z", "2025-06-01T12:00:00.000001Z", "2025-06-01T12:00:00-01:00",
            "2025-06-02", "9999-12-31"})
        @DisplayName("rejects a time after now as FUTURE_TIMESTAMP")
        void future(String text) {
            assertThat(rejected(read("ann", "Sales", "Lead", text, ""))).isEqualTo(rejection(
                    "Occurred_At", text, ReasonCode.FUTURE_TIMESTAMP, "a move cannot be backfilled at a time that has not come yet"));
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"1899-12-31T23:59:59.999999Z", "1900-01-01T00:30:00+01:00", "0201-03-04", "-0001-01-01",
            "-999999999-01-01T00:00:00Z"})
        @DisplayName("rejects a time before 1900 as TIMESTAMP_TOO_EARLY")
        void tooEarly(String text) {
            assertThat(rejected(read("ann", "Sales", "Lead", text, ""))).isEqualTo(rejection("Occurred_At", text,
                    ReasonCode.TIMESTAMP_TOO_EARLY, "a move cannot be backfilled before 1900-01-01; a year this far back is a typo"));
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"1900-01-01", "1900-01-01T00:00:00Z", "1970-01-01T00:00:00Z"})
        @DisplayName("accepts 1900-01-01 and later")
        void earliest(String text) {
            assertThat(read("ann", "Sales", "Lead", text, "")).isInstanceOf(Result.Ok.class);
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"2025-06-01T12:00:00Z", "2025-06-01T14:00:00+02:00", "2025-06-01"})
        @DisplayName("accepts now itself, and today's date")
        void nowIsNotFuture(String text) {
            assertThat(read("ann", "Sales", "Lead", text, "")).isInstanceOf(Result.Ok.class);
        }
    }

    @Nested
    @DisplayName("rejections")
    class Rejections {

        @Test
        @DisplayName("too few values is WRONG_FIELD_COUNT, for the row as a whole")
        void tooFewValues() {
            assertThat(rejected(read("ann", "Sales", "Lead", ""))).isEqualTo(rejection(null, null, ReasonCode.WRONG_FIELD_COUNT,
                    "expected 5 values as in the header, found 4"));
        }

        @Test
        @DisplayName("too many values is WRONG_FIELD_COUNT, even when the extra values are blank")
        void tooManyValues() {
            assertThat(rejected(read("ann", "Sales", "Lead", "", "", ""))).isEqualTo(rejection(null, null,
                    ReasonCode.WRONG_FIELD_COUNT, "expected 5 values as in the header, found 6"));
        }

        @ParameterizedTest(name = "contact ''{0}''")
        @ValueSource(strings = {"", " ", "\t \n"})
        @DisplayName("a blank contact is MISSING_VALUE, naming the column as written")
        void blankContact(String contact) {
            assertThat(rejected(read(contact, "Sales", "Lead", "", "")))
                    .isEqualTo(rejection("Email", "", ReasonCode.MISSING_VALUE, "the contact is empty"));
        }

        @Test
        @DisplayName("a blank journey, when the file has a journey column, is MISSING_VALUE")
        void blankJourney() {
            assertThat(rejected(read("ann", "  ", "Lead", "", "")))
                    .isEqualTo(rejection("Journey", "", ReasonCode.MISSING_VALUE, "the journey is empty"));
        }

        @Test
        @DisplayName("a blank stage is MISSING_VALUE")
        void blankStage() {
            assertThat(rejected(read("ann", "Sales", "", "", "")))
                    .isEqualTo(rejection("STAGE", "", ReasonCode.MISSING_VALUE, "the stage is empty"));
        }

        @Test
        @DisplayName("a contact of 256 characters is VALUE_TOO_LONG, its value clipped to 200 characters")
        void contactTooLong() {
            String contact = "0123456789".repeat(25) + "abcdef";
            assertThat(rejected(read(contact, "Sales", "Lead", "", ""))).isEqualTo(rejection("Email",
                    contact.substring(0, 199) + "…", ReasonCode.VALUE_TOO_LONG, "the contact is 256 characters; at most 255 fit"));
        }

        @Test
        @DisplayName("a note of 2001 characters is VALUE_TOO_LONG, its value clipped to 200 characters")
        void noteTooLong() {
            String note = "n".repeat(2001);
            RowRejection rejection = rejected(read("ann", "Sales", "Lead", "", note));
            assertThat(rejection).isEqualTo(rejection("note", "n".repeat(199) + "…", ReasonCode.VALUE_TOO_LONG,
                    "the note is 2001 characters; at most 2000 fit"));
            assertThat(rejection.value().orElseThrow()).hasSize(RowReader.MAX_REPORTED_VALUE);
        }

        @Test
        @DisplayName("a reported value of 200 characters is given whole; of 201, clipped to 199 and an ellipsis")
        void clipping() {
            String exactly = "x".repeat(200);
            assertThat(rejected(read("ann", "Sales", "Lead", exactly, "")).value()).contains(exactly);
            assertThat(rejected(read("ann", "Sales", "Lead", exactly + "y", "")).value()).contains("x".repeat(199) + "…");
        }

        @Test
        @DisplayName("clipping never splits a character outside the BMP")
        void clippingKeepsSurrogatePairs() {
            // 150 emoji are 300 UTF-16 units: too long a contact. substring(0, 199) ends inside the 100th emoji,
            // so the report holds a lone high surrogate before the ellipsis (not valid UTF-16; U+FFFD or an
            // encoding error once written as UTF-8).
            String contact = "😀".repeat(150);
            String value = rejected(read(contact, "Sales", "Lead", "", "")).value().orElseThrow();
            assertThat(value.codePoints()).noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
            assertThat(value).startsWith("😀".repeat(99)).endsWith("…");
        }

        @Test
        @DisplayName("a row with several faults is rejected once, for the first in the order contact, journey, stage, time, note")
        void firstFaultWins() {
            String longNote = "n".repeat(3000);
            assertThat(rejected(read("ann", "Sales", "Lead", "2024-13-01", longNote)).code()).isEqualTo(ReasonCode.INVALID_TIMESTAMP);
            assertThat(rejected(read("ann", "Sales", "", "2024-13-01", longNote)).column()).contains("STAGE");
            assertThat(rejected(read("ann", "", "", "2024-13-01", longNote)).column()).contains("Journey");
            assertThat(rejected(read("", "", "", "2024-13-01", longNote)).column()).contains("Email");
            assertThat(rejected(read("c".repeat(300), "", "", "", "")).code()).isEqualTo(ReasonCode.VALUE_TOO_LONG);
            assertThat(rejected(read("", "", "", "")).code()).isEqualTo(ReasonCode.WRONG_FIELD_COUNT);
        }

        @Test
        @DisplayName("every rejection carries the line its record starts on")
        void rejectionLine() {
            assertThat(reader.read(new RawRow(12_345, List.of("", "Sales", "Lead", "", "")), NOW))
                    .isEqualTo(new Result.Rejected(new RowRejection(12_345, Optional.of("Email"), Optional.of(""),
                            ReasonCode.MISSING_VALUE, "the contact is empty")));
        }
    }
}
