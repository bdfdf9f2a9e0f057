package dev.journeys.api;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a running import has got.
 *
 * @param rowsDone data rows decided so far (moved + unchanged + rejected)
 * @param rowsPerSecond the average rate since the import started
 * @param fractionDone the share of the file's bytes read, when its size is known
 * @param estimatedRemaining the time left at the average rate, when the file's size is known
 */
public record ImportProgress(long rowsDone, long moved, long unchanged, long rejected, double rowsPerSecond,
                             Optional<Double> fractionDone, Optional<Duration> estimatedRemaining) {
}
