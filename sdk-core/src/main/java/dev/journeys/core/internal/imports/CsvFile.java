package dev.journeys.core.internal.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read one record at a time, so memory stays flat whatever its length. Strict UTF-8 (a BOM is
 * dropped before parsing), CRLF or LF, RFC 4180 quoting. Blank lines, and lines of nothing but commas, are skipped and
 * counted. Each record knows the line it starts on.
 */
public final class CsvFile implements AutoCloseable {

    /** A record longer than this is refused rather than buffered: an unterminated quote would read the rest. */
    public static final int MAX_RECORD_CHARS = 8 * 1024 * 1024;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final CountingStream bytes;
    private final GuardedReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long blankLines;

    public CsvFile(InputStream in) {
        this.bytes = new CountingStream(in);
        // Never the JDK's default REPLACE: a bad byte must fail loudly, never become '\uFFFD'.
        this.reader = new GuardedReader(new StrictUtf8Reader(bytes));
        try {
            this.parser = CSVParser.parse(reader, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
    }

    /** The next non-blank record, or empty at the end of the file. */
    public Optional<RawRow> next() {
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            reader.recordStarts();
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return Optional.empty();
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new ImportFileException(line, describe(e), e);
            }
            List<String> values = new ArrayList<>(record.size());
            boolean blank = true;
            for (String value : record) {
                values.add(value);
                blank &= value.isBlank();
            }
            if (blank) {
                blankLines++;
                continue;
            }
            return Optional.of(new RawRow(line, values));
        }
    }

    public long blankLines() {
        return blankLines;
    }

    /** Bytes consumed from the stream so far, read-ahead included. */
    public long bytesRead() {
        return bytes.count;
    }

    private static String describe(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return "the file is not valid UTF-8 here";
            }
            if (t instanceof RecordTooLong) {
                return t.getMessage();
            }
        }
        String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        return message != null && message.contains("EOF reached before encapsulated token finished")
                ? "a quoted value is never closed (unterminated quote)"
                : "the file cannot be parsed as CSV: " + message;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // closing a stream that was only read; nothing to save
        }
    }

    private static final class RecordTooLong extends IOException {
        RecordTooLong() {
            super("a row is longer than " + MAX_RECORD_CHARS + " characters (an unterminated quote?)");
        }
    }

    /** Refuses to feed one record more than {@link #MAX_RECORD_CHARS}, give or take the parser's read-ahead. */
    private static final class GuardedReader extends Reader {
        private final Reader in;
        private long sinceRecordStart;

        GuardedReader(Reader in) {
            this.in = in;
        }

        void recordStarts() {
            sinceRecordStart = 0;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0 && (sinceRecordStart += n) > MAX_RECORD_CHARS + 65_536) {
                throw new RecordTooLong();
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
