package dev.journeys.jdbc.internal.db;

import java.util.Arrays;

/**
 * The text in which {@code dash_hour_ids} keeps the ids of the folded transitions effective in one hour:
 * ascending, as runs of consecutive ids, each run the gap from the last id before it (from 0 for the first)
 * and {@code +n} for n more ids that follow one by one. {@code 100+50,10,10+1} is 100 to 150, 160, 170
 * and 171. A single id in decimal is a valid text, which is how V18 filed the history folded before it.
 * {@code run_log_contacts} keeps a contact's run-log ids in the same text ({@link RunLogContacts}).
 *
 * <p>Moves are written in bursts and folded in id order, so the ids of one journey's hour in one fold are
 * mostly one run: a few characters where an index entry per move would be tens of bytes.
 */
public final class HourIds {

    /** Runs per row at most, so that a row stays far below the column's million characters. */
    static final int MAX_RUNS = 8_192;

    private HourIds() {
    }

    /**
     * Packs the ascending {@code ids} from index {@code from} into {@code into}, up to {@code to} or
     * {@link #MAX_RUNS} runs, whichever comes first.
     *
     * @return the index after the last id packed: where the next row starts, or {@code to}
     */
    public static int encode(long[] ids, int from, int to, StringBuilder into) {
        long previous = 0;
        int runs = 0;
        int i = from;
        while (i < to && runs < MAX_RUNS) {
            long start = ids[i];
            if (start <= previous && runs > 0) {
                throw new IllegalArgumentException("ids must ascend: " + start + " after " + previous);
            }
            int j = i + 1;
            while (j < to && ids[j] == ids[j - 1] + 1) {
                j++;
            }
            if (runs > 0) {
                into.append(',');
            }
            into.append(start - previous);
            if (j - i > 1) {
                into.append('+').append(j - i - 1);
            }
            previous = ids[j - 1];
            runs++;
            i = j;
        }
        return i;
    }

    public static long[] decode(String text) {
        long[] ids = new long[16];
        int n = 0;
        long previous = 0;
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf(',', at);
            if (end < 0) {
                end = text.length();
            }
            int plus = text.indexOf('+', at);
            boolean run = plus >= 0 && plus < end;
            long start = previous + Long.parseLong(text, at, run ? plus : end, 10);
            long more = run ? Long.parseLong(text, plus + 1, end, 10) : 0;
            if (n + more + 1 > ids.length) {
                ids = Arrays.copyOf(ids, (int) Math.max(ids.length * 2L, n + more + 1));
            }
            for (long k = 0; k <= more; k++) {
                ids[n++] = start + k;
            }
            previous = start + more;
            at = end + 1;
        }
        return Arrays.copyOf(ids, n);
    }
}
