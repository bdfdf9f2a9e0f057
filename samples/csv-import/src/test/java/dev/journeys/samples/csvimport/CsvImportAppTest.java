package dev.journeys.samples.csvimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole app, as {@code exec:java} does but with a smaller generated file, and reads its output. */
class CsvImportAppTest {

    private static final int BULK_ROWS = 2_000;
    private static final Pattern JOURNEY_HEADER = Pattern.compile("^  (\\S.*?) +contacts$");
    private static final Pattern STAGE_COUNT = Pattern.compile("^ {4}(\\S.*?) +([0-9,]+)$");

    @Test
    void runsEveryStepAndEndsWithTheExpectedStageCounts(@TempDir Path dir) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        CsvImportApp.run(new PrintStream(printed, true, StandardCharsets.UTF_8), BULK_ROWS);

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("messy.csv, DRY_RUN: CHECKED", "no job recorded",
                        "messy.csv, ATOMIC: ROLLED_BACK", "job 1",
                        "messy.csv, BEST_EFFORT: COMPLETED", "job 2",
                        "rows read 22 = moved 14 + unchanged 1 + rejected 7; moves committed 0",
                        "rows read 22 = moved 14 + unchanged 1 + rejected 7; moves committed 14",
                        "clean.csv, ATOMIC: COMPLETED",
                        "rows read 326 = moved 326 + unchanged 0 + rejected 0; moves committed 326",
                        "contacts-export.csv, ATOMIC: COMPLETED",
                        "rows read 2,000 = moved 2,000 + unchanged 0 + rejected 0; moves committed 2,000",
                        "job 2 undone: 8 contact(s) put back, 1 refused",
                        "refused olivia.martin@example.com",
                        "MOVED_SINCE",
                        "Done. Closing the SDK")
                .containsPattern("\\[#{30}] 100% +2,000 rows")
                .containsPattern("(?m)^  4 +COMPLETED +ATOMIC +contacts-export\\.csv +ann +2,000 +2,000 +0 +0")
                .containsPattern("(?m)^  1 +ROLLED_BACK +ATOMIC +messy\\.csv +ann +22 +14 +1 +7");

        // Where everyone ends: clean.csv and the generated file as they are, plus Olivia, whose reward finance
        // paid by hand, so that the undo of messy.csv left her alone.
        CleanCsv clean = CleanCsv.shipped();
        CleanCsv bulk = CleanCsv.read(SampleFiles.writeBulk(dir.resolve("same-as-the-app.csv"), BULK_ROWS));
        Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
        for (String journey : new String[] {CsvImportDemo.PIPELINE, CsvImportDemo.ADVOCACY}) {
            Map<String, Long> counts = new LinkedHashMap<>(clean.stageCounts(journey));
            bulk.stageCounts(journey).forEach((stage, n) -> counts.merge(stage, n, Long::sum));
            expected.put(journey, counts);
        }
        expected.get(CsvImportDemo.PIPELINE).merge("Reward Paid", 1L, Long::sum);

        Map<String, Map<String, Long>> printedCounts = stageCounts(out.substring(out.indexOf("10. Contacts per stage")));
        printedCounts.values().forEach(counts -> counts.values().removeIf(n -> n == 0));
        assertThat(printedCounts).isEqualTo(expected);
        assertThat(printedCounts.get(CsvImportDemo.PIPELINE)).containsOnlyKeys(
                "Enrolled", "First Referral Sent", "First Order Received", "Reward Paid");
    }

    /** The stage counts as printed: journey, then stage name to contacts. */
    private static Map<String, Map<String, Long>> stageCounts(String section) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<String, Long> current = null;
        for (String line : section.lines().toList()) {
            Matcher journey = JOURNEY_HEADER.matcher(line);
            Matcher stage = STAGE_COUNT.matcher(line);
            if (journey.matches()) {
                current = new LinkedHashMap<>();
                counts.put(journey.group(1), current);
            } else if (stage.matches() && current != null) {
                current.put(stage.group(1), Long.parseLong(stage.group(2).replace(",", "")));
            }
        }
        return counts;
    }
}
