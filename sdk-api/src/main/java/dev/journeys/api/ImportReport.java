package dev.journeys.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an import did. The counts always add up: {@code rowsRead == moved + unchanged + rejected}, and
 * they describe the rows decided, whether or not their moves were kept; {@link #movesCommitted()} says
 * how many are in the database.
 *
 * @param jobId the recorded job; empty for a dry run, or when the job could not even be recorded
 * @param rejections the rejected rows in file order, at most {@link ImportRequest#maxReportedRejections()};
 *        a job keeps all of them, see {@link ImportService#rejections}
 * @param warnings file-level remarks that did not stop the import, such as unknown columns
 * @param failure why the import stopped early, for {@link ImportOutcome#FAILED}
 */
public record ImportReport(
        Optional<Long> jobId,
        ImportMode mode,
        ImportOutcome outcome,
        long rowsRead,
        long moved,
        long unchanged,
        long rejected,
        long movesCommitted,
        List<RowRejection> rejections,
        List<String> warnings,
        Optional<String> failure,
        Instant startedAt,
        Instant finishedAt) {

    public ImportReport {
        rejections = List.copyOf(rejections);
        warnings = List.copyOf(warnings);
    }

    /** True when some rejected rows are counted but not listed here. */
    public boolean rejectionsTruncated() {
        return rejections.size() < rejected;
    }
}
