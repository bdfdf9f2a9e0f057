package dev.journeys.samples.csvimport;

import dev.journeys.api.ImportProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A console progress bar for {@code ImportRequest.onProgress}: rows done, rows per second and time left.
 * On a terminal it redraws one line; otherwise (output piped to a file or a test) it prints one line per
 * update, so logs stay readable.
 *
 * <pre>
 *   [##############----------------]  47%     94,000 rows    52,310 rows/s   ETA 0:02
 * </pre>
 */
final class ProgressBar implements Consumer<ImportProgress> {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean redraw;
    private final List<ImportProgress> updates = new ArrayList<>();
    private int lastLength;
    private String lastLine = "";

    ProgressBar(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    /** Redraws in place only when the JVM talks to a terminal. */
    static ProgressBar forConsole(PrintStream out) {
        return new ProgressBar(out, System.console() != null && out == System.out);
    }

    /** Called by the import on its own thread, at most once per interval and once at the end. */
    @Override
    public synchronized void accept(ImportProgress p) {
        updates.add(p);
        String line = render(p);
        if (redraw) {
            // Pad with spaces so that a shorter line fully covers the previous one.
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else if (!line.equals(lastLine)) {
            // The report at the end may repeat the last periodic one; print it once.
            out.println(line);
        }
        lastLine = line;
        out.flush();
    }

    /** Ends the bar's line once the import has returned. */
    synchronized void done() {
        if (redraw && lastLength > 0) {
            out.println();
        }
        lastLength = 0;
        lastLine = "";
    }

    synchronized List<ImportProgress> updates() {
        return List.copyOf(updates);
    }

    static String render(ImportProgress p) {
        StringBuilder line = new StringBuilder("  ");
        if (p.fractionDone().isPresent()) {
            double f = p.fractionDone().get();
            int filled = (int) Math.round(f * WIDTH);
            line.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append(']')
                    .append(String.format(" %3d%%", (int) Math.floor(f * 100)));
        } else {
            line.append("[size unknown]");
        }
        line.append(String.format("  %,10d rows  %,9.0f rows/s", p.rowsDone(), p.rowsPerSecond()));
        p.estimatedRemaining().ifPresent(eta -> line.append("   ETA ").append(clock(eta)));
        if (p.rejected() > 0) {
            line.append(String.format("   %,d rejected", p.rejected()));
        }
        return line.toString();
    }

    private static String clock(Duration d) {
        long seconds = (d.toMillis() + 999) / 1000;
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
