package dev.journeys.core.internal.imports;

import dev.journeys.api.ImportProgress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Calls the host's progress listener at most once per interval, and once at the end. */
public final class ProgressMeter {

    private final Optional<Consumer<ImportProgress>> listener;
    private final long intervalNanos;
    private final long totalBytes;
    private final LongSupplier nanoTime;
    private final long started;
    private long lastReport;

    public ProgressMeter(Optional<Consumer<ImportProgress>> listener, Duration interval, long totalBytes,
                         LongSupplier nanoTime) {
        this.listener = listener;
        this.intervalNanos = interval.toNanos();
        this.totalBytes = totalBytes;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.lastReport = started;
    }

    /** Reports if the interval has passed since the last report. */
    public void maybeReport(Tally tally, long bytesRead) {
        if (listener.isPresent() && nanoTime.getAsLong() - lastReport >= intervalNanos) {
            report(tally, bytesRead);
        }
    }

    public void report(Tally tally, long bytesRead) {
        if (listener.isEmpty()) {
            return;
        }
        long now = nanoTime.getAsLong();
        lastReport = now;
        listener.get().accept(progress(tally, bytesRead, now - started));
    }

    ImportProgress progress(Tally tally, long bytesRead, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        Optional<Double> fraction = totalBytes > 0
                ? Optional.of(Math.min(1.0, (double) bytesRead / totalBytes))
                : Optional.empty();
        Optional<Duration> remaining = fraction.filter(f -> f > 0)
                .map(f -> Duration.ofNanos((long) (elapsedNanos * (1 - f) / f)));
        return new ImportProgress(tally.rows(), tally.moved(), tally.unchanged(), tally.rejected(),
                tally.rows() / seconds, fraction, remaining);
    }
}
