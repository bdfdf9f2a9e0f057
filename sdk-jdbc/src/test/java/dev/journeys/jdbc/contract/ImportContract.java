package dev.journeys.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.Actor;
import dev.journeys.api.ReasonCode;
import dev.journeys.api.AutomationSpec;
import dev.journeys.api.Condition;
import dev.journeys.api.ImportJob;
import dev.journeys.api.ImportMode;
import dev.journeys.api.ImportOutcome;
import dev.journeys.api.ImportProgress;
import dev.journeys.api.ImportReport;
import dev.journeys.api.ImportRequest;
import dev.journeys.api.ImportSource;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.NotFoundException;
import dev.journeys.api.Outcome;
import dev.journeys.api.PageRequest;
import dev.journeys.api.RowRejection;
import dev.journeys.api.RunningImport;
import dev.journeys.api.StageChange;
import dev.journeys.api.Transition;
import dev.journeys.api.UndoReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** CSV imports: the same rules as every move, three modes, jobs, undo and safe re-runs. */
abstract class ImportContract extends SystemJourneyContract {

    protected static ImportRequest csv(String name, String content) {
        return ImportRequest.of(name, ImportSource.of(content.getBytes(StandardCharsets.UTF_8)), Actor.person("ann"));
    }

    private ImportReport run(ImportRequest request) {
        return journeys.imports().run(request);
    }

    private long transitionsOf(long jobId) throws Exception {
        return count("select count(*) from transitions where tenant_id = '" + tenant
                + "' and source_kind = 'IMPORT' and source_ref = '" + jobId + "'");
    }

    private static String rows(int n, String journey, String stage) {
        StringBuilder s = new StringBuilder("contact,journey,stage\n");
        for (int i = 0; i < n; i++) {
            s.append("c").append(i).append(',').append(journey).append(',').append(stage).append('\n');
        }
        return s.toString();
    }

    // ---- the same rules as every move

    @Test
    void a_clean_file_walks_contacts_through_consecutive_stages_in_file_order() {
        Journey sales = sales();
        ImportReport report = run(csv("walk.csv", """
                contact,journey,stage
                c1,Sales,Lead
                c1,Sales,Demo Complete
                c2,Sales,Lead
                """));

        assertThat(report.outcome()).isEqualTo(ImportOutcome.COMPLETED);
        assertThat(report.moved()).isEqualTo(3);
        assertThat(report.movesCommitted()).isEqualTo(3);
        assertThat(journeys.placement("c1", sales.id()).orElseThrow().stageId()).isEqualTo(stage(sales, 1).id());
        long job = report.jobId().orElseThrow();
        assertThat(journeys.history("c1", sales.id())).extracting(Transition::source)
                .containsExactly(new MoveSource.Import(job, 2), new MoveSource.Import(job, 3));
    }

