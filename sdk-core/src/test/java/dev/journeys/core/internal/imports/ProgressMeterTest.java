package dev.journeys.core.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.journeys.api.ImportProgress;
import dev.journeys.api.ReasonCode;
import dev.journeys.api.RowRejection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Progress reports of an import, against a clock the test moves by hand. */
@DisplayName("ProgressMeter, by example")
class ProgressMeterTest {

    static final long START = 5_000_000_000L; // a nano clock starts anywhere
    static final Duration SECOND = Duration.ofSeconds(1);

    final FakeClock clock = new FakeClock(START);
    final List<ImportProgress> reports = new ArrayList<>();
    final Consumer<ImportProgress> listener = reports::add;

    ProgressMeter meter(long totalBytes) {
        return new ProgressMeter(Optional.of(listener), SECOND, totalBytes, clock::now);
    }

    static Tally tally(int moved, int unchanged, int rejected) {
        Tally tally = new Tally(100);
        long line = 2;
        for (int i = 0; i < moved; i++) {
            tally.moved(line++);
        }
        for (int i = 0; i < unchanged; i++) {
            tally.unchanged(line++);
        }
        for (int i = 0; i < rejected; i++) {
            tally.rejected(new RowRejection(line++, Optional.empty(), Optional.empty(), ReasonCode.WRONG_FIELD_COUNT, "x"));
        }
        return tally;
    }

    @Test
    @DisplayName("maybeReport stays quiet until a whole interval has passed since the start")
    void quietWithinTheFirstInterval() {
        ProgressMeter meter = meter(1000);
        meter.maybeReport(tally(1, 0, 0), 10);
        clock.advance(Duration.ofMillis(999));
        meter.maybeReport(tally(2, 0, 0), 20);
        assertThat(reports).isEmpty();

        clock.advance(Duration.ofMillis(1));
        meter.maybeReport(tally(3, 0, 0), 30);
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).rowsDone()).isEqualTo(3);
    }

    @Test
    @DisplayName("maybeReport reports at most once per interval, counted from the last report")
    void atMostOncePerInterval() {
        ProgressMeter meter = meter(0);
        Tally tally = tally(1, 0, 0);
        for (int tick = 0; tick < 100; tick++) { // 100 calls over 5 s, every 50 ms
            clock.advance(Duration.ofMillis(50));
            meter.maybeReport(tally, 0);
        }
        assertThat(reports).hasSize(5);

        clock.advance(Duration.ofMillis(700)); // 700 ms since the last report, at 5 s
        meter.maybeReport(tally, 0);
        assertThat(reports).hasSize(5);
        clock.advance(Duration.ofMillis(300));
        meter.maybeReport(tally, 0);
        assertThat(reports).hasSize(6);
    }

    @Test
    @DisplayName("report always reports (the final report), and restarts the interval")
    void reportAlwaysReports() {
        ProgressMeter meter = meter(0);
        meter.report(tally(0, 0, 0), 0);
        clock.advance(Duration.ofMillis(10));
        meter.report(tally(1, 0, 0), 0);
        assertThat(reports).hasSize(2);

        clock.advance(Duration.ofMillis(995));
        meter.maybeReport(tally(2, 0, 0), 0);
        assertThat(reports).as("within a second of the last report").hasSize(2);
    }

    @Test
    @DisplayName("without a listener nothing is reported, and nothing fails")
    void noListener() {
        ProgressMeter meter = new ProgressMeter(Optional.empty(), SECOND, 100, clock::now);
        clock.advance(Duration.ofSeconds(10));
        meter.maybeReport(tally(1, 0, 0), 50);
        meter.report(tally(1, 0, 0), 100);
        assertThat(reports).isEmpty();
    }

    @Test
    @DisplayName("a report carries the tally's counts")
    void counts() {
        ProgressMeter meter = meter(0);
        clock.advance(SECOND);
        meter.maybeReport(tally(5, 3, 2), 0);
        ImportProgress progress = reports.get(0);
        assertThat(progress.rowsDone()).isEqualTo(10);
        assertThat(progress.moved()).isEqualTo(5);
        assertThat(progress.unchanged()).isEqualTo(3);
        assertThat(progress.rejected()).isEqualTo(2);
    }

    @Test
    @DisplayName("rowsPerSecond is the average rate since the start")
    void rowsPerSecond() {
        ProgressMeter meter = meter(0);
        clock.advance(Duration.ofSeconds(4));
        meter.report(tally(1000, 0, 0), 0);
        clock.advance(Duration.ofSeconds(1));
        meter.report(tally(3000, 0, 0), 0);
        assertThat(reports.get(0).rowsPerSecond()).isCloseTo(250.0, within(1e-9));
        assertThat(reports.get(1).rowsPerSecond()).isCloseTo(600.0, within(1e-9));
    }

    @Test
    @DisplayName("fractionDone is the share of the file's bytes read, and the time left follows at the average rate")
    void fractionAndRemaining() {
        ProgressMeter meter = meter(1000);
        clock.advance(Duration.ofSeconds(3));
        meter.report(tally(10, 0, 0), 250);
        ImportProgress progress = reports.get(0);
        assertThat(progress.fractionDone()).hasValueSatisfying(f -> assertThat(f).isCloseTo(0.25, within(1e-12)));
        assertThat(progress.estimatedRemaining()).contains(Duration.ofSeconds(9));
    }

    @Test
    @DisplayName("once every byte is read, fractionDone is 1 and nothing remains; read-ahead past the size counts as 1")
    void allRead() {
        ProgressMeter meter = meter(1000);
        clock.advance(Duration.ofSeconds(2));
        meter.report(tally(10, 0, 0), 1000);
        meter.report(tally(10, 0, 0), 1500);
        for (ImportProgress progress : reports) {
            assertThat(progress.fractionDone()).contains(1.0);
            assertThat(progress.estimatedRemaining()).contains(Duration.ZERO);
        }
    }

    @Test
    @DisplayName("with nothing read yet, fractionDone is 0 and the time left is unknown")
    void nothingReadYet() {
        ProgressMeter meter = meter(1000);
        clock.advance(SECOND);
        meter.report(tally(0, 0, 0), 0);
        assertThat(reports.get(0).fractionDone()).contains(0.0);
        assertThat(reports.get(0).estimatedRemaining()).isEmpty();
    }

    @Test
    @DisplayName("when the file's size is unknown (0), neither fractionDone nor the time left is given")
    void unknownSize() {
        ProgressMeter meter = meter(0);
        clock.advance(SECOND);
        meter.report(tally(10, 0, 0), 12_345);
        assertThat(reports.get(0).fractionDone()).isEmpty();
        assertThat(reports.get(0).estimatedRemaining()).isEmpty();
    }

    /** A nano clock that moves only when told. */
    static final class FakeClock {
        private long nanos;

        FakeClock(long start) {
            this.nanos = start;
        }

        long now() {
            return nanos;
        }

        void advance(Duration d) {
            nanos += d.toNanos();
        }
    }
}
