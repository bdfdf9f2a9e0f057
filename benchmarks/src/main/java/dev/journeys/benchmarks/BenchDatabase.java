package dev.journeys.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** One database under test, emptied before the run so that SDK and raw tables start the same size. */
record BenchDatabase(String name, String url) {

    static BenchDatabase prepare(String name, BenchSettings settings) throws SQLException {
        return switch (name) {
            // DB_CLOSE_DELAY keeps it alive between connections, so the raw side sees the same database.
            case "h2mem" -> new BenchDatabase(name, "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            case "h2file" -> new BenchDatabase(name, "jdbc:h2:file:" + freshH2File());
            case "postgres" -> new BenchDatabase(name, emptiedPostgres(settings.postgresUrl()));
            default -> throw new IllegalArgumentException("unknown database " + name + "; use h2mem, h2file or postgres");
        };
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /**
     * On PostgreSQL, a checkpoint, so that every measured half starts from one: after a checkpoint the first
     * change to each page writes the whole page to the WAL, and a half that a checkpoint happened to fall into
     * paid for thousands of those that the other side did not (runs swung by up to 2x without this). Needs
     * superuser or pg_checkpoint; without either, says so once and measures anyway.
     */
    void checkpoint() {
        if (!name.equals("postgres") || checkpointRefused) {
            return;
        }
        try {
            execute("checkpoint");
        } catch (SQLException e) {
            checkpointRefused = true;
            System.out.println("note: no checkpoint before each half (" + e.getMessage().strip() + ")");
        }
    }

    private static volatile boolean checkpointRefused;

    /** A file under target/, not /tmp, which may be a RAM disk and would flatter H2 file. */
    private static Path freshH2File() {
        Path dir = Path.of(System.getProperty("bench.dir", "target"), "bench-h2").toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve("journeys");
    }

    /**
     * Creates the database if missing, then empties it. Only a database named like a bench database is
     * wiped whole; elsewhere only the bench's own tables are dropped and the SDK's tables carry over.
     */
    private static String emptiedPostgres(String url) throws SQLException {
        String dbName = url.replaceFirst("^jdbc:postgresql://[^/]*/", "").replaceFirst("\\?.*$", "");
        try {
            DriverManager.getConnection(url).close();
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) {
                throw e;
            }
            String maintenance = url.replaceFirst("/" + dbName + "(\\?|$)", "/postgres$1");
            try (Connection c = DriverManager.getConnection(maintenance); Statement s = c.createStatement()) {
                s.execute("create database " + dbName);
            }
        }
        BenchDatabase db = new BenchDatabase("postgres", url);
        if (dbName.contains("bench")) {
            db.execute("drop schema public cascade", "create schema public");
        } else {
            System.out.println("note: " + dbName + " is not a bench database; keeping its SDK tables");
            db.execute("drop table if exists bench_history", "drop table if exists bench_placements",
                    "drop table if exists bench_journeys");
        }
        return url;
    }
}
