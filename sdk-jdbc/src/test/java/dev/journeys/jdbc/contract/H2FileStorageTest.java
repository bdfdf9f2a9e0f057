package dev.journeys.jdbc.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

class H2FileStorageTest extends StorageContract {

    private final String url;

    H2FileStorageTest() {
        try {
            url = "jdbc:h2:file:" + Files.createTempDirectory("journeys-h2").resolve("db").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected String jdbcUrl() {
        return url;
    }
}