    @Test
    void a_row_that_skips_stages_is_rejected_with_that_reason_and_nothing_walks_in_between() {
        Journey sales = sales();
        move("c1", sales, 0);

        ImportReport report = run(csv("skip.csv", "contact,journey,stage\nc1,Sales,Trial\n").mode(ImportMode.BEST_EFFORT));

        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.column()).contains("stage");
            assertThat(r.value()).contains("Trial");
            assertThat(r.code()).isEqualTo(ReasonCode.OUT_OF_SEQUENCE);
        });
        assertThat(journeys.history("c1", sales.id())).hasSize(1);
    }

    @Test
    void journeys_and_stages_are_found_by_id_or_name_and_a_journey_can_come_from_the_request() {
        Journey advocacy = advocacy();
        String file = "email,stage\nc1," + stage(advocacy, 2).id().value() + "\nc2,testimonial complete\nc3,Nowhere\n";

        ImportReport report = run(csv("ids.csv", file).intoJourney(advocacy.id()).mode(ImportMode.BEST_EFFORT));

        assertThat(report.moved()).isEqualTo(2);
        assertThat(report.rejections()).extracting(RowRejection::line, RowRejection::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, ReasonCode.UNKNOWN_STAGE));
        assertThat(journeys.placement("c1", advocacy.id()).orElseThrow().stageId()).isEqualTo(stage(advocacy, 2).id());
        assertThat(journeys.placement("c2", advocacy.id()).orElseThrow().stageId()).isEqualTo(stage(advocacy, 1).id());
    }

    @Test
    void the_current_stage_is_a_no_op_and_archived_or_unknown_journeys_are_rejected() {
        Journey sales = sales();
        Journey old = advocacy();
        journeys.archiveJourney(old.id());
        move("c1", sales, 0);

        ImportReport report = run(csv("mixed.csv", """
                contact,journey,stage
                c1,Sales,Lead
                c2,Advocacy,Case Study Submitted
                c3,Nope,Lead
                """).mode(ImportMode.BEST_EFFORT));

        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.rejections()).extracting(RowRejection::code, RowRejection::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReasonCode.JOURNEY_ARCHIVED, java.util.Optional.of("journey")),
                        org.assertj.core.groups.Tuple.tuple(ReasonCode.UNKNOWN_JOURNEY, java.util.Optional.of("journey")));
        assertThat(report.rowsRead()).isEqualTo(report.moved() + report.unchanged() + report.rejected());
    }

    @Test
    void system_journeys_are_read_only_to_imports() {
        Journey system = journeys.journeys().stream().filter(j -> j.kind() == Journey.Kind.SYSTEM).findFirst()
                .orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(system != null, "no system journey installed in this SDK");
        ImportReport report = run(csv("sys.csv", "contact,stage\nc1," + stage(system, 0).name() + "\n")
                .intoJourney(system.id()).mode(ImportMode.BEST_EFFORT));
        assertThat(report.rejections()).extracting(RowRejection::code).containsExactly(ReasonCode.SYSTEM_JOURNEY_READ_ONLY);
    }

    @Test
    void occurred_at_backfills_the_effective_time_and_keeps_the_recorded_time() {
        Journey sales = sales();
        ImportReport report = run(csv("backfill.csv", """
                contact,journey,stage,occurred_at,note
                c1,Sales,Lead,2024-01-05T10:00:00Z,from the old CRM
                c1,Sales,Demo Complete,2024-02-01,
                c2,Sales,Lead,1999-13-01,
                """).mode(ImportMode.BEST_EFFORT));

        List<Transition> history = journeys.history("c1", sales.id());
        assertThat(history.get(0).effectiveAt()).isEqualTo(Instant.parse("2024-01-05T10:00:00Z"));
        assertThat(history.get(0).recordedAt()).isAfter(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(history.get(0).note()).contains("from the old CRM");
        assertThat(history.get(1).effectiveAt()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(journeys.placement("c1", sales.id()).orElseThrow().enteredAt()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(report.rejections()).extracting(RowRejection::line, RowRejection::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, ReasonCode.INVALID_TIMESTAMP));
    }

    @Test
    void a_backfill_before_the_contacts_current_stage_is_rejected_rather_than_rewriting_the_order_of_history() {
        Journey advocacy = advocacy();
        move("c1", advocacy, 0);
        ImportReport report = run(csv("late.csv", "contact,journey,stage,occurred_at\nc1,Advocacy,Reward Triggered,2020-01-01Z\n"
                .replace("2020-01-01Z", "2020-01-01")).mode(ImportMode.BEST_EFFORT));
        assertThat(report.rejections()).extracting(RowRejection::code).containsExactly(ReasonCode.BEFORE_CURRENT_STAGE);
    }

    // ---- modes

    @Test
    void a_dry_run_reports_every_row_and_writes_nothing_at_all() throws Exception {
        Journey sales = sales();
        long jobsBefore = count("select count(*) from import_jobs where tenant_id = '" + tenant + "'");

        ImportReport report = run(csv("dry.csv", """
                contact,journey,stage
                c1,Sales,Lead
                c1,Sales,Demo Complete
                c2,Sales,Trial
                """).mode(ImportMode.DRY_RUN));

        assertThat(report.outcome()).isEqualTo(ImportOutcome.CHECKED);
        assertThat(report.jobId()).isEmpty();
        assertThat(report.moved()).isEqualTo(2);
        assertThat(report.rejections()).extracting(RowRejection::line).containsExactly(4L);
        assertThat(report.movesCommitted()).isZero();
        assertThat(historyRowsOfTenant()).isZero();
        assertThat(journeys.placement("c1", sales.id())).isEmpty();
        assertThat(count("select count(*) from import_jobs where tenant_id = '" + tenant + "'")).isEqualTo(jobsBefore);
    }

    @Test
    void atomic_mode_with_one_bad_row_commits_nothing_and_keeps_the_job_and_its_rejections() throws Exception {
        Journey sales = sales();
        String file = rows(2_500, "Sales", "Lead") + "bad,Sales,Trial\n";

        ImportReport report = run(csv("atomic.csv", file).batchSize(500));

        assertThat(report.outcome()).isEqualTo(ImportOutcome.ROLLED_BACK);
        assertThat(report.moved()).isEqualTo(2_500);
        assertThat(report.movesCommitted()).isZero();
        assertThat(historyRowsOfTenant()).isZero();
        assertThat(count("select count(*) from placements where tenant_id = '" + tenant + "'")).isZero();
        assertThat(journeys.stageCounts(sales.id()).values()).allMatch(n -> n == 0);
        long job = report.jobId().orElseThrow();
        assertThat(journeys.imports().job(job).orElseThrow().status()).isEqualTo(ImportJob.Status.ROLLED_BACK);
        assertThat(journeys.imports().rejections(job, PageRequest.first(10)).items())
                .extracting(RowRejection::line).containsExactly(2_502L);
    }

    @Test
    void atomic_mode_commits_every_row_at_once_and_fires_listeners_after_the_commit() throws Exception {
        Journey sales = sales();
        List<StageChange> heard = new ArrayList<>();
        journeys.onStageChange(heard::add);

        ImportReport report = run(csv("atomic-ok.csv", rows(1_200, "Sales", "Lead")).batchSize(500));

        assertThat(report.outcome()).isEqualTo(ImportOutcome.COMPLETED);
        assertThat(report.movesCommitted()).isEqualTo(1_200);
        assertThat(transitionsOf(report.jobId().orElseThrow())).isEqualTo(1_200);
        assertThat(journeys.stageCounts(sales.id())).containsEntry(stage(sales, 0).id(), 1_200L);
        assertThat(heard).hasSize(1_200);
        ImportJob job = journeys.imports().job(report.jobId().orElseThrow()).orElseThrow();
        assertThat(job.status()).isEqualTo(ImportJob.Status.COMPLETED);
        assertThat(job.moved()).isEqualTo(1_200);
        assertThat(job.linesDone()).isEqualTo(1_201);
    }

    @Test
    void best_effort_applies_the_valid_rows_and_reports_each_invalid_one_with_line_column_value_and_reason() {
        Journey sales = sales();
        ImportReport report = run(csv("best.csv", """
                Contact , JOURNEY,stage,owner
                c1,Sales,Lead,bob
                ,Sales,Lead,bob
                c3,Sales,Nope,bob
                c4,Sales,Lead
                c5,Sales,Lead,bob
                """).mode(ImportMode.BEST_EFFORT));

        assertThat(report.outcome()).isEqualTo(ImportOutcome.COMPLETED);
        assertThat(report.moved()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.movesCommitted()).isEqualTo(2);
        assertThat(report.rejections()).extracting(RowRejection::line, RowRejection::column, RowRejection::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, java.util.Optional.of("Contact"), ReasonCode.MISSING_VALUE),
                        org.assertj.core.groups.Tuple.tuple(4L, java.util.Optional.of("stage"), ReasonCode.UNKNOWN_STAGE),
                        org.assertj.core.groups.Tuple.tuple(5L, java.util.Optional.empty(), ReasonCode.WRONG_FIELD_COUNT));
        assertThat(report.warnings()).anyMatch(w -> w.contains("owner"));
        assertThat(journeys.placement("c5", sales.id())).isPresent();
    }

    @Test
    void the_report_lists_at_most_the_requested_rejections_and_the_job_keeps_them_all() {
        sales();
        String file = rows(30, "Sales", "Trial");
        ImportReport report = run(csv("many-bad.csv", file).mode(ImportMode.BEST_EFFORT).reportingAtMost(5));
        assertThat(report.rejected()).isEqualTo(30);
        assertThat(report.rejections()).hasSize(5);
        assertThat(report.rejectionsTruncated()).isTrue();
        long job = report.jobId().orElseThrow();
        var first = journeys.imports().rejections(job, PageRequest.first(20));
        var second = journeys.imports().rejections(job, PageRequest.after(first.next().orElseThrow(), 20));
        assertThat(first.items()).hasSize(20);
        assertThat(second.items()).hasSize(10);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void a_file_that_cannot_be_read_to_its_end_fails_with_the_line_and_best_effort_keeps_what_came_before() {
        Journey sales = sales();
        ImportReport report = run(csv("broken.csv", "contact,journey,stage\nc1,Sales,Lead\nc2,Sales,\"Lead\n")
                .mode(ImportMode.BEST_EFFORT));
        assertThat(report.outcome()).isEqualTo(ImportOutcome.FAILED);
        assertThat(report.failure().orElseThrow()).contains("line 3").contains("unterminated quote");
        assertThat(report.movesCommitted()).isEqualTo(1);
        assertThat(journeys.placement("c1", sales.id())).isPresent();
        assertThat(journeys.imports().job(report.jobId().orElseThrow()).orElseThrow().status()).isEqualTo(ImportJob.Status.FAILED);
    }

    @Test
    void header_problems_fail_the_import_before_any_row() {
        sales();
        assertThat(run(csv("empty.csv", "")).failure().orElseThrow()).contains("empty");
        assertThat(run(csv("nostage.csv", "contact,journey\nc1,Sales\n")).failure().orElseThrow()).contains("'stage'");
        assertThat(run(csv("twice.csv", "contact,email,journey,stage\n")).failure().orElseThrow()).contains("contact");
        ImportReport headerOnly = run(csv("header.csv", "contact,journey,stage\n"));
        assertThat(headerOnly.outcome()).isEqualTo(ImportOutcome.COMPLETED);
        assertThat(headerOnly.rowsRead()).isZero();
    }

    @Test
    void bad_requests_throw_typed_errors() {
        assertThatThrownBy(() -> ImportRequest.of("f.csv", ImportSource.of(new byte[0]), Actor.person("ann")).batchSize(0))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> run(ImportRequest.of(" ", ImportSource.of(new byte[0]), Actor.person("ann"))))
                .isInstanceOf(InvalidInputException.class);
        ImportSource unreadable = () -> {
            throw new IOException("disk gone");
        };
        assertThatThrownBy(() -> run(ImportRequest.of("f.csv", unreadable, Actor.person("ann"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("disk gone");
        assertThatThrownBy(() -> journeys.imports().undo(987_654_321L, Actor.person("ann"))).isInstanceOf(NotFoundException.class);
    }

    // ---- automations

    @Test
    void an_import_move_fires_journey_stage_changed_unless_the_job_suppresses_automations() {
        Journey sales = sales();
        Journey advocacy = advocacy();
        journeys.automations().create(AutomationSpec.named("follow").on("journey.stage_changed")
                .when(Condition.equalTo("to_stage", "Lead"))
                .then(Outcome.moveTo(advocacy.id(), stage(advocacy, 0).id())));

        run(csv("fires.csv", "contact,journey,stage\nc1,Sales,Lead\n"));
        run(csv("quiet.csv", "contact,journey,stage\nc2,Sales,Lead\n").suppressingAutomations());

        assertThat(journeys.placement("c1", advocacy.id())).isPresent();
        assertThat(journeys.placement("c2", advocacy.id())).isEmpty();
        assertThat(journeys.placement("c2", sales.id())).isPresent();
    }

    // ---- jobs, progress, cancel

    @Test
    void jobs_are_listed_newest_first_and_say_who_what_and_how_it_went() {
        sales();
        ImportReport first = run(csv("one.csv", rows(3, "Sales", "Lead")).mode(ImportMode.BEST_EFFORT));
        ImportReport second = run(csv("two.csv", "contact,journey,stage\nx,Sales,Trial\n"));

        List<ImportJob> jobs = journeys.imports().jobs(PageRequest.first(10)).items();
        assertThat(jobs).extracting(ImportJob::id).containsExactly(second.jobId().orElseThrow(), first.jobId().orElseThrow());
        ImportJob one = jobs.get(1);
        assertThat(one.fileName()).isEqualTo("one.csv");
        assertThat(one.actor()).isEqualTo(Actor.person("ann"));
        assertThat(one.mode()).isEqualTo(ImportMode.BEST_EFFORT);
        assertThat(one.tenant()).isEqualTo(tenant);
        assertThat(one.finishedAt()).isPresent();
        assertThat(List.of(one.rowsRead(), one.moved(), one.unchanged(), one.rejected())).containsExactly(3L, 3L, 0L, 0L);
        assertThat(jobs.get(0).status()).isEqualTo(ImportJob.Status.ROLLED_BACK);
        assertThat(sdk.tenant("other-" + tenant).imports().job(one.id())).isEmpty();
    }

    @Test
    void progress_is_reported_and_adds_up_at_the_end() {
        sales();
        List<ImportProgress> seen = new ArrayList<>();
        run(csv("progress.csv", rows(2_000, "Sales", "Lead")).batchSize(100)
                .onProgress(seen::add, Duration.ofNanos(1)));
        ImportProgress last = seen.get(seen.size() - 1);
        assertThat(seen.size()).isGreaterThan(2);
        assertThat(last.rowsDone()).isEqualTo(2_000);
        assertThat(last.moved()).isEqualTo(2_000);
        assertThat(last.fractionDone()).contains(1.0);
        assertThat(last.rowsPerSecond()).isPositive();
    }

    @Test
    void a_cancelled_best_effort_import_reports_exactly_what_it_committed() throws Exception {
        Journey sales = sales();
        CountDownLatch firstBatch = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        ImportSource slow = slowAfterFirstBatch(rows(5_000, "Sales", "Lead"), firstBatch, cancelled);
        RunningImport running = journeys.imports().start(ImportRequest.of("cancel.csv", slow, Actor.person("ann"))
                .mode(ImportMode.BEST_EFFORT).batchSize(100));
        assertThat(firstBatch.await(30, TimeUnit.SECONDS)).isTrue();
        running.cancel();
        cancelled.countDown();

        ImportReport report = running.report().get(60, TimeUnit.SECONDS);
        assertThat(report.outcome()).isEqualTo(ImportOutcome.CANCELLED);
        assertThat(report.movesCommitted()).isBetween(1L, 4_999L);
        assertThat(transitionsOf(report.jobId().orElseThrow())).isEqualTo(report.movesCommitted());
        assertThat(journeys.stageCounts(sales.id()).get(stage(sales, 0).id())).isEqualTo(report.movesCommitted());
        assertThat(journeys.imports().job(report.jobId().orElseThrow()).orElseThrow().status()).isEqualTo(ImportJob.Status.CANCELLED);
    }

    @Test
    void a_cancelled_atomic_import_commits_nothing() throws Exception {
        sales();
        CountDownLatch firstBatch = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        ImportSource slow = slowAfterFirstBatch(rows(5_000, "Sales", "Lead"), firstBatch, cancelled);
        RunningImport running = journeys.imports().start(ImportRequest.of("cancel.csv", slow, Actor.person("ann")).batchSize(100));
        assertThat(firstBatch.await(30, TimeUnit.SECONDS)).isTrue();
        running.cancel();
        cancelled.countDown();

        ImportReport report = running.report().get(60, TimeUnit.SECONDS);
        assertThat(report.outcome()).isEqualTo(ImportOutcome.CANCELLED);
        assertThat(report.movesCommitted()).isZero();
        assertThat(historyRowsOfTenant()).isZero();
    }

    /**
     * A source whose second opening (the read, after the fingerprint) holds back after its first 4 KB until
     * the test has cancelled, so the cancel lands mid-file.
     */
    private static ImportSource slowAfterFirstBatch(String content, CountDownLatch firstBatch, CountDownLatch cancelled) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int[] opened = {0};
        return () -> {
            boolean reading = ++opened[0] > 1;
            return new InputStream() {
                int pos;

                @Override
                public int read() {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (pos >= bytes.length) {
                        return -1;
                    }
                    if (reading && pos >= 4096) {
                        firstBatch.countDown();
                        try {
                            cancelled.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    int n = Math.min(Math.min(len, 4096), bytes.length - pos);
                    System.arraycopy(bytes, pos, b, off, n);
                    pos += n;
                    return n;
                }
            };
        };
    }

    // ---- undo and re-runs

    @Test
    void undo_puts_each_contact_back_where_the_job_found_it_and_refuses_those_that_moved_since() throws Exception {
        Journey sales = sales();
        move("before", sales, 0);
        ImportReport report = run(csv("undo.csv", """
                contact,journey,stage
                before,Sales,Demo Complete
                new1,Sales,Lead
                new1,Sales,Demo Complete
                new2,Sales,Lead
                moved,Sales,Lead
                """));
        move("moved", sales, 1);
        long job = report.jobId().orElseThrow();

        UndoReport undo = journeys.imports().undo(job, Actor.person("bob"));

        assertThat(undo.reverted()).isEqualTo(3);
        assertThat(undo.refused()).isEqualTo(1);
        assertThat(undo.refusals()).singleElement().satisfies(r -> {
            assertThat(r.contactKey()).isEqualTo("moved");
            assertThat(r.code()).isEqualTo(ReasonCode.MOVED_SINCE);
        });
        assertThat(journeys.placement("before", sales.id()).orElseThrow().stageId()).isEqualTo(stage(sales, 0).id());
        assertThat(journeys.placement("new1", sales.id())).isEmpty();
        assertThat(journeys.placement("new2", sales.id())).isEmpty();
        assertThat(journeys.placement("moved", sales.id()).orElseThrow().stageId()).isEqualTo(stage(sales, 1).id());
        // Compensated, never deleted: the import's history is all still there.
        assertThat(transitionsOf(job)).isEqualTo(5);
        assertThat(journeys.history("new1", sales.id())).extracting(Transition::source)
                .last().isEqualTo(new MoveSource.ImportUndo(job, Actor.person("bob")));
        assertThat(journeys.imports().job(job).orElseThrow().undoneAt()).isPresent();
        assertThatThrownBy(() -> journeys.imports().undo(job, Actor.person("bob"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void running_the_same_file_again_turns_the_lines_already_applied_into_no_ops() {
        Journey sales = sales();
        String file = """
                contact,journey,stage
                c1,Sales,Lead
                c1,Sales,Demo Complete
                c1,Sales,Trial
                """;
        ImportReport first = run(csv("again.csv", file));
        ImportReport second = run(csv("again-renamed.csv", file));

        assertThat(first.moved()).isEqualTo(3);
        assertThat(second.outcome()).isEqualTo(ImportOutcome.COMPLETED);
        assertThat(second.unchanged()).isEqualTo(3);
        assertThat(second.rejected()).isZero();
        assertThat(journeys.history("c1", sales.id())).hasSize(3);
    }

    @Test
    void a_file_that_was_undone_can_be_imported_again() {
        Journey sales = sales();
        String file = rows(3, "Sales", "Lead");
        ImportReport first = run(csv("redo.csv", file));
        journeys.imports().undo(first.jobId().orElseThrow(), Actor.person("ann"));
        ImportReport again = run(csv("redo.csv", file));
        assertThat(again.moved()).isEqualTo(3);
        assertThat(journeys.stageCounts(sales.id()).get(stage(sales, 0).id())).isEqualTo(3);
    }

    @Test
    void a_hundred_thousand_rows_import_in_one_atomic_job() throws Exception {
        Journey advocacy = advocacy();
        StringBuilder file = new StringBuilder("contact,journey,stage\n");
        for (int i = 0; i < 100_000; i++) {
            file.append("contact-").append(i).append(",Advocacy,").append(i % 3 == 0 ? "Reward Triggered" : "Case Study Submitted").append('\n');
        }
        ImportReport report = run(csv("big.csv", file.toString()).suppressingAutomations());
        assertThat(report.outcome()).isEqualTo(ImportOutcome.COMPLETED);
        assertThat(report.movesCommitted()).isEqualTo(100_000);
        assertThat(journeys.stageCounts(advocacy.id())).containsEntry(stage(advocacy, 2).id(), 33_334L)
                .containsEntry(stage(advocacy, 0).id(), 66_666L);
        assertThat(transitionsOf(report.jobId().orElseThrow())).isEqualTo(100_000);
    }
}
