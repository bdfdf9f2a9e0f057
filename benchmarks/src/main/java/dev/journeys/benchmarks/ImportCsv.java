package dev.journeys.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The import bench's files: {@code contact,journey,stage}, one distinct contact per row, each into one stage of an
 * unsequenced journey (row i into stage i mod the stage count). Written row by row through a buffer, never built in
 * memory, so a file of any length costs the same heap.
 */
final class ImportCsv {

    private ImportCsv() {
    }

    /** @return the file, in {@code dir}; the caller deletes it */
    static Path write(Path dir, int rows, String contactTag, String journey, List<String> stages) throws IOException {
        Path file = Files.createTempFile(dir, "import-" + contactTag + "-", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("contact,journey,stage\n");
            StringBuilder line = new StringBuilder(96);
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                contactKey(line, contactTag, i).append(',').append(journey).append(',')
                        .append(stages.get(i % stages.size())).append('\n');
                out.append(line);
            }
        }
        return file;
    }

    /**
     * The contact of row {@code i}: {@code imp-<tag>-<8 digits>}. SDK and raw sides use tags of the same length, so
     * their keys, and with them the indexes both write, are the same size.
     */
    static StringBuilder contactKey(StringBuilder into, String tag, int i) {
        into.append("imp-").append(tag).append('-');
        String digits = Integer.toString(i);
        for (int pad = digits.length(); pad < 8; pad++) {
            into.append('0');
        }
        return into.append(digits);
    }
}
