package dev.journeys.samples.csvimport;

import static dev.journeys.samples.csvimport.CsvImportDemo.ACTOR;
import static dev.journeys.samples.csvimport.CsvImportDemo.ADVOCACY;
import static dev.journeys.samples.csvimport.CsvImportDemo.KENJI;
import static dev.journeys.samples.csvimport.CsvImportDemo.OLIVIA;
import static dev.journeys.samples.csvimport.CsvImportDemo.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.journeys.api.ImportJob;
import dev.journeys.api.ReasonCode;
import dev.journeys.api.ImportMode;
import dev.journeys.api.ImportOutcome;
import dev.journeys.api.ImportProgress;
import dev.journeys.api.ImportReport;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.MoveSource;
import dev.journeys.api.PageRequest;
import dev.journeys.api.RowRejection;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.Transition;
import dev.journeys.api.UndoReport;
import dev.journeys.jdbc.Journeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the sample's steps one by one on a fresh in-memory database and checks what they did. */
class CsvImportDemoTest {

    /** The contacts messy.csv moves, per journey, and where its best-effort import leaves them. */
    static final Map<String, String> MESSY_PIPELINE = orderedMap(
            OLIVIA, "First Order Received",
            "jamal.reed@example.org", "Enrolled",
            "sofia.rossi@example.org", "First Referral Sent",
            "tom.becker@example.net", "Enrolled",
            "amara.nwosu@example.com", "First Referral Sent",
            "ravi.shah@example.com", "Enrolled",
            "liam.walsh@example.com", "First Referral Sent");
    static final Map<String, String> MESSY_ADVOCACY = orderedMap(
            "ravi.shah@example.com", "Testimonial Complete",
            "tom.becker@example.net", "Case Study Submitted");
    /** Contacts of messy.csv whose every row is rejected. */
    static final List<String> NEVER_MOVED = List.of("chloe.dubois@example.net", "noah.berg@example.com",
            "ines.garcia@example.com");

