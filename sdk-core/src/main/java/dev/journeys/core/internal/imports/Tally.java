package dev.journeys.core.internal.imports;

import dev.journeys.api.RowRejection;
import java.util.ArrayList;
import java.util.List;

/**
 * The counts of a run and the rejections it lists, at most {@code maxListed} of them. Each row is
 * counted once, as moved, unchanged or rejected, so the counts add up by construction.
 */
public final class Tally {

    private final int maxListed;
    private final List<RowRejection> listed = new ArrayList<>();
    private long moved;
    private long unchanged;
    private long rejected;
    private long lastLine;

    public Tally(int maxListed) {
        this.maxListed = maxListed;
    }

    public void moved(long line) {
        moved++;
        seen(line);
    }

    public void unchanged(long line) {
        unchanged++;
        seen(line);
    }

    public void rejected(RowRejection rejection) {
        rejected++;
        if (listed.size() < maxListed) {
            listed.add(rejection);
        }
        seen(rejection.line());
    }

    private void seen(long line) {
        lastLine = Math.max(lastLine, line);
    }

    /** A copy, to take back a batch whose writes were undone and decide it again. */
    public Tally copy() {
        Tally t = new Tally(maxListed);
        t.listed.addAll(listed);
        t.moved = moved;
        t.unchanged = unchanged;
        t.rejected = rejected;
        t.lastLine = lastLine;
        return t;
    }

    public long rows() {
        return moved + unchanged + rejected;
    }

    public long moved() {
        return moved;
    }

    public long unchanged() {
        return unchanged;
    }

    public long rejected() {
        return rejected;
    }

    /** The last line decided. */
    public long lastLine() {
        return lastLine;
    }

    public List<RowRejection> listed() {
        return List.copyOf(listed);
    }
}
