package dev.journeys.core.internal.imports;

import static dev.journeys.core.internal.imports.CsvText.BOM;
import static dev.journeys.core.internal.imports.CsvText.csv;
import static dev.journeys.core.internal.imports.CsvText.readAll;
import static dev.journeys.core.internal.imports.CsvText.row;
import static dev.journeys.core.internal.imports.CsvText.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CSV layer of an import, by example: a corpus of awkward and broken files and what reading them gives.
 * The general statements (any valid file reads back exactly) are in {@link ImportFilePropertyTest}.
 */
@DisplayName("CsvFile, by example")
class CsvFileTest {

    @Nested
    @DisplayName("reading records")
    class Records {

        @Test
        @DisplayName("an empty file has no records at all, not even a header")
        void emptyFile() {
            try (CsvFile file = csv("")) {
                assertThat(file.next()).isEmpty();
                assertThat(file.next()).as("asked again at the end").isEmpty();
                assertThat(file.blankLines()).isZero();
                assertThat(file.bytesRead()).isZero();
            }
        }

        @Test
        @DisplayName("a file of nothing but blank lines has no records, and counts every blank line")
        void onlyBlankLines() {
            try (CsvFile file = csv("\n   \n,,,\n \t , \n")) {
                assertThat(file.next()).isEmpty();
                assertThat(file.blankLines()).isEqualTo(4);
            }
        }

        @Test
        @DisplayName("a header-only file gives the header, then nothing")
        void headerOnly() {
            assertThat(readAll("contact,stage\n")).containsExactly(row(1, "contact", "stage"));
            assertThat(readAll("contact,stage")).as("without a final line end").containsExactly(row(1, "contact", "stage"));
        }

        @Test
        @DisplayName("values come back exactly as written: surrounding spaces, case and inner quotes kept")
        void valuesAsWritten() {
            assertThat(readAll("contact,stage\n  Ann  , Lead\t\nan\"n,x\n")).containsExactly(
                    row(1, "contact", "stage"),
                    row(2, "  Ann  ", " Lead\t"),
                    row(3, "an\"n", "x"));
        }

        @Test
        @DisplayName("a UTF-8 byte order mark before the header is dropped")
        void byteOrderMarkDropped() {
            assertThat(readAll(BOM + "contact,stage\nann,lead\n"))
                    .containsExactly(row(1, "contact", "stage"), row(2, "ann", "lead"));
        }

        @Test
        @DisplayName("a byte order mark anywhere but the very start is data, and is kept")
        void byteOrderMarkLaterIsData() {
            assertThat(readAll("contact,stage\n" + BOM + "ann,lead\n"))
                    .containsExactly(row(1, "contact", "stage"), row(2, BOM + "ann", "lead"));
        }

        @Test
        @DisplayName("a byte order mark before a quoted header name is dropped, and the quotes are read as quotes")
        void byteOrderMarkBeforeQuotedHeader() {
            // Many tools write a BOM and quote every field. Were the BOM left to the parser, it would start an
            // unquoted value and the quotes after it would become part of the name.
            assertThat(readAll(BOM + "\"contact\",\"stage\"\nann,lead\n"))
                    .containsExactly(row(1, "contact", "stage"), row(2, "ann", "lead"));
        }

        @Test
        @DisplayName("a byte order mark on an otherwise blank first line leaves a blank line, which is skipped")
        void byteOrderMarkOnBlankLine() {
            // Were the BOM removed only after the blank test, line 1 would come back as [""] and be taken
            // for the header ("missing required column 'contact'" at line 1).
            try (CsvFile file = csv(BOM + "\ncontact,stage\nann,lead\n")) {
                assertThat(readAll(file)).containsExactly(row(2, "contact", "stage"), row(3, "ann", "lead"));
                assertThat(file.blankLines()).isEqualTo(1);
            }
        }

