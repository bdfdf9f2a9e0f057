package dev.journeys.samples.csvimport;

import dev.journeys.api.ImportSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CSV files the sample imports: two shipped on the class path, and a large one written on the fly. */
final class SampleFiles {

    /** A clean export of a contacts table: every row valid, contacts walked through consecutive stages. */
    static final String CLEAN = "clean.csv";
    /** A hand-kept spreadsheet: BOM, CRLF, odd headers, an unknown column, blank lines and bad rows. */
    static final String MESSY = "messy.csv";

    private SampleFiles() {
    }

    /** The bytes of a file shipped in {@code src/main/resources}. */
    static byte[] bytes(String name) {
        try (InputStream in = SampleFiles.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file from the class path as an import source; its size feeds the progress estimate. */
    static ImportSource resource(String name) {
        return ImportSource.of(bytes(name));
    }

    /**
     * Writes {@code rows} data rows shaped like clean.csv: its rows over and over, each copy with contacts of
     * its own ({@code maya.chen@example.com} becomes {@code maya.chen+7@example.com} in copy 7). Each copy is
     * in file order, so every contact still walks its stages one at a time, and a file cut short in the middle
     * of a copy is as valid as a whole one.
     */
    static Path writeBulk(Path file, int rows) {
        List<String> lines = clean();
        String header = lines.get(0);
        List<String> data = lines.subList(1, lines.size());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                int copy = i / data.size() + 1;
                String line = data.get(i % data.size());
                int at = line.indexOf('@');           // the email is the first column, never quoted
                out.write(line, 0, at);
                out.write("+" + copy);
                out.write(line, at, line.length() - at);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The lines of clean.csv; none of its quoted values spans two lines. */
    static List<String> clean() {
        return new ArrayList<>(new String(bytes(CLEAN), StandardCharsets.UTF_8).lines().toList());
    }
}
