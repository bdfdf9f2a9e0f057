package dev.journeys.jdbc.contract;

import dev.journeys.jdbc.Journeys;
import dev.journeys.jdbc.JourneysConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The databases the contract suite runs on. PostgreSQL is the server named by
 * {@code JOURNEYS_TEST_POSTGRES_URL} (a JDBC URL with user) when set, otherwise an embedded PostgreSQL
 * started once per test JVM, so that a plain {@code mvn verify} on a fresh machine tests it too.
 */
public final class Databases {

    public static final String POSTGRES_URL_VARIABLE = "JOURNEYS_TEST_POSTGRES_URL";

    private static volatile String postgresUrl;

    private Databases() {
    }

    public static JourneysConfiguration h2InMemory() {
        return Journeys.configure();
    }

    public static JourneysConfiguration h2File() {
        try {
            return Journeys.configure().h2File(Files.createTempDirectory("journeys-h2").resolve("db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JourneysConfiguration postgres() {
        return Journeys.configure().jdbcUrl(postgresUrl());
    }

    public static synchronized String postgresUrl() {
        if (postgresUrl == null) {
            String fromEnv = System.getenv(POSTGRES_URL_VARIABLE);
            postgresUrl = fromEnv != null && !fromEnv.isBlank() ? fromEnv : startEmbedded();
        }
        return postgresUrl;
    }

    private static String startEmbedded() {
        try {
            Path dir = Files.createTempDirectory("journeys-embedded-pg");
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temp directory goes with the machine
                }
            }));
            return pg.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL; set " + POSTGRES_URL_VARIABLE, e);
        }
    }
}