        @Test
        @DisplayName("CRLF and LF line ends read the same")
        void crlfAndLf() {
            String lf = "contact,stage,note\nann,lead,hi\nbob,demo,\n";
            assertThat(readAll(lf.replace("\n", "\r\n"))).isEqualTo(readAll(lf)).containsExactly(
                    row(1, "contact", "stage", "note"),
                    row(2, "ann", "lead", "hi"),
                    row(3, "bob", "demo", ""));
        }

        @Test
        @DisplayName("a quoted value may hold commas, doubled quotes and line ends, kept as written")
        void quotedValues() {
            String text = "contact,stage,note\n"
                    + "\"Smith, Ann\",lead,\"she said \"\"hi\"\"\"\n"
                    + "bob,\"demo\",\"two\nlines\"\n"
                    + "cat,trial,\"crlf\r\ninside, too\"\n"
                    + "dan,\"\",\"\"\"\"\n";
            assertThat(readAll(text)).containsExactly(
                    row(1, "contact", "stage", "note"),
                    row(2, "Smith, Ann", "lead", "she said \"hi\""),
                    row(3, "bob", "demo", "two\nlines"),
                    row(5, "cat", "trial", "crlf\r\ninside, too"),
                    row(7, "dan", "", "\""));
        }

        @Test
        @DisplayName("blank lines, lines of spaces and lines of only commas are skipped and counted, wherever they are")
        void blankLinesSkippedAndCounted() {
            String text = "\n"
                    + "contact,stage\n"
                    + "\n"
                    + ",\n"
                    + "ann,lead\n"
                    + " , \t \n"
                    + ",,,,,\n"
                    + "\"\",\" \"\n"
                    + "bob,demo\n"
                    + "\n"
                    + "\n";
            try (CsvFile file = csv(text)) {
                assertThat(readAll(file)).containsExactly(
                        row(2, "contact", "stage"),
                        row(5, "ann", "lead"),
                        row(9, "bob", "demo"));
                assertThat(file.blankLines()).isEqualTo(8);
            }
        }

        @Test
        @DisplayName("a row with a value, however short, is not blank")
        void aSingleValueIsNotBlank() {
            assertThat(readAll("contact,stage\n,x\n")).containsExactly(row(1, "contact", "stage"), row(2, "", "x"));
        }

        @Test
        @DisplayName("rows of a different width than the header are passed on as they are, for the row reader to judge")
        void raggedRowsPassedOn() {
            assertThat(readAll("contact,stage\nann\nbob,demo,extra\n")).containsExactly(
                    row(1, "contact", "stage"), row(2, "ann"), row(3, "bob", "demo", "extra"));
        }

        @Test
        @DisplayName("a 1 MB note in quotes, with commas, quotes and line ends, is read whole")
        void oneMegabyteNote() {
            String piece = "lorem, \"ipsum\"\nnext line\r\n";
            String note = piece.repeat(1024 * 1024 / piece.length() + 1);
            String text = "contact,stage,note\nann,lead,\"" + note.replace("\"", "\"\"") + "\"\nbob,demo,short\n";

            List<RawRow> rows = readAll(text);

            assertThat(rows).hasSize(3);
            assertThat(rows.get(1).line()).isEqualTo(2);
            assertThat(rows.get(1).values()).hasSize(3);
            assertThat(rows.get(1).values().get(2).length()).isEqualTo(note.length()).isGreaterThan(1024 * 1024);
            assertThat(rows.get(1).values().get(2).equals(note)).as("the note is intact").isTrue();
            long lineEndsInNote = note.chars().filter(c -> c == '\n').count();
            assertThat(rows.get(2)).isEqualTo(row(3 + lineEndsInNote, "bob", "demo", "short"));
        }