    JourneysSdk sdk;
    JourneyService journeys;
    CsvImportDemo demo;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        sdk = Journeys.configure().load();
        journeys = sdk.defaultTenant();
        demo = new CsvImportDemo(journeys, new Report(journeys, new PrintStream(printed, true, StandardCharsets.UTF_8)));
        demo.defineJourneys();
    }

    @AfterEach
    void stop() {
        sdk.close();
    }

    // ---- messy.csv --------------------------------------------------------------------------------

    @Test
    void dryRunOfTheMessyFileReportsExactlyTheBadRowsAndWritesNothing() {
        ImportReport report = demo.dryRunMessy();

        assertThat(report.outcome()).isEqualTo(ImportOutcome.CHECKED);
        assertThat(report.mode()).isEqualTo(ImportMode.DRY_RUN);
        assertThat(report.jobId()).isEmpty();
        assertMessyCounts(report);
        assertThat(report.movesCommitted()).isZero();
        assertMessyRejections(report.rejections());
        assertThat(report.rejectionsTruncated()).isFalse();
        assertThat(report.warnings()).containsExactlyInAnyOrder(
                "unknown column 'owner' is ignored", "3 blank line(s) skipped");
        assertThat(report.failure()).isEmpty();

        // Not a move, not a job.
        assertThat(totalIn(demo.pipeline()) + totalIn(demo.advocacy())).isZero();
        assertThat(journeys.imports().jobs(PageRequest.first(10)).items()).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("messy.csv, DRY_RUN: CHECKED", "no job recorded",
                        "rows read 22 = moved 14 + unchanged 1 + rejected 7; moves committed 0",
                        "warning: unknown column 'owner' is ignored")
                .containsPattern("24 +Occurred_At +'2026-09-04[^']*' +BEFORE_CURRENT_STAGE")
                .containsPattern("6 +Stage +'First Order Received' +OUT_OF_SEQUENCE +cannot skip from 'Enrolled' "
                        + "\\(stage:\\d+\\) to 'First Order Received'");
    }

    @Test
    void atomicImportOfTheMessyFileRollsBackAndKeepsTheRejectionsWithTheJob() {
        ImportReport report = demo.importMessyAtomically();

        assertThat(report.outcome()).isEqualTo(ImportOutcome.ROLLED_BACK);
        assertMessyCounts(report);            // rows decided, though none of their moves was kept
        assertThat(report.movesCommitted()).isZero();
        assertThat(totalIn(demo.pipeline()) + totalIn(demo.advocacy())).isZero();
        assertThat(journeys.history(OLIVIA, demo.pipeline().id())).isEmpty();

        long jobId = report.jobId().orElseThrow();
        ImportJob job = journeys.imports().job(jobId).orElseThrow();
        assertThat(job.status()).isEqualTo(ImportJob.Status.ROLLED_BACK);
        assertThat(job.mode()).isEqualTo(ImportMode.ATOMIC);
        assertThat(job.finishedAt()).isPresent();
        assertMessyRejections(journeys.imports().rejections(jobId, PageRequest.first(100)).items());
    }

    @Test
    void bestEffortMovesTheValidRowsOfTheMessyFile() {
        ImportReport report = demo.importMessyBestEffort();

        assertThat(report.outcome()).isEqualTo(ImportOutcome.COMPLETED);
        assertMessyCounts(report);
        assertThat(report.movesCommitted()).isEqualTo(14);
        assertMessyRejections(report.rejections());

        assertThat(stagesIn(demo.pipeline())).isEqualTo(MESSY_PIPELINE);
        assertThat(stagesIn(demo.advocacy())).isEqualTo(MESSY_ADVOCACY);
        for (String contact : NEVER_MOVED) {
            assertThat(journeys.placements(contact)).as(contact).isEmpty();
        }

        long jobId = report.jobId().orElseThrow();
        // Each move names its job and line, and counts as effective when the file says.
        List<Transition> olivia = journeys.history(OLIVIA, demo.pipeline().id());
        assertThat(olivia).extracting(Transition::source).containsExactly(
                new MoveSource.Import(jobId, 2), new MoveSource.Import(jobId, 3), new MoveSource.Import(jobId, 17));
        assertThat(olivia).extracting(Transition::effectiveAt).containsExactly(
                Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-09-03T10:15:00Z"),
                Instant.parse("2026-09-20T16:45:00Z"));
        assertThat(olivia).extracting(t -> t.note().orElse(null)).containsExactly(
                "Signed up at the Berlin meetup, table 4", "Shared the \"Give $20, Get $20\" link", "Order #20417, $89.50");
        // An offset is honoured; a quoted value may span two lines, and the row is known by its first.
        assertThat(journeys.history("amara.nwosu@example.com", demo.pipeline().id()).get(0).effectiveAt())
                .isEqualTo(Instant.parse("2026-09-16T14:00:00Z"));
        Transition sofia = journeys.history("sofia.rossi@example.org", demo.pipeline().id()).get(0);
        assertThat(sofia.source()).isEqualTo(new MoveSource.Import(jobId, 10));
        assertThat(sofia.note().orElseThrow()).startsWith("Called on Monday.").endsWith("Wants the referral code by email")
                .containsAnyOf("\n", "\r\n");
        assertThat(journeys.history("ravi.shah@example.com", demo.advocacy().id()).get(0).note())
                .contains("Quote: \"Best program we've joined\", approved by legal");

        ImportJob job = journeys.imports().job(jobId).orElseThrow();
        assertThat(job.status()).isEqualTo(ImportJob.Status.COMPLETED);
        assertThat(job.mode()).isEqualTo(ImportMode.BEST_EFFORT);
        assertThat(job).extracting(ImportJob::actor, ImportJob::fileName, ImportJob::rowsRead, ImportJob::moved,
                        ImportJob::unchanged, ImportJob::rejected, ImportJob::linesDone)
                .containsExactly(ACTOR, "messy.csv", 22L, 14L, 1L, 7L, 26L);
        assertMessyRejections(journeys.imports().rejections(jobId, PageRequest.first(100)).items());
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("lines [6, 7, 8, 12, 13, 14, 24]");
    }

    @Test
    void runningTheSameFileAgainMovesNothingTwice() {
        demo.importMessyBestEffort();

        ImportReport again = demo.importMessyBestEffort();

        // The 14 lines the first job applied count as unchanged. Line 16, the row pasted twice, was a no-op
        // the first time, not an applied line, so it is judged again: Olivia has moved past that stage since.
        assertThat(again.outcome()).isEqualTo(ImportOutcome.COMPLETED);
        assertThat(again).extracting(ImportReport::rowsRead, ImportReport::moved, ImportReport::unchanged,
                ImportReport::rejected, ImportReport::movesCommitted).containsExactly(22L, 0L, 14L, 8L, 0L);
        assertThat(again.rejections()).extracting(RowRejection::line)
                .containsExactly(6L, 7L, 8L, 12L, 13L, 14L, 16L, 24L);
        assertThat(again.rejections().get(6).code()).isEqualTo(ReasonCode.BACKWARD_NOT_ALLOWED);
        assertThat(stagesIn(demo.pipeline())).isEqualTo(MESSY_PIPELINE);
        assertThat(journeys.history(OLIVIA, demo.pipeline().id())).hasSize(3);
    }

    // ---- clean.csv and the generated file -----------------------------------------------------------

    @Test
    void atomicImportOfTheCleanFileMovesEveryRow() {
        CleanCsv clean = CleanCsv.shipped();
        ProgressBar bar = new ProgressBar(new PrintStream(printed, true, StandardCharsets.UTF_8), false);

        ImportReport report = demo.importClean(bar);

        assertThat(report.outcome()).isEqualTo(ImportOutcome.COMPLETED);
        assertThat(report.rowsRead()).isEqualTo(326).isEqualTo(clean.rows().size());
        assertThat(report.moved()).isEqualTo(326);
        assertThat(report.unchanged()).isZero();
        assertThat(report.rejected()).isZero();
        assertThat(report.movesCommitted()).isEqualTo(326);
        assertThat(report.warnings()).isEmpty();
        assertThat(countsByName(demo.pipeline())).isEqualTo(withZeros(demo.pipeline(), clean.stageCounts(PIPELINE)));
        assertThat(countsByName(demo.advocacy())).isEqualTo(withZeros(demo.advocacy(), clean.stageCounts(ADVOCACY)));

        long jobId = report.jobId().orElseThrow();
        List<Transition> kenji = journeys.history(KENJI, demo.pipeline().id());
        List<CleanCsv.Row> kenjiRows = clean.rows().stream()
                .filter(r -> r.contact().equals(KENJI) && r.journey().equals(PIPELINE)).toList();
        assertThat(kenji).extracting(Transition::effectiveAt)
                .containsExactlyElementsOf(kenjiRows.stream().map(CleanCsv.Row::occurredAt).toList());
        assertThat(kenji).extracting(Transition::source)
                .containsExactlyElementsOf(kenjiRows.stream().map(r -> new MoveSource.Import(jobId, r.line())).toList());
        assertThat(journeys.placement(KENJI, demo.pipeline().id()).map(p -> stageName(demo.pipeline(), p.stageId())))
                .contains("Reward Paid");

        // The bar heard the end of the import.
        ImportProgress last = bar.updates().get(bar.updates().size() - 1);
        assertThat(last.rowsDone()).isEqualTo(326);
        assertThat(last.moved()).isEqualTo(326);
        assertThat(last.fractionDone()).contains(1.0);
    }

    @Test
    void generatedFileIsImportedBehindAProgressBar(@TempDir Path dir) {
        ProgressBar bar = new ProgressBar(new PrintStream(printed, true, StandardCharsets.UTF_8), false);

        ImportReport report = demo.importBulk(dir, 3_000, bar);

        assertThat(report.outcome()).isEqualTo(ImportOutcome.COMPLETED);
        assertThat(report.rowsRead()).isEqualTo(3_000);
        assertThat(report.moved()).isEqualTo(3_000);
        assertThat(report.movesCommitted()).isEqualTo(3_000);
        CleanCsv bulk = CleanCsv.read(dir.resolve("contacts-export.csv"));
        assertThat(countsByName(demo.pipeline())).isEqualTo(withZeros(demo.pipeline(), bulk.stageCounts(PIPELINE)));
        assertThat(countsByName(demo.advocacy())).isEqualTo(withZeros(demo.advocacy(), bulk.stageCounts(ADVOCACY)));
        assertThat(journeys.placement("kenji.haddad+1@brightpath.example", demo.pipeline().id())).isPresent();

        List<ImportProgress> updates = bar.updates();
        assertThat(updates).isNotEmpty();
        assertThat(updates).extracting(ImportProgress::rowsDone).isSorted();
        ImportProgress last = updates.get(updates.size() - 1);
        assertThat(last.rowsDone()).isEqualTo(3_000);
        assertThat(last.fractionDone()).contains(1.0);
        assertThat(last.rowsPerSecond()).isPositive();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .containsPattern("\\[#{30}] 100% +3,000 rows +[0-9,]+ rows/s +ETA 0:00");
    }

    // ---- jobs and undo ------------------------------------------------------------------------------

    @Test
    void jobsAreListedNewestFirstAndADryRunRecordsNone() {
        demo.dryRunMessy();
        long atomic = demo.importMessyAtomically().jobId().orElseThrow();
        long bestEffort = demo.importMessyBestEffort().jobId().orElseThrow();
        long clean = demo.importClean(new ProgressBar(new PrintStream(printed), false)).jobId().orElseThrow();

        List<ImportJob> jobs = demo.listJobs();

        assertThat(jobs).extracting(ImportJob::id, ImportJob::fileName, ImportJob::mode, ImportJob::status)
                .containsExactly(
                        tuple(clean, "clean.csv", ImportMode.ATOMIC, ImportJob.Status.COMPLETED),
                        tuple(bestEffort, "messy.csv", ImportMode.BEST_EFFORT, ImportJob.Status.COMPLETED),
                        tuple(atomic, "messy.csv", ImportMode.ATOMIC, ImportJob.Status.ROLLED_BACK));
        assertThat(jobs).allSatisfy(j -> assertThat(j.undoneAt()).isEmpty());
    }

    @Test
    void undoPutsContactsBackExceptOneThatMovedSince() {
        long jobId = demo.importMessyBestEffort().jobId().orElseThrow();
        assertThat(demo.payRewardByHand().isMoved()).isTrue();

        UndoReport undo = demo.undo(jobId);

        // Nine contact-journey pairs moved; Olivia moved again since, so she stays where finance put her.
        assertThat(undo.jobId()).isEqualTo(jobId);
        assertThat(undo.reverted()).isEqualTo(8);
        assertThat(undo.refused()).isEqualTo(1);
        assertThat(undo.refusals()).extracting(UndoReport.Refusal::contactKey, UndoReport.Refusal::journey,
                        UndoReport.Refusal::code)
                .containsExactly(tuple(OLIVIA, demo.pipeline().id(), ReasonCode.MOVED_SINCE));
        assertThat(stagesIn(demo.pipeline())).isEqualTo(Map.of(OLIVIA, "Reward Paid"));
        assertThat(stagesIn(demo.advocacy())).isEmpty();

        // History is never deleted: the undo appends compensating exits.
        List<Transition> jamal = journeys.history("jamal.reed@example.org", demo.pipeline().id());
        assertThat(jamal).hasSize(2);
        assertThat(jamal.get(1).to()).isEmpty();
        assertThat(jamal.get(1).source()).isEqualTo(new MoveSource.ImportUndo(jobId, ACTOR));
        assertThat(journeys.imports().job(jobId).orElseThrow().undoneAt()).isPresent();

        assertThatThrownBy(() -> journeys.imports().undo(jobId, ACTOR)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void undoOfTheCleanImportEmptiesBothJourneys() {
        CleanCsv clean = CleanCsv.shipped();
        long jobId = demo.importClean(new ProgressBar(new PrintStream(printed), false)).jobId().orElseThrow();

        UndoReport undo = demo.undo(jobId);

        assertThat(undo.reverted()).isEqualTo(clean.contactsMoved()).isEqualTo(144);
        assertThat(undo.refused()).isZero();
        assertThat(totalIn(demo.pipeline()) + totalIn(demo.advocacy())).isZero();
        assertThat(journeys.placements(KENJI)).isEmpty();
        assertThat(journeys.history(KENJI, demo.pipeline().id())).hasSize(5);
    }

    @Test
    void undoOfAJobThatCommittedNothingIsRefused() {
        long jobId = demo.importMessyAtomically().jobId().orElseThrow();

        assertThatThrownBy(() -> journeys.imports().undo(jobId, ACTOR)).isInstanceOf(InvalidInputException.class);
        assertThat(journeys.imports().job(jobId).orElseThrow().undoneAt()).isEmpty();
    }

    // ---- Helpers ------------------------------------------------------------------------------------

    static void assertMessyCounts(ImportReport report) {
        assertThat(report).extracting(ImportReport::rowsRead, ImportReport::moved, ImportReport::unchanged,
                ImportReport::rejected).containsExactly(22L, 14L, 1L, 7L);
    }

    /** The seven bad rows of messy.csv, by line, column as the header writes it, value and code. */
    static void assertMessyRejections(List<RowRejection> rejections) {
        assertThat(rejections)
                .extracting(RowRejection::line, r -> r.column().orElse(null), RowRejection::code)
                .containsExactly(
                        tuple(6L, "Stage", ReasonCode.OUT_OF_SEQUENCE),
                        tuple(7L, "Occurred_At", ReasonCode.INVALID_TIMESTAMP),
                        tuple(8L, "Stage", ReasonCode.UNKNOWN_STAGE),
                        tuple(12L, null, ReasonCode.WRONG_FIELD_COUNT),
                        tuple(13L, "Email", ReasonCode.MISSING_VALUE),
                        tuple(14L, "Journey", ReasonCode.UNKNOWN_JOURNEY),
                        tuple(24L, "Occurred_At", ReasonCode.BEFORE_CURRENT_STAGE));
        assertThat(rejections.subList(0, 6)).extracting(r -> r.value().orElse(null))
                .containsExactly("First Order Received", "14/09/2026", "Enroled", null, "", "Referal Pipeline");
        // The value as written is 2026-09-04; the SDK reports the instant it read, 2026-09-04T00:00:00Z.
        assertThat(rejections.get(6).value()).hasValueSatisfying(v -> assertThat(v).startsWith("2026-09-04"));
        assertThat(rejections).allSatisfy(r -> assertThat(r.message()).isNotBlank());
    }

    private long totalIn(Journey journey) {
        return journeys.stageCounts(journey.id()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Contact to stage name, for every contact now in the journey. */
    private Map<String, String> stagesIn(Journey journey) {
        Map<String, String> stages = new LinkedHashMap<>();
        for (Stage stage : journey.stages()) {
            journeys.contactsInStage(journey.id(), stage.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items()
                    .forEach(p -> stages.put(p.contactKey(), stage.name()));
        }
        return stages;
    }

    private Map<String, Long> countsByName(Journey journey) {
        Map<StageId, Long> counts = journeys.stageCounts(journey.id());
        Map<String, Long> named = new LinkedHashMap<>();
        journey.stages().forEach(s -> named.put(s.name(), counts.getOrDefault(s.id(), 0L)));
        return named;
    }

    private static Map<String, Long> withZeros(Journey journey, Map<String, Long> counts) {
        Map<String, Long> all = new LinkedHashMap<>();
        journey.stages().forEach(s -> all.put(s.name(), counts.getOrDefault(s.name(), 0L)));
        return all;
    }

    private static String stageName(Journey journey, StageId id) {
        return journey.stage(id).map(Stage::name).orElse(id.toString());
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
