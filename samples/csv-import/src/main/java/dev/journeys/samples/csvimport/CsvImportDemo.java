package dev.journeys.samples.csvimport;

import dev.journeys.api.Actor;
import dev.journeys.api.ImportJob;
import dev.journeys.api.ImportMode;
import dev.journeys.api.ImportReport;
import dev.journeys.api.ImportRequest;
import dev.journeys.api.ImportService;
import dev.journeys.api.ImportSource;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.MoveOutcome;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.PageRequest;
import dev.journeys.api.RowRejection;
import dev.journeys.api.UndoReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The steps of the sample, one method each, so that the app prints them in order and the tests can run
 * them one by one. Every step goes through the public API only.
 */
final class CsvImportDemo {

    static final String PIPELINE = "Referral Pipeline";
    static final String ADVOCACY = "Customer Advocacy";
    static final Actor ACTOR = Actor.person("ann");
    /** A contact of messy.csv whose reward finance pays by hand after the import. */
    static final String OLIVIA = "olivia.martin@example.com";
    /** A contact of clean.csv that goes through the whole pipeline and then posts a review. */
    static final String KENJI = "kenji.haddad@brightpath.example";

    private final JourneyService journeys;
    private final ImportService imports;
    private final Report report;
    private Journey pipeline;
    private Journey advocacy;

    CsvImportDemo(JourneyService journeys, Report report) {
        this.journeys = journeys;
        this.imports = journeys.imports();
        this.report = report;
    }

    /** 1. A sequenced journey (enter at the first stage, one step at a time) and one in any order. */
    void defineJourneys() {
        pipeline = journeys.createJourney(JourneySpec.named(PIPELINE)
                .stages("Enrolled", "First Referral Sent", "First Order Received", "Reward Paid")
                .requireSequence());
        advocacy = journeys.createJourney(JourneySpec.named(ADVOCACY)
                .stages("Case Study Submitted", "Testimonial Complete", "Review Posted", "Reward Triggered"));
        report.journeys(pipeline, advocacy);
    }

    /** 2. Checks messy.csv against the rules and the current placements; writes nothing, not even a job. */
    ImportReport dryRunMessy() {
        ImportReport result = imports.run(request(SampleFiles.MESSY).mode(ImportMode.DRY_RUN));
        report.importReport(SampleFiles.MESSY, result, true);
        return result;
    }

    /** 3. All or nothing: one bad row and the whole file rolls back, though the job is recorded. */
    ImportReport importMessyAtomically() {
        ImportReport result = imports.run(request(SampleFiles.MESSY).mode(ImportMode.ATOMIC));
        report.importReport(SampleFiles.MESSY, result, false);
        return result;
    }

    /** 4. Applies the valid rows and keeps the rejected ones with the job, for the user to fix. */
    ImportReport importMessyBestEffort() {
        ImportReport result = imports.run(request(SampleFiles.MESSY).mode(ImportMode.BEST_EFFORT));
        report.importReport(SampleFiles.MESSY, result, false);
        result.jobId().ifPresent(job -> {
            List<RowRejection> kept = imports.rejections(job, PageRequest.first(PageRequest.MAX_LIMIT)).items();
            report.line("the job keeps its " + kept.size() + " rejected rows: imports().rejections(" + job
                    + ", page) lists them, lines " + kept.stream().map(r -> Long.toString(r.line())).toList());
        });
        return result;
    }

    /** 5. After the import, someone moves a contact by hand; the undo later leaves that contact alone. */
    MoveOutcome payRewardByHand() {
        MoveOutcome outcome = journeys.move(MoveRequest.to(OLIVIA, pipeline.id(),
                pipeline.stageNamed("Reward Paid").orElseThrow().id(), Actor.person("finance"))
                .withNote("paid early by finance"));
        report.line(OLIVIA + " -> Reward Paid by hand (finance): " + (outcome.isMoved() ? "moved" : outcome));
        return outcome;
    }

    /** 6. The clean export, all or nothing, with a progress bar. */
    ImportReport importClean(ProgressBar bar) {
        ImportReport result = run(request(SampleFiles.CLEAN).mode(ImportMode.ATOMIC), bar);
        report.importReport(SampleFiles.CLEAN, result, true);
        report.out().println();
        report.history(KENJI, pipeline);
        return result;
    }

    /** 7. A large file shaped like clean.csv, written to {@code dir}, all or nothing, with a progress bar. */
    ImportReport importBulk(Path dir, int rows, ProgressBar bar) {
        Path file = SampleFiles.writeBulk(dir.resolve("contacts-export.csv"), rows);
        report.line(String.format("wrote %,d rows to %s", rows, file));
        ImportReport result = run(ImportRequest.of(file.getFileName().toString(), ImportSource.of(file), ACTOR)
                .mode(ImportMode.ATOMIC)
                .suppressingAutomations(), bar);  // a backfill: listeners hear every move, automations do not
        report.importReport(file.getFileName().toString(), result, true);
        return result;
    }

    /** 8. The jobs of the tenant, newest first. A dry run records none. */
    List<ImportJob> listJobs() {
        List<ImportJob> jobs = imports.jobs(PageRequest.first(100)).items();
        report.jobs(jobs);
        return jobs;
    }

    /** 9. Puts every contact the job moved back where it was, except those that moved since. */
    UndoReport undo(long jobId) {
        UndoReport undone = imports.undo(jobId, ACTOR);
        report.undo(undone);
        return undone;
    }

    /** 10. Where everyone is now. */
    void stageCounts() {
        report.stageCounts(pipeline, advocacy);
    }

    Journey pipeline() {
        return pipeline;
    }

    Journey advocacy() {
        return advocacy;
    }

    private static ImportRequest request(String resource) {
        return ImportRequest.of(resource, SampleFiles.resource(resource), ACTOR);
    }

    private ImportReport run(ImportRequest request, ProgressBar bar) {
        try {
            return imports.run(request.onProgress(bar, Duration.ofMillis(200)));
        } finally {
            bar.done();
        }
    }
}
