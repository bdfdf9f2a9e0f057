package dev.journeys.samples.csvimport;

import dev.journeys.api.ImportReport;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneysSdk;
import dev.journeys.jdbc.Journeys;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Bulk CSV import: starts the SDK on embedded H2 in memory, checks a messy spreadsheet with a dry run,
 * imports it all-or-nothing (rolled back) and best effort, imports a clean export and a large generated
 * file atomically behind a progress bar, lists the jobs, undoes one and prints where everyone is.
 *
 * <p>Run it from the repository root:
 * <pre>{@code mvn -q -pl samples/csv-import -am package exec:java -DskipTests}</pre>
 * An optional argument sets the rows of the generated file (default 20,000):
 * {@code -Dexec.args=200000}.
 */
public final class CsvImportApp {

    /** About four seconds on embedded H2 with two cores: long enough to watch the bar move. */
    static final int DEFAULT_BULK_ROWS = 20_000;

    private CsvImportApp() {
    }

    public static void main(String[] args) {
        int bulkRows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : DEFAULT_BULK_ROWS;
        run(System.out, bulkRows);
    }

    static void run(PrintStream out, int bulkRows) {
        Path dir = tempDir();
        // One line starts the SDK on a private in-memory H2 database; closing it releases everything.
        try (JourneysSdk sdk = Journeys.configure().load()) {
            JourneyService journeys = sdk.defaultTenant();
            Report report = new Report(journeys, out);
            CsvImportDemo demo = new CsvImportDemo(journeys, report);
            ProgressBar bar = ProgressBar.forConsole(out);   // redraws in place on a terminal
            report.title("Journeys SDK CSV import: embedded H2 in memory, tenant \"" + journeys.tenant() + "\"");

            report.section("1. Journeys defined");
            demo.defineJourneys();

            report.section("2. Dry run of messy.csv: every row checked, nothing written");
            demo.dryRunMessy();

            report.section("3. messy.csv in ATOMIC mode: one bad row and nothing is kept");
            demo.importMessyAtomically();

            report.section("4. messy.csv in BEST_EFFORT mode: the valid rows move, the bad ones are kept with the job");
            ImportReport messy = demo.importMessyBestEffort();

            report.section("5. Meanwhile, a move by hand");
            demo.payRewardByHand();

            report.section("6. clean.csv in ATOMIC mode: a few hundred backfilled moves, all or nothing");
            demo.importClean(bar);

            report.section(String.format("7. A %,d-row export generated from clean.csv, ATOMIC, with a progress bar",
                    bulkRows));
            demo.importBulk(dir, bulkRows, bar);

            report.section("8. Import jobs, newest first (the dry run recorded none)");
            demo.listJobs();

            report.section("9. Undo the best-effort import of messy.csv");
            demo.undo(messy.jobId().orElseThrow());

            report.section("10. Contacts per stage");
            demo.stageCounts();
            report.closing("Done. Closing the SDK; the in-memory database goes with it.");
        } finally {
            delete(dir);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("journeys-csv-import");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