        @Test
        @DisplayName("a file of 100,000 rows reads every one, and the last starts on line 100,001")
        void hundredThousandRows() {
            StringBuilder text = new StringBuilder("contact,stage,note\n");
            for (int i = 1; i <= 100_000; i++) {
                text.append("contact-").append(i).append(",lead,note ").append(i).append('\n');
            }
            try (CsvFile file = csv(text.toString())) {
                RawRow header = file.next().orElseThrow();
                assertThat(header.line()).isEqualTo(1);
                long count = 0;
                RawRow last = header;
                for (Optional<RawRow> row = file.next(); row.isPresent(); row = file.next()) {
                    count++;
                    last = row.get();
                }
                assertThat(count).isEqualTo(100_000);
                assertThat(last).isEqualTo(row(100_001, "contact-100000", "lead", "note 100000"));
                assertThat(file.blankLines()).isZero();
                assertThat(file.bytesRead()).isEqualTo(utf8(text.toString()).length);
            }
        }

        @Test
        @DisplayName("bytesRead counts the bytes taken from the stream, BOM and multi-byte characters included")
        void bytesRead() {
            byte[] bytes = utf8(BOM + "contact,stage\nzoë,lead\n");
            try (CsvFile file = csv(bytes)) {
                readAll(file);
                assertThat(file.bytesRead()).isEqualTo(bytes.length);
            }
        }

        @Test
        @DisplayName("closing the file closes the stream it reads")
        void closeClosesTheStream() {
            AtomicBoolean closed = new AtomicBoolean();
            InputStream in = new ByteArrayInputStream(utf8("contact,stage\n")) {
                @Override
                public void close() {
                    closed.set(true);
                }
            };
            new CsvFile(in).close();
            assertThat(closed).isTrue();
        }
    }

    @Nested
    @DisplayName("line numbers: each record knows the line it starts on, the header being line 1")
    class LineNumbers {

        @Test
        @DisplayName("rows follow the header on lines 2, 3, ...")
        void plain() {
            assertThat(readAll("contact,stage\na,x\nb,y\nc,z")).extracting(RawRow::line).containsExactly(1L, 2L, 3L, 4L);
        }

        @Test
        @DisplayName("blank lines before the header and between rows count as lines")
        void afterBlankLines() {
            assertThat(readAll("\n\ncontact,stage\n\na,x\n,\n\nb,y\n"))
                    .extracting(RawRow::line).containsExactly(3L, 5L, 8L);
        }

        @Test
        @DisplayName("a quoted value spanning several lines makes the next record start after it")
        void afterMultiLineValue() {
            assertThat(readAll("contact,stage,note\na,x,\"one\ntwo\n\nfour\"\nb,y,z\n\"c\nc\",x,\n"))
                    .extracting(RawRow::line).containsExactly(1L, 2L, 6L, 7L);
        }

        @Test
        @DisplayName("CRLF counts as one line end, also inside quotes")
        void withCrlf() {
            assertThat(readAll("contact,stage,note\r\n\r\na,x,\"one\r\ntwo\"\r\nb,y,z\r\n"))
                    .extracting(RawRow::line).containsExactly(1L, 3L, 5L);
        }

        @Test
        @DisplayName("a header after blank lines is on its own line, and errors in it name that line")
        void headerAfterBlankLines() {
            RawRow header = readAll("\n,,\ncontact,contact\n").get(0);
            assertThat(header.line()).isEqualTo(3);
            assertThat(catchThrowableOfType(ImportFileException.class, () -> Columns.of(header, true)).line())
                    .isEqualTo(3);
        }
    }

    @Nested
    @DisplayName("broken files fail with ImportFileException at the line at fault")
    class BrokenFiles {

        @Test
        @DisplayName("an unterminated quote fails at the line its record starts on, after the rows before it")
        void unterminatedQuote() {
            try (CsvFile file = csv("contact,stage,note\nann,lead,ok\nbob,lead,\"never closed\ncat,demo,x\ndan,demo,y\n")) {
                assertThat(file.next()).contains(row(1, "contact", "stage", "note"));
                assertThat(file.next()).contains(row(2, "ann", "lead", "ok"));

                ImportFileException e = catchThrowableOfType(ImportFileException.class, file::next);

                assertThat(e.line()).isEqualTo(3);
                assertThat(e).hasMessageStartingWith("line 3: ").hasMessageContaining("unterminated quote");
            }
        }

