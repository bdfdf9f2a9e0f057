package dev.journeys.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of a CSV file, UTF-8. An import may open it twice: once to fingerprint the file, so that
 * running the same file again turns lines already applied into no-ops, and once to read it.
 */
@FunctionalInterface
public interface ImportSource {

    InputStream open() throws IOException;

    /** The file's size in bytes when known, for the progress estimate; -1 when not. */
    default long size() {
        return -1;
    }

    static ImportSource of(Path file) {
        return new ImportSource() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public long size() {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return -1;
                }
            }
        };
    }

    static ImportSource of(byte[] content) {
        byte[] copy = content.clone();
        return new ImportSource() {
            @Override
            public InputStream open() {
                return new java.io.ByteArrayInputStream(copy);
            }

            @Override
            public long size() {
                return copy.length;
            }
        };
    }
}
