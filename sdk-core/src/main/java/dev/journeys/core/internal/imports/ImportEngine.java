package dev.journeys.core.internal.imports;

import dev.journeys.api.ImportJob;
import dev.journeys.api.ImportMode;
import dev.journeys.api.ImportOutcome;
import dev.journeys.api.ImportReport;
import dev.journeys.api.ImportRequest;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.JourneysException;
import dev.journeys.core.internal.config.CoreSettings;
import dev.journeys.core.internal.input.Inputs;
import dev.journeys.core.internal.moves.JourneyCatalog;
import dev.journeys.core.internal.moves.JourneyStorage;
import dev.journeys.core.internal.moves.MovePath;
import dev.journeys.core.internal.storage.JobProgress;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs CSV imports: records the job, then reads and writes the file through an {@link ImportRun}. */
@Singleton
public final class ImportEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ImportEngine.class);
    /** Moves read back per page after a large atomic import commits. */
    static final int READ_BACK_PAGE = 1_000;

    final ImportStorage storage;
    final JourneyStorage journeys;
    final JourneyCatalog catalog;
    final MovePath moves;
    final int maxAttempts;

    @Inject
    ImportEngine(ImportStorage storage, JourneyStorage journeys, JourneyCatalog catalog, MovePath moves, CoreSettings settings) {
        this.storage = storage;
        this.journeys = journeys;
        this.catalog = catalog;
        this.moves = moves;
        this.maxAttempts = settings.maxMoveAttempts();
    }

    ImportReport run(String tenant, ImportRequest request, BooleanSupplier cancelled) {
        Instant startedAt = moves.now();
        String fingerprint = fingerprint(request);
        List<Long> earlier = storage.importJobsOfFile(tenant, fingerprint);
        long jobId = request.mode() == ImportMode.DRY_RUN ? 0 : storage.createImportJob(tenant, new ImportJobStart(
                Inputs.actor(request.actor()), request.fileName(), request.mode(), request.suppressAutomations(), fingerprint,
                startedAt)).id();
        return new ImportRun(this, tenant, request, jobId, earlier, cancelled, startedAt).execute();
    }

    /** SHA-256 of the file's bytes: the same bytes are the same file, whatever it is called. */
    private static String fingerprint(ImportRequest request) {
        try (InputStream in = request.source().open()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new InvalidInputException("the import file cannot be read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    JobProgress progress(ImportJob.Status status, Tally tally, Optional<String> failure, Instant at,
                         Optional<Instant> finishedAt) {
        return new JobProgress(status, tally.lastLine(), tally.rows(), tally.moved(), tally.unchanged(),
                tally.rejected(), failure, at, finishedAt);
    }

    /**
     * Writes the job's final record, except for an atomic commit, which wrote it in its own transaction.
     * A database that has gone away cannot take it; the record then still says how far the job got.
     */
    void recordEnd(String tenant, long jobId, ImportMode mode, ImportOutcome outcome, Tally tally, Optional<String> failure,
                   Instant at) {
        if (jobId == 0) {
            return;
        }
        ImportJob.Status status = switch (outcome) {
            case COMPLETED, CHECKED -> ImportJob.Status.COMPLETED;
            case ROLLED_BACK -> ImportJob.Status.ROLLED_BACK;
            case CANCELLED -> ImportJob.Status.CANCELLED;
            case FAILED -> ImportJob.Status.FAILED;
        };
        JobProgress end = progress(status, tally, failure, at, Optional.of(at));
        if (mode == ImportMode.ATOMIC) {
            // The counts say what was decided; no line of an atomic job that did not complete was committed.
            end = new JobProgress(end.status(), 0, end.rowsRead(), end.moved(), end.unchanged(), end.rejected(),
                    end.failure(), end.at(), end.finishedAt());
        }
        try {
            storage.updateImportJob(tenant, jobId, end);
        } catch (JourneysException e) {
            LOG.warn("Could not record the end of import job {} of tenant {}", jobId, tenant, e);
        }
    }
}
