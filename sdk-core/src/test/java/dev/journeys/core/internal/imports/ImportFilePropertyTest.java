package dev.journeys.core.internal.imports;

import dev.journeys.core.internal.imports.RowReader.Result;
import dev.journeys.core.internal.imports.Columns.Column;
import static dev.journeys.core.internal.imports.CsvText.BOM;
import static dev.journeys.core.internal.imports.CsvText.csv;
import static dev.journeys.core.internal.imports.CsvText.utf8;
import static dev.journeys.core.testing.Property.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.JourneyService;
import dev.journeys.api.ReasonCode;
import dev.journeys.api.RowRejection;
import dev.journeys.core.testing.Gen;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reading import files, stated as properties over seeded random files (replay a failure with the
 * {@code -Djourneys.seed} it names). Each generated file has its columns in any order, under any of their
 * names, in any case and with spaces around; values that need quoting (commas, quotes, line ends) are quoted,
 * others sometimes; LF or CRLF; sometimes a BOM; blank lines and lines of commas anywhere. Worked examples
 * are in {@link CsvFileTest}, {@link ColumnsTest} and {@link RowReaderTest}.
 */
@DisplayName("Import files, for every file")
class ImportFilePropertyTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final int CASES = 300;

    @Test
    @DisplayName("every record of a valid file comes back with exactly the values written, on the line it starts on")
    void recordsReadBackExactly() {
        forAll(files(0)).cases(CASES).check(file -> {
            try (CsvFile csv = csv(file.text())) {
                assertThat(csv.next()).contains(new RawRow(file.headerLine(), file.header()));
                for (ExpectedRow row : file.rows()) {
                    assertThat(csv.next()).contains(new RawRow(row.line(), row.values()));
                }
                assertThat(csv.next()).isEmpty();
                assertThat(csv.blankLines()).isEqualTo(file.blankLines());
                assertThat(csv.bytesRead()).isEqualTo(utf8(file.text()).length);
            }
        });
    }

    @Test
    @DisplayName("every row of a valid file is accepted, with its values stripped and its time parsed")
    void validRowsAccepted() {
        forAll(files(0)).cases(CASES).check(file -> {
            List<Result> results = readRows(file);
            List<Result> expected = file.rows().stream().map(row -> (Result) new Result.Ok(row.expectedRow(file.cells()))).toList();
            assertThat(results).isEqualTo(expected);
        });
    }

    @Test
    @DisplayName("the header is understood whatever the order, names, case and spaces of its columns")
    void headerUnderstood() {
        forAll(files(0)).cases(CASES).check(file -> {
            Columns columns = Columns.of(new RawRow(file.headerLine(), file.header()), file.journeyGiven());
            assertThat(columns.width()).isEqualTo(file.cells().size());
            for (Cell cell : file.cells()) {
                if (cell.column() != null) {
                    assertThat(columns.has(cell.column())).isTrue();
                    assertThat(columns.nameOf(cell.column())).isEqualTo(cell.written().strip());
                }
            }
            long unknown = file.cells().stream().filter(c -> c.column() == null).count();
            assertThat(columns.warnings()).hasSize((int) unknown);
        });
    }

    @Test
    @DisplayName("broken rows among valid ones: exactly the broken rows are rejected, with the expected code, line, column and value")
    void exactlyTheBrokenRowsRejected() {
        forAll(files(0.3)).when(file -> file.rows().stream().anyMatch(r -> r.rejection().isPresent())).cases(CASES)
                .check(file -> {
                    List<Result> results = readRows(file);

                    assertThat(results).hasSameSizeAs(file.rows());
                    for (int i = 0; i < results.size(); i++) {
                        ExpectedRow expected = file.rows().get(i);
                        Result result = results.get(i);
                        if (expected.rejection().isPresent()) {
                            assertThat(result).as("row on line %d", expected.line()).isInstanceOf(Result.Rejected.class);
                            RowRejection actual = ((Result.Rejected) result).rejection();
                            assertThat(new ExpectedRejection(actual.line(), actual.column(), actual.value(), actual.code()))
                                    .isEqualTo(expected.rejection().get());
                        } else {
                            assertThat(result).as("row on line %d", expected.line())
                                    .isEqualTo(new Result.Ok(expected.expectedRow(file.cells())));
                        }
                    }
                });
    }

    @Test
    @DisplayName("valid and rejected rows add up to the rows of the file, and the rejections listed are those of the broken rows")
    void tallyAddsUp() {
        forAll(files(0.3)).cases(CASES).check(file -> {
            Tally tally = new Tally(1_000);
            for (Result result : readRows(file)) {
                if (result instanceof Result.Ok ok) {
                    tally.moved(ok.row().line());
                } else {
                    tally.rejected(((Result.Rejected) result).rejection());
                }
            }
            List<Long> brokenLines = file.rows().stream().filter(r -> r.rejection().isPresent()).map(ExpectedRow::line).toList();
            assertThat(tally.rows()).isEqualTo(file.rows().size());
            assertThat(tally.moved() + tally.rejected()).isEqualTo(file.rows().size());
            assertThat(tally.rejected()).isEqualTo(brokenLines.size());
            assertThat(tally.listed()).extracting(RowRejection::line).containsExactlyElementsOf(brokenLines);
            assertThat(tally.lastLine()).isEqualTo(file.rows().isEmpty() ? 0 : file.rows().get(file.rows().size() - 1).line());
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // The generated files

    /** A header cell: the column it names (null for an unknown column) and its text as written. */
    record Cell(Column column, String written) {
    }

    record ExpectedRejection(long line, Optional<String> column, Optional<String> value, ReasonCode code) {
    }

    /** One data row as written, where it starts, its time as it must be read, and the rejection it must earn. */
    record ExpectedRow(long line, List<String> values, Optional<Instant> occurredAt, Optional<ExpectedRejection> rejection) {

        Row expectedRow(List<Cell> cells) {
            String contact = null;
            String stage = null;
            Optional<String> journey = Optional.empty();
            Optional<String> note = Optional.empty();
            for (int i = 0; i < cells.size(); i++) {
                Column column = cells.get(i).column();
                String value = values.get(i).strip();
                if (column == Column.CONTACT) {
                    contact = value;
                } else if (column == Column.STAGE) {
                    stage = value;
                } else if (column == Column.JOURNEY) {
                    journey = Optional.of(value);
                } else if (column == Column.NOTE && !value.isEmpty()) {
                    note = Optional.of(value);
                }
            }
            return new Row(line, contact, journey, stage, occurredAt, note);
        }
    }

    record GeneratedFile(String text, boolean journeyGiven, List<Cell> cells, long headerLine, List<ExpectedRow> rows,
                         long blankLines) {

        List<String> header() {
            return cells.stream().map(Cell::written).toList();
        }

        @Override
        public String toString() {
            return "file (journey " + (journeyGiven ? "given by the request" : "from the file") + "):\n"
                    + text.replace("\uFEFF", "<BOM>").replace("\r", "\\r").replace("\n", "\\n\n");
        }
    }

    static List<Result> readRows(GeneratedFile file) {
        try (CsvFile csv = csv(file.text())) {
            Columns columns = Columns.of(csv.next().orElseThrow(), file.journeyGiven());
            RowReader reader = new RowReader(columns);
            List<Result> results = new ArrayList<>();
            for (Optional<RawRow> raw = csv.next(); raw.isPresent(); raw = csv.next()) {
                results.add(reader.read(raw.get(), NOW));
            }
            return results;
        }
    }

    /** Files whose rows are each broken (in one way) with probability {@code brokenShare}, valid otherwise. */
    static Gen<GeneratedFile> files(double brokenShare) {
        return random -> new FileWriter(random, brokenShare).write();
    }

    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-_.@";
    private static final List<String> AWKWARD = List.of(",", "\"", "'", " ", "\t", ";", "é", "日本", "😀", "\"\"", ", ", "\",");
    private static final List<String> LINE_ENDS_IN_VALUES = List.of("\n", "\r\n");
    private static final List<String> PADDING = List.of("", "", "", " ", "  ", "\t", " \n", "\r\n ");
    private static final List<String> HEADER_PADDING = List.of("", "", " ", "  ", "\t", " \t");
    private static final List<String> BLANK_LINES = List.of("", "", " ", "\t", ",", ",,,", " , ", "\"\"", "\"\",\" \"");
    private static final List<String> UNKNOWN_COLUMNS = List.of("owner", "Source", "tags", "", "contacts", "e-mail", "Stage Name");
    private static final List<String> BAD_TIMESTAMPS = List.of("yesterday", "now", "2024-03-01T09:30:00",
            "2024-03-01 09:30:00Z", "2024-02-30", "2023-02-29", "2024-3-1", "01/03/2024", "2024/03/01", "1709285400",
            "2024-03-01T24:00:00Z", "2024-03-01T09:30:00+25:00", "2024-03-01Z", "x".repeat(250));

    private enum Fault {
        TOO_FEW_VALUES, TOO_MANY_VALUES, BLANK_CONTACT, BLANK_JOURNEY, BLANK_STAGE, BAD_TIME, FUTURE_TIME,
        LONG_CONTACT, LONG_NOTE
    }

    private record Timestamp(String text, Instant instant) {
    }

    /** Writes one random file, keeping count of lines as it goes. */
    private static final class FileWriter {
        private final Random random;
        private final double brokenShare;
        private final StringBuilder text = new StringBuilder();
        private final String lineEnd;
        private long line = 1;
        private long blankLines;
        private boolean endsWithRecord;

        FileWriter(Random random, double brokenShare) {
            this.random = random;
            this.brokenShare = brokenShare;
            this.lineEnd = random.nextBoolean() ? "\n" : "\r\n";
        }

        GeneratedFile write() {
            if (random.nextInt(4) == 0) {
                text.append(BOM);
            }
            blankLines(random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0);
            List<Cell> cells = cells();
            boolean journeyGiven = cells.stream().noneMatch(c -> c.column() == Column.JOURNEY) || random.nextBoolean();
            long headerLine = line;
            record(cells.stream().map(Cell::written).toList());

            List<ExpectedRow> rows = new ArrayList<>();
            int count = random.nextInt(21);
            for (int i = 0; i < count; i++) {
                blankLines(random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
                rows.add(row(cells));
            }
            blankLines(random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0);
            if (endsWithRecord && random.nextInt(3) == 0) {
                text.setLength(text.length() - lineEnd.length()); // no line end after the last record
            }
            return new GeneratedFile(text.toString(), journeyGiven, cells, headerLine, rows, blankLines);
        }

        private List<Cell> cells() {
            List<Cell> cells = new ArrayList<>();
            cells.add(new Cell(Column.CONTACT, headerName(pick(List.of("contact", "contact_key", "contact_id", "email")))));
            cells.add(new Cell(Column.STAGE, headerName("stage")));
            for (Column optional : List.of(Column.JOURNEY, Column.OCCURRED_AT, Column.NOTE)) {
                if (random.nextInt(5) < 3) {
                    cells.add(new Cell(optional, headerName(optional.canonicalName())));
                }
            }
            List<String> unknown = new ArrayList<>(UNKNOWN_COLUMNS);
            Collections.shuffle(unknown, random);
            int unknownCount = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
            for (int i = 0; i < unknownCount; i++) {
                cells.add(new Cell(null, pick(HEADER_PADDING) + unknown.get(i) + pick(HEADER_PADDING)));
            }
            Collections.shuffle(cells, random);
            return cells;
        }

        /** The name in random case, with random spaces around it. */
        private String headerName(String name) {
            StringBuilder cased = new StringBuilder();
            for (char c : name.toCharArray()) {
                cased.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
            }
            return pick(HEADER_PADDING) + cased + pick(HEADER_PADDING);
        }

        private ExpectedRow row(List<Cell> cells) {
            List<String> values = new ArrayList<>();
            Optional<Instant> occurredAt = Optional.empty();
            for (Cell cell : cells) {
                if (cell.column() == null) {
                    values.add(text(0, 12, true));
                } else {
                    switch (cell.column()) {
                        case CONTACT -> values.add(pad(nonBlank(30)));
                        case JOURNEY, STAGE -> values.add(pad(nonBlank(20)));
                        case NOTE -> values.add(random.nextInt(20) == 0
                                ? pad(letters(JourneyService.MAX_NOTE_LENGTH))
                                : random.nextInt(3) == 0 ? pad("") : pad(text(0, 60, true)));
                        case OCCURRED_AT -> {
                            if (random.nextInt(3) == 0) {
                                values.add(pad(""));
                            } else {
                                Timestamp past = timestamp(NOW.minus(1, ChronoUnit.DAYS).getEpochSecond(), false);
                                values.add(pad(past.text()));
                                occurredAt = Optional.of(past.instant());
                            }
                        }
                    }
                }
            }
            Optional<ExpectedRejection> rejection = Optional.empty();
            long start = line;
            if (random.nextDouble() < brokenShare) {
                rejection = Optional.of(breakRow(start, cells, values));
            }
            record(values);
            return new ExpectedRow(start, List.copyOf(values), occurredAt, rejection);
        }

        /** Breaks the row in one way that applies to its columns, and says how it must be rejected. */
        private ExpectedRejection breakRow(long line, List<Cell> cells, List<String> values) {
            List<Fault> faults = new ArrayList<>(List.of(Fault.TOO_FEW_VALUES, Fault.TOO_MANY_VALUES, Fault.BLANK_CONTACT,
                    Fault.BLANK_STAGE, Fault.LONG_CONTACT));
            if (index(cells, Column.JOURNEY) >= 0) {
                faults.add(Fault.BLANK_JOURNEY);
            }
            if (index(cells, Column.OCCURRED_AT) >= 0) {
                faults.add(Fault.BAD_TIME);
                faults.add(Fault.FUTURE_TIME);
            }
            if (index(cells, Column.NOTE) >= 0) {
                faults.add(Fault.LONG_NOTE);
            }
            Fault fault = pick(faults);
            switch (fault) {
                case TOO_FEW_VALUES -> {
                    values.remove(random.nextInt(values.size()));
                    return new ExpectedRejection(line, Optional.empty(), Optional.empty(), ReasonCode.WRONG_FIELD_COUNT);
                }
                case TOO_MANY_VALUES -> {
                    values.add(random.nextInt(values.size() + 1), text(0, 8, true));
                    return new ExpectedRejection(line, Optional.empty(), Optional.empty(), ReasonCode.WRONG_FIELD_COUNT);
                }
                case BLANK_CONTACT -> {
                    return blank(line, cells, values, Column.CONTACT);
                }
                case BLANK_JOURNEY -> {
                    return blank(line, cells, values, Column.JOURNEY);
                }
                case BLANK_STAGE -> {
                    return blank(line, cells, values, Column.STAGE);
                }
                case BAD_TIME -> {
                    return set(line, cells, values, Column.OCCURRED_AT, pick(BAD_TIMESTAMPS), ReasonCode.INVALID_TIMESTAMP);
                }
                case FUTURE_TIME -> {
                    String future = timestamp(NOW.plus(3650, ChronoUnit.DAYS).getEpochSecond(), true).text();
                    return set(line, cells, values, Column.OCCURRED_AT, future, ReasonCode.FUTURE_TIMESTAMP);
                }
                case LONG_CONTACT -> {
                    String contact = letters(JourneyService.MAX_CONTACT_KEY_LENGTH + 1 + random.nextInt(60));
                    return set(line, cells, values, Column.CONTACT, contact, ReasonCode.VALUE_TOO_LONG);
                }
                case LONG_NOTE -> {
                    String note = letters(JourneyService.MAX_NOTE_LENGTH + 1 + random.nextInt(100));
                    return set(line, cells, values, Column.NOTE, note, ReasonCode.VALUE_TOO_LONG);
                }
                default -> throw new AssertionError(fault);
            }
        }

        private ExpectedRejection blank(long line, List<Cell> cells, List<String> values, Column column) {
            int i = index(cells, column);
            values.set(i, pad(pick(List.of("", " ", "\t"))));
            return new ExpectedRejection(line, Optional.of(cells.get(i).written().strip()), Optional.of(""), ReasonCode.MISSING_VALUE);
        }

        /** Writes {@code value} (padded) into the column; the rejection names it stripped and clipped. */
        private ExpectedRejection set(long line, List<Cell> cells, List<String> values, Column column, String value,
                                      ReasonCode code) {
            int i = index(cells, column);
            values.set(i, pad(value));
            String reported = value.length() <= 200 ? value : value.substring(0, 199) + "…";
            return new ExpectedRejection(line, Optional.of(cells.get(i).written().strip()), Optional.of(reported), code);
        }

        private static int index(List<Cell> cells, Column column) {
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).column() == column) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * A time between 2000 and {@code untilEpochSecond} (or, when {@code future}, between a second after now
         * and then), written as a date or as a date-time with an offset to any precision.
         */
        private Timestamp timestamp(long untilEpochSecond, boolean future) {
            long from = future ? NOW.getEpochSecond() + 1 : Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
            Instant instant = Instant.ofEpochSecond(from + Math.floorMod(random.nextLong(), untilEpochSecond - from),
                    random.nextInt(1_000_000_000));
            if (random.nextInt(3) == 0) {
                LocalDate date = LocalDate.ofInstant(instant, ZoneOffset.UTC);
                if (future && !date.isAfter(LocalDate.ofInstant(NOW, ZoneOffset.UTC))) {
                    date = LocalDate.ofInstant(NOW, ZoneOffset.UTC).plusDays(1);
                }
                return new Timestamp(date.toString(), date.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            ChronoUnit precision = pick(List.of(ChronoUnit.SECONDS, ChronoUnit.MINUTES, ChronoUnit.MILLIS,
                    ChronoUnit.MICROS, ChronoUnit.NANOS));
            instant = instant.truncatedTo(precision);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(105) - 48) * 900); // -12:00 to +14:00
            String text = instant.atOffset(offset).toString();
            if (text.endsWith("Z") && random.nextBoolean()) {
                text = text.substring(0, text.length() - 1) + "+00:00";
            }
            return new Timestamp(text, instant.truncatedTo(ChronoUnit.MICROS));
        }

        /** Writes a record, quoting the values that need it and some that do not, and moves the line count on. */
        private void record(List<String> values) {
            StringBuilder record = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                boolean needsQuotes = value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
                boolean quoted = needsQuotes || random.nextInt(5) == 0;
                if (i > 0) {
                    record.append(',');
                }
                record.append(quoted ? '"' + value.replace("\"", "\"\"") + '"' : value);
            }
            text.append(record).append(lineEnd);
            line += record.chars().filter(c -> c == '\n').count() + 1;
            endsWithRecord = true;
        }

        private void blankLines(int count) {
            for (int i = 0; i < count; i++) {
                text.append(pick(BLANK_LINES)).append(lineEnd);
                line++;
                blankLines++;
                endsWithRecord = false;
            }
        }

        /** Text of 0 to {@code max} pieces: mostly plain characters, some that need quoting, and line ends. */
        private String text(int min, int max, boolean lineEnds) {
            int length = min + random.nextInt(max - min + 1);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                int roll = random.nextInt(20);
                if (roll < 13) {
                    text.append(PLAIN.charAt(random.nextInt(PLAIN.length())));
                } else if (roll < 19 || !lineEnds) {
                    text.append(pick(AWKWARD));
                } else {
                    text.append(pick(LINE_ENDS_IN_VALUES));
                }
            }
            return text.toString();
        }

        private String nonBlank(int max) {
            String text = text(1, max, true);
            return text.isBlank() ? PLAIN.charAt(random.nextInt(PLAIN.length())) + text : text;
        }

        private String letters(int length) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(PLAIN.charAt(random.nextInt(PLAIN.length())));
            }
            return text.toString();
        }

        private String pad(String value) {
            return pick(PADDING) + value + pick(PADDING);
        }

        private <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }
    }
}
