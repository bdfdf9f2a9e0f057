package dev.journeys.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One CSV import. Start from {@link #of} and change what you need:
 *
 * <pre>{@code
 * ImportRequest.of("contacts.csv", ImportSource.of(path), Actor.person("ann"))
 *              .mode(ImportMode.BEST_EFFORT)
 *              .onProgress(p -> bar.show(p), Duration.ofSeconds(1))
 * }</pre>
 *
 * <p>The file has a header row. Columns, matched ignoring case and surrounding spaces:
 * <ul>
 *   <li>the contact: {@code contact}, {@code contact_key}, {@code contact_id} or {@code email} (required);</li>
 *   <li>{@code journey}: a journey id or name; required unless {@link #intoJourney} names one;</li>
 *   <li>{@code stage}: a stage id or name in that journey (required);</li>
 *   <li>{@code occurred_at}: optional, ISO-8601 with an offset ({@code 2024-03-01T09:30:00Z}) or a date
 *       ({@code 2024-03-01}, midnight UTC); the move is recorded as effective then;</li>
 *   <li>{@code note}: optional.</li>
 * </ul>
 * Other columns are reported once as a warning. Rows are applied in file order.
 *
 * @param mode default {@link ImportMode#ATOMIC}, so that a file is never half-applied by surprise
 * @param journey the journey of every row when the file has no {@code journey} column; default none
 * @param suppressAutomations default false: each imported move fires {@code journey.stage_changed}
 *        like any other; when true the moves still reach listeners but not automations
 * @param batchSize rows written per round trip, 1 to 10,000; default 1,000
 * @param maxReportedRejections rejected rows listed in the report, 0 to 1,000,000; default 1,000.
 *        All are counted, and a job keeps every one of them
 * @param onProgress called on the importing thread at most once per {@code progressInterval} and
 *        once at the end; default none
 * @param progressInterval default one second
 */
public record ImportRequest(
        String fileName,
        ImportSource source,
        Actor actor,
        ImportMode mode,
        Optional<JourneyId> journey,
        boolean suppressAutomations,
        int batchSize,
        int maxReportedRejections,
        Optional<Consumer<ImportProgress>> onProgress,
        Duration progressInterval) {

    public static final int DEFAULT_BATCH_SIZE = 1_000;
    public static final int MAX_BATCH_SIZE = 10_000;
    public static final int DEFAULT_MAX_REPORTED_REJECTIONS = 1_000;

    public ImportRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(onProgress, "onProgress");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new InvalidInputException("batch size must be 1.." + MAX_BATCH_SIZE + ", was " + batchSize);
        }
        if (maxReportedRejections < 0 || maxReportedRejections > 1_000_000) {
            throw new InvalidInputException("max reported rejections must be 0..1000000, was " + maxReportedRejections);
        }
        if (progressInterval == null || progressInterval.isNegative() || progressInterval.isZero()) {
            throw new InvalidInputException("progress interval must be positive, was " + progressInterval);
        }
    }

    public static ImportRequest of(String fileName, ImportSource source, Actor actor) {
        return new ImportRequest(fileName, source, actor, ImportMode.ATOMIC, Optional.empty(), false,
                DEFAULT_BATCH_SIZE, DEFAULT_MAX_REPORTED_REJECTIONS, Optional.empty(), Duration.ofSeconds(1));
    }

    public ImportRequest mode(ImportMode value) {
        return new ImportRequest(fileName, source, actor, value, journey, suppressAutomations, batchSize,
                maxReportedRejections, onProgress, progressInterval);
    }

    public ImportRequest intoJourney(JourneyId value) {
        return new ImportRequest(fileName, source, actor, mode, Optional.of(value), suppressAutomations, batchSize,
                maxReportedRejections, onProgress, progressInterval);
    }

    public ImportRequest suppressingAutomations() {
        return new ImportRequest(fileName, source, actor, mode, journey, true, batchSize,
                maxReportedRejections, onProgress, progressInterval);
    }

    public ImportRequest batchSize(int value) {
        return new ImportRequest(fileName, source, actor, mode, journey, suppressAutomations, value,
                maxReportedRejections, onProgress, progressInterval);
    }

    public ImportRequest reportingAtMost(int rejections) {
        return new ImportRequest(fileName, source, actor, mode, journey, suppressAutomations, batchSize,
                rejections, onProgress, progressInterval);
    }

    public ImportRequest onProgress(Consumer<ImportProgress> listener, Duration interval) {
        return new ImportRequest(fileName, source, actor, mode, journey, suppressAutomations, batchSize,
                maxReportedRejections, Optional.of(listener), interval);
    }
}
