package dev.journeys.core.internal.imports;

import dev.journeys.core.internal.imports.Columns.Column;
import static dev.journeys.core.internal.imports.CsvText.header;
import static dev.journeys.core.internal.imports.CsvText.readAll;
import static dev.journeys.core.internal.imports.CsvText.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The header of an import file: which columns it has, where, and what is wrong with it. */
@DisplayName("Columns, by example")
class ColumnsTest {

    @Nested
    @DisplayName("recognising columns")
    class Recognising {

        @Test
        @DisplayName("finds every known column by its canonical name, in any order")
        void canonicalNames() {
            Columns columns = Columns.of(header("note", "stage", "occurred_at", "journey", "contact"), false);

            RawRow row = row(2, "hello", "Lead", "2024-03-01", "Sales", "ann@example.com");
            assertThat(columns.width()).isEqualTo(5);
            assertThat(Column.values()).allMatch(columns::has);
            assertThat(columns.value(row, Column.CONTACT)).contains("ann@example.com");
            assertThat(columns.value(row, Column.JOURNEY)).contains("Sales");
            assertThat(columns.value(row, Column.STAGE)).contains("Lead");
            assertThat(columns.value(row, Column.OCCURRED_AT)).contains("2024-03-01");
            assertThat(columns.value(row, Column.NOTE)).contains("hello");
            assertThat(columns.warnings()).isEmpty();
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"contact", "contact_key", "contact_id", "email"})
        @DisplayName("accepts each name of the contact column")
        void contactAliases(String name) {
            Columns columns = Columns.of(header("stage", name), true);
            assertThat(columns.has(Column.CONTACT)).isTrue();
            assertThat(columns.value(row(2, "lead", "ann"), Column.CONTACT)).contains("ann");
            assertThat(columns.nameOf(Column.CONTACT)).isEqualTo(name);
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"EMAIL", "  Email ", "\tContact_Key\t", "CONTACT_id", " cOnTaCt"})
        @DisplayName("matches names ignoring case and surrounding spaces, and remembers them as written, trimmed")
        void caseAndSpaces(String name) {
            Columns columns = Columns.of(header(name, " STAGE ", "Journey "), false);
            assertThat(columns.has(Column.CONTACT)).isTrue();
            assertThat(columns.nameOf(Column.CONTACT)).isEqualTo(name.strip());
            assertThat(columns.nameOf(Column.STAGE)).isEqualTo("STAGE");
            assertThat(columns.nameOf(Column.JOURNEY)).isEqualTo("Journey");
        }

        @Test
        @DisplayName("a name with inner spaces or other words is not a known column")
        void noFuzzyMatching() {
            Columns columns = Columns.of(header("contact", "stage", "occurred at", "notes", "e-mail"), true);
            assertThat(columns.has(Column.OCCURRED_AT)).isFalse();
            assertThat(columns.has(Column.NOTE)).isFalse();
            assertThat(columns.warnings()).containsExactly(
                    "unknown column 'occurred at' is ignored",
                    "unknown column 'notes' is ignored",
                    "unknown column 'e-mail' is ignored");
        }

        @Test
        @DisplayName("a column the header lacks has no value, and is named by its canonical name")
        void absentColumn() {
            Columns columns = Columns.of(header("contact", "stage"), true);
            assertThat(columns.has(Column.JOURNEY)).isFalse();
            assertThat(columns.value(row(2, "ann", "lead"), Column.NOTE)).isEmpty();
            assertThat(columns.nameOf(Column.OCCURRED_AT)).isEqualTo("occurred_at");
        }

        @Test
        @DisplayName("values are stripped, and a blank value is no value")
        void valuesStrippedAndBlankIsEmpty() {
            Columns columns = Columns.of(header("contact", "stage", "note"), true);
            RawRow row = row(2, "  ann \t", "\n lead\r\n", "   ");
            assertThat(columns.value(row, Column.CONTACT)).contains("ann");
            assertThat(columns.value(row, Column.STAGE)).contains("lead");
            assertThat(columns.value(row, Column.NOTE)).isEmpty();
        }
    }

    @Nested
    @DisplayName("warnings")
    class Warnings {

        @Test
        @DisplayName("each unknown column is reported once, in header order, as written")
        void unknownColumns() {
            Columns columns = Columns.of(header("Owner", "contact", " Source ", "stage"), true);
            assertThat(columns.warnings()).containsExactly(
                    "unknown column 'Owner' is ignored",
                    "unknown column 'Source' is ignored");
            assertThat(columns.width()).as("unknown columns still count for the row width").isEqualTo(4);
        }

        @Test
        @DisplayName("a column with no name is reported by its position")
        void namelessColumn() {
            Columns columns = Columns.of(header("contact", "stage", " "), true);
            assertThat(columns.warnings()).containsExactly("column 3 has no name; its values are ignored");
        }

        @Test
        @DisplayName("warnings come from the header alone: reading rows adds none, and the list cannot be changed")
        void warningsOncePerFile() {
            Columns columns = Columns.of(header("contact", "stage", "extra"), true);
            RowReader reader = new RowReader(columns);
            for (int line = 2; line < 50; line++) {
                reader.read(row(line, "c" + line, "lead", "x"), Instant.now());
            }
            assertThat(columns.warnings()).containsExactly("unknown column 'extra' is ignored");
            assertThatThrownBy(() -> columns.warnings().add("more")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    @DisplayName("required columns")
    class Required {

        @Test
        @DisplayName("the journey column is not needed when the request names the journey")
        void journeyFromRequest() {
            Columns columns = Columns.of(header("contact", "stage"), true);
            assertThat(columns.has(Column.JOURNEY)).isFalse();
            assertThat(columns.width()).isEqualTo(2);
        }

        @Test
        @DisplayName("without a contact column the header fails at its line, naming every accepted name")
        void missingContact() {
            ImportFileException e = catchThrowableOfType(ImportFileException.class,
                    () -> Columns.of(header("journey", "stage", "note"), false));
            assertThat(e.line()).isEqualTo(1);
            assertThat(e).hasMessage("line 1: missing required column 'contact' (or one of contact_key, contact_id, email)");
        }

        @Test
        @DisplayName("without a stage column the header fails")
        void missingStage() {
            assertThatThrownBy(() -> Columns.of(header("email", "journey"), false))
                    .isInstanceOf(ImportFileException.class)
                    .hasMessage("line 1: missing required column 'stage'");
        }

        @Test
        @DisplayName("without a journey column the header fails when the request names no journey either")
        void missingJourney() {
            assertThatThrownBy(() -> Columns.of(header("email", "stage"), false))
                    .isInstanceOf(ImportFileException.class)
                    .hasMessage("line 1: missing required column 'journey', and the request names no journey");
        }

        @Test
        @DisplayName("a header of only unknown columns fails for the contact first")
        void onlyUnknownColumns() {
            assertThatThrownBy(() -> Columns.of(header("name", "phone"), true))
                    .isInstanceOf(ImportFileException.class)
                    .hasMessageContaining("missing required column 'contact'");
        }

        @Test
        @DisplayName("the header of a header-only file is fine: the file simply has no rows")
        void headerOnlyFile() {
            List<RawRow> records = readAll("contact,stage\n");
            assertThat(records).hasSize(1);
            assertThat(Columns.of(records.get(0), true).width()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("duplicate columns")
    class Duplicates {

        @Test
        @DisplayName("the same name twice fails, naming both as written")
        void sameNameTwice() {
            assertThatThrownBy(() -> Columns.of(header("contact", "Stage", "stage "), true))
                    .isInstanceOf(ImportFileException.class)
                    .hasMessage("line 1: columns 'Stage' and 'stage' both give the stage; keep one");
        }

        @Test
        @DisplayName("two names of the contact, such as contact and email, fail")
        void twoContactAliases() {
            ImportFileException e = catchThrowableOfType(ImportFileException.class,
                    () -> Columns.of(header("contact", "stage", "email"), true));
            assertThat(e.line()).isEqualTo(1);
            assertThat(e).hasMessage("line 1: columns 'contact' and 'email' both give the contact; keep one");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "contact_key|stage|contact_id",
            "EMAIL|stage|contact",
            "contact|journey|stage|JOURNEY",
            "contact|stage|note|note",
            "contact|stage|occurred_at| Occurred_At",
        })
        @DisplayName("any column given twice fails, whatever the names and their case")
        void anyDuplicate(String names) {
            RawRow header = new RawRow(1, List.of(names.split("\\|")));
            assertThatThrownBy(() -> Columns.of(header, true))
                    .isInstanceOf(ImportFileException.class)
                    .hasMessageStartingWith("line 1: columns ")
                    .hasMessageEndingWith("; keep one");
        }

        @Test
        @DisplayName("two unknown columns of the same name are no error: both are ignored")
        void duplicateUnknownColumns() {
            Columns columns = Columns.of(header("contact", "stage", "tag", "tag"), true);
            assertThat(columns.width()).isEqualTo(4);
            assertThat(columns.warnings()).isNotEmpty().allMatch(w -> w.equals("unknown column 'tag' is ignored"));
        }
    }
}
