package dev.journeys.jdbc.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.Actor;
import dev.journeys.api.ImportJob;
import dev.journeys.api.ImportMode;
import dev.journeys.api.ImportOutcome;
import dev.journeys.api.ImportReport;
import dev.journeys.api.ImportRequest;
import dev.journeys.api.ImportSource;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.PageRequest;
import dev.journeys.jdbc.Journeys;
import dev.journeys.jdbc.contract.Databases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process dies mid-import on PostgreSQL (a real {@code kill -9} of a child JVM): an atomic job leaves
 * no move behind, a best-effort job's record says exactly how far it got, and running the same file again
 * finishes the job without applying any line twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportCrashTest {

    private static final int ROWS = 40_000;

    private JourneysSdk sdk;
    @TempDir
    Path dir;

    @BeforeAll
    void start() {
        sdk = Journeys.configure().jdbcUrl(Databases.postgresUrl()).load();
    }

    @AfterAll
    void stop() {
        sdk.close();
    }

    private Path file(String journey) throws IOException {
        Path file = dir.resolve("crash-" + UUID.randomUUID() + ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("contact,journey,stage\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("contact-" + i + "," + journey + "," + (i % 2 == 0 ? "Enrolled" : "First Referral Sent") + "\n");
            }
        }
        return file;
    }

    /** Starts the import in a child JVM and kills it hard once it has reported {@code rowsBeforeKill} rows. */
    private void importAndKill(String tenant, ImportMode mode, Path file, int rowsBeforeKill) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingImport.class.getName(),
                Databases.postgresUrl(), tenant, mode.name(), file.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("progress ") && Long.parseLong(line.substring(9)) >= rowsBeforeKill) {
                    break;
                }
                assertThat(line).as("the child finished before it could be killed").isNotEqualTo("finished");
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(Databases.postgresUrl());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void a_best_effort_job_killed_mid_file_says_how_far_it_got_and_a_rerun_applies_each_line_once() throws Exception {
        String tenant = "crash-" + UUID.randomUUID();
        JourneyService journeys = sdk.tenant(tenant);
        Journey journey = journeys.createJourney(JourneySpec.named("Referrals").stages("Enrolled", "First Referral Sent"));
        Path file = file("Referrals");

        importAndKill(tenant, ImportMode.BEST_EFFORT, file, 5_000);

        ImportJob job = journeys.imports().jobs(PageRequest.first(1)).items().get(0);
        assertThat(job.status()).isEqualTo(ImportJob.Status.RUNNING);
        assertThat(job.moved()).isBetween(5_000L, ROWS - 1L);
        assertThat(job.linesDone()).isEqualTo(job.moved() + 1);
        long written = count("select count(*) from transitions where tenant_id = '" + tenant + "'");
        assertThat(written).as("the job record counts exactly the moves that committed").isEqualTo(job.moved());

        ImportReport rerun = journeys.imports().run(ImportRequest.of("crash.csv", ImportSource.of(file), Actor.person("ann"))
                .mode(ImportMode.BEST_EFFORT));

        assertThat(rerun.outcome()).isEqualTo(ImportOutcome.COMPLETED);
        assertThat(rerun.unchanged()).isEqualTo(job.moved());
        assertThat(rerun.moved()).isEqualTo(ROWS - job.moved());
        assertThat(rerun.rejected()).isZero();
        assertThat(count("select count(*) from transitions where tenant_id = '" + tenant + "'")).isEqualTo(ROWS);
        assertThat(journeys.stageCounts(journey.id()).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ROWS);
    }

    @Test
    void an_atomic_job_killed_mid_file_leaves_no_move_behind() throws Exception {
        String tenant = "crash-" + UUID.randomUUID();
        JourneyService journeys = sdk.tenant(tenant);
        journeys.createJourney(JourneySpec.named("Referrals").stages("Enrolled", "First Referral Sent"));
        Path file = file("Referrals");

        importAndKill(tenant, ImportMode.ATOMIC, file, 5_000);

        // The killed transaction may take a moment to be rolled back by the server.
        for (int i = 0; i < 50 && count("select count(*) from pg_stat_activity where state like 'idle in transaction%'"
                + " and query like '%placements%'") > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(count("select count(*) from transitions where tenant_id = '" + tenant + "'")).isZero();
        assertThat(count("select count(*) from placements where tenant_id = '" + tenant + "'")).isZero();
        ImportJob job = journeys.imports().jobs(PageRequest.first(1)).items().get(0);
        assertThat(job.status()).isEqualTo(ImportJob.Status.RUNNING);
        assertThat(job.moved()).isZero();

        ImportReport rerun = journeys.imports().run(ImportRequest.of("crash.csv", ImportSource.of(file), Actor.person("ann")));
        assertThat(rerun.outcome()).isEqualTo(ImportOutcome.COMPLETED);
        assertThat(rerun.moved()).isEqualTo(ROWS);
    }

    @Test
    void a_best_effort_job_whose_database_connections_drop_mid_file_fails_keeping_what_committed() throws Exception {
        // An SDK of its own, whose connections are the only ones dropped: the other tests' pool stays whole.
        String url = Databases.postgresUrl() + (Databases.postgresUrl().contains("?") ? "&" : "?")
                + "ApplicationName=" + DROPPED;
        try (JourneysSdk dropped = Journeys.configure().jdbcUrl(url).load()) {
            String tenant = "drop-" + UUID.randomUUID();
            JourneyService journeys = dropped.tenant(tenant);
            journeys.createJourney(JourneySpec.named("Referrals").stages("Enrolled", "First Referral Sent"));
            Path file = file("Referrals");
            boolean[] done = {false};

            ImportReport report = journeys.imports().run(ImportRequest.of("drop.csv", ImportSource.of(file), Actor.person("ann"))
                    .mode(ImportMode.BEST_EFFORT).batchSize(500)
                    .onProgress(p -> {
                        if (!done[0] && p.rowsDone() >= 2_000) {
                            done[0] = true;
                            dropConnectionsOf(DROPPED);
                        }
                    }, java.time.Duration.ofNanos(1)));

            assertThat(report.outcome()).isEqualTo(ImportOutcome.FAILED);
            assertThat(report.failure().orElseThrow()).contains("database");
            assertThat(report.movesCommitted()).isBetween(2_000L, ROWS - 1L);
            assertThat(count("select count(*) from transitions where tenant_id = '" + tenant + "'"))
                    .isEqualTo(report.movesCommitted());

            // The pool throws each dead connection away as it fails; a fresh SDK reads the record at once.
            JourneyService fresh = sdk.tenant(tenant);
            ImportJob job = fresh.imports().job(report.jobId().orElseThrow()).orElseThrow();
            assertThat(job.moved()).isEqualTo(report.movesCommitted());
            assertThat(job.linesDone()).isEqualTo(report.movesCommitted() + 1);

            ImportReport rerun = fresh.imports().run(ImportRequest.of("drop.csv", ImportSource.of(file), Actor.person("ann"))
                    .mode(ImportMode.BEST_EFFORT));
            assertThat(rerun.unchanged()).isEqualTo(report.movesCommitted());
            assertThat(rerun.moved()).isEqualTo(ROWS - report.movesCommitted());
        }
    }

    private static final String DROPPED = "journeys-dropped";

    /** What a restarted or failed-over server does to its clients: their connections go. */
    private static void dropConnectionsOf(String applicationName) {
        try (Connection c = DriverManager.getConnection(Databases.postgresUrl())) {
            c.createStatement().execute("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where application_name = '" + applicationName + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