        @Test
        @DisplayName("an unterminated quote in the header fails at line 1")
        void unterminatedQuoteInHeader() {
            ImportFileException e = catchThrowableOfType(ImportFileException.class,
                    () -> readAll("\"contact,stage\nann,lead\n"));
            assertThat(e.line()).isEqualTo(1);
            assertThat(e).hasMessageContaining("unterminated quote");
        }

        @Test
        @DisplayName("text after a closing quote fails as unparseable CSV at its line")
        void textAfterClosingQuote() {
            ImportFileException e = catchThrowableOfType(ImportFileException.class,
                    () -> readAll("contact,stage\nann,lead\n\"bob\"x,lead\n"));
            assertThat(e.line()).isEqualTo(3);
            assertThat(e).hasMessageStartingWith("line 3: the file cannot be parsed as CSV");
        }

        @Test
        @DisplayName("a record of MAX_RECORD_CHARS characters is still read")
        void recordAtTheLimit() {
            String prefix = "ann,lead,";
            String note = "n".repeat(CsvFile.MAX_RECORD_CHARS - prefix.length());
            List<RawRow> rows = readAll("contact,stage,note\n" + prefix + note + "\nbob,demo,x\n");
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1).values().get(2).length()).isEqualTo(note.length());
            assertThat(rows.get(2)).isEqualTo(row(3, "bob", "demo", "x"));
        }

        @Test
        @DisplayName("a record longer than MAX_RECORD_CHARS fails at its line, without reading the rest of the file")
        void recordTooLong() {
            // An unterminated quote followed by four times the limit: without the limit the whole rest would be
            // buffered and the failure would be a different one, at the end of the file.
            Endless rest = new Endless('z', 4L * CsvFile.MAX_RECORD_CHARS);
            InputStream in = new SequenceInputStream(new ByteArrayInputStream(utf8("contact,stage,note\nann,lead,ok\nbob,lead,\"")), rest);

            ImportFileException e;
            try (CsvFile file = new CsvFile(in)) {
                assertThat(file.next()).isPresent();
                assertThat(file.next()).contains(row(2, "ann", "lead", "ok"));
                e = catchThrowableOfType(ImportFileException.class, file::next);
            }

            assertThat(e.line()).isEqualTo(3);
            assertThat(e).hasMessageContaining("longer than " + CsvFile.MAX_RECORD_CHARS + " characters");
            assertThat(rest.served).as("bytes read past the start of the long record")
                    .isGreaterThan(CsvFile.MAX_RECORD_CHARS)
                    .isLessThan(CsvFile.MAX_RECORD_CHARS + 256 * 1024);
        }

        @Test
        @DisplayName("an unquoted line longer than MAX_RECORD_CHARS fails too")
        void unquotedLineTooLong() {
            byte[] longLine = new byte[CsvFile.MAX_RECORD_CHARS + 200_000];
            Arrays.fill(longLine, (byte) 'x');
            InputStream in = new SequenceInputStream(new ByteArrayInputStream(utf8("contact,stage\n\nann,")),
                    new ByteArrayInputStream(longLine));
            try (CsvFile file = new CsvFile(in)) {
                file.next();
                ImportFileException e = catchThrowableOfType(ImportFileException.class, file::next);
                assertThat(e.line()).isEqualTo(3);
                assertThat(e).hasMessageContaining("longer than");
            }
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("invalid UTF-8 fails, naming UTF-8, rather than turning into replacement characters")
        @CsvSource(delimiter = '|', value = {
            "a byte that never starts a character | ff",
            "a lone continuation byte             | 80",
            "an overlong encoding of '/'          | c0af",
            "a UTF-16 surrogate encoded (CESU-8)  | eda080",
            "a 2-byte start, then ASCII           | c328",
        })
        void invalidUtf8(String what, String hex) {
            byte[] bad = HexFormat.of().parseHex(hex);
            byte[] bytes = concat(utf8("contact,stage\nann,lead\nb"), bad, utf8("b,lead\ncat,demo\n"));

            ImportFileException e = catchThrowableOfType(ImportFileException.class, () -> readAll(bytes));

            assertThat(e).as(what).hasMessageContaining("not valid UTF-8");
            assertThat(e.line()).as("never after the bad line").isBetween(1L, 3L);
            assertThat(causeChain(e)).anyMatch(t -> t instanceof CharacterCodingException);
        }

        @Test
        @DisplayName("a multi-byte character cut short by the end of the file fails at its line")
        void truncatedCharacterAtEnd() {
            byte[] whole = utf8("contact,stage\nann,lead\nzoë");
            byte[] cut = Arrays.copyOf(whole, whole.length - 1);
            try (CsvFile file = csv(cut)) {
                assertThat(file.next()).isPresent();
                assertThat(file.next()).contains(row(2, "ann", "lead"));
                ImportFileException e = catchThrowableOfType(ImportFileException.class, file::next);
                assertThat(e.line()).isEqualTo(3);
                assertThat(e).hasMessageContaining("UTF-8");
            }
        }

        @Test
        @DisplayName("invalid UTF-8 deep in a long file fails at its line, after every row before it")
        void invalidUtf8DeepInTheFile() {
            int badLine = 1500;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(utf8("contact,stage,note\n"));
            for (int line = 2; line <= 2000; line++) {
                out.writeBytes(utf8("contact-" + line + ",lead,"));
                if (line == badLine) {
                    out.write(0xff);
                }
                out.writeBytes(utf8("a note\n"));
            }

            long rowsRead = 0;
            long lastLine = 0;
            ImportFileException failure = null;
            try (CsvFile file = csv(out.toByteArray())) {
                for (Optional<RawRow> row = file.next(); row.isPresent(); row = file.next()) {
                    rowsRead++;
                    lastLine = row.get().line();
                }
            } catch (ImportFileException e) {
                failure = e;
            }

            assertThat(failure).isNotNull().hasMessageContaining("UTF-8");
            assertThat(failure.line()).isEqualTo(badLine).isEqualTo(lastLine + 1);
            assertThat(rowsRead).as("records before the reported line").isEqualTo(failure.line() - 1);
        }

        @Test
        @DisplayName("invalid UTF-8 fails at the line of the bad byte, after every good row before it")
        void invalidUtf8AtItsLine() {
            // The JDK's own strict decoder fails a whole 8 KiB read, dropping the good characters before the bad
            // byte; StrictUtf8Reader hands them out first.
            byte[] bytes = concat(utf8("contact,stage\nann,lead\nbob,lead\nc"), new byte[] {(byte) 0xff}, utf8("at,demo\n"));
            try (CsvFile file = csv(bytes)) {
                assertThat(file.next()).contains(row(1, "contact", "stage"));
                assertThat(file.next()).contains(row(2, "ann", "lead"));
                assertThat(file.next()).contains(row(3, "bob", "lead"));
                ImportFileException e = catchThrowableOfType(ImportFileException.class, file::next);
                assertThat(e.line()).isEqualTo(4);
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static List<Throwable> causeChain(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** The same byte forever, counting how many were served. */
    /** One byte over and over, {@code length} times. */
    private static final class Endless extends InputStream {
        private final byte b;
        private final long length;
        long served;

        Endless(char c, long length) {
            this.b = (byte) c;
            this.length = length;
        }

        @Override
        public int read() {
            if (served >= length) {
                return -1;
            }
            served++;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (served >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - served);
            Arrays.fill(buf, off, off + n, b);
            served += n;
            return n;
        }
    }
}
