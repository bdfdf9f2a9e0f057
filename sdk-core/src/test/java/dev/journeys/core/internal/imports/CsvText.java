package dev.journeys.core.internal.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small helpers for the import tests: files from text or bytes, read to the end. */
final class CsvText {

    static final String BOM = "\uFEFF";

    private CsvText() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static CsvFile csv(String text) {
        return csv(utf8(text));
    }

    static CsvFile csv(byte[] bytes) {
        return new CsvFile(new ByteArrayInputStream(bytes));
    }

    /** Every non-blank record, the header included. */
    static List<RawRow> readAll(String text) {
        return readAll(utf8(text));
    }

    static List<RawRow> readAll(byte[] bytes) {
        try (CsvFile file = csv(bytes)) {
            return readAll(file);
        }
    }

    static List<RawRow> readAll(CsvFile file) {
        List<RawRow> rows = new ArrayList<>();
        for (Optional<RawRow> row = file.next(); row.isPresent(); row = file.next()) {
            rows.add(row.get());
        }
        return rows;
    }

    /** A header record on line 1. */
    static RawRow header(String... names) {
        return new RawRow(1, List.of(names));
    }

    static RawRow row(long line, String... values) {
        return new RawRow(line, List.of(values));
    }
}
