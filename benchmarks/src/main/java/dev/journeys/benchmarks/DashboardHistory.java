package dev.journeys.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The dashboard bench's made-up history: {@code contacts} contacts making {@code moves} moves in all over the
 * {@code days} before {@code now}, in effective-time order, the same for the same seed.
 *
 * <p>Every contact enters once (more contacts enter in later months, as in a growing program), then moves again at
 * random times until somewhere between a fifth of the way and all the way to now, so that some contacts stall. The
 * extra moves go to contacts at random, with every fifth contact about four times busier than the rest (1 + 9 moves
 * each on average at 1,000,000 contacts and 10,000,000 moves). Each move goes where {@link #TO} says from where the
 * contact is: mostly forward, some regressions, some to Lost, some exits out of the journey and re-entries later.
 * Sources: automations (8 of them), people (20 reps), monthly import jobs, and a system plugin.
 */
final class DashboardHistory {

    static final List<String> STAGES = List.of("Lead", "Demo", "Trial", "Customer", "Lost");
    /** Expected days per stage, by index; 0 = none. */
    static final int[] EXPECTED_DAYS = {14, 7, 30, 0, 0};

    static final int OUTSIDE = -1;
    private static final int X = OUTSIDE;
    /** Where a move goes from each stage: row 0 from outside the journey, row i + 1 from stage i. */
    private static final int[][] TO = {
        {0, 1, 2},          // outside: Lead, Demo, Trial
        {1, 4, 2, X},       // Lead: Demo, Lost, Trial, exit
        {2, 0, 4, X},       // Demo: Trial, back to Lead, Lost, exit
        {3, 1, 4, X},       // Trial: Customer, back to Demo, Lost, exit
        {4, 2, X},          // Customer: churned to Lost, downgraded to Trial, exit
        {0, 1, X}};         // Lost: re-engaged as Lead or Demo, exit
    private static final double[][] WEIGHTS = {
        {0.85, 0.10, 0.05},
        {0.55, 0.25, 0.05, 0.15},
        {0.50, 0.15, 0.25, 0.10},
        {0.45, 0.15, 0.30, 0.10},
        {0.60, 0.25, 0.15},
        {0.75, 0.10, 0.15}};

    private static final String[] AUTOMATIONS = {"101", "102", "103", "104", "105", "106", "107", "108"};
    private static final String[] REPS = new String[20];

    static {
        for (int i = 0; i < REPS.length; i++) {
            REPS[i] = "rep-" + (i + 1) + "@example.com";
        }
    }

    private static final int CONTACT_BITS = 24;
    private static final long CONTACT_MASK = (1L << CONTACT_BITS) - 1;
    private static final long DAY = 86_400;

    /** One move, reused from row to row: read it inside {@link MoveSink#accept}, do not keep it. */
    static final class Move {
        int contact;
        /** Stage indexes; {@link #OUTSIDE} for a first entry or re-entry (from) or an exit (to). */
        int from;
        int to;
        long effectiveSecond;
        /** When the contact entered {@link #from}; meaningless when from is {@link #OUTSIDE}. */
        long fromEnteredSecond;
        long recordedSecond;
        String kind;
        String ref;
        /** Null for a person's move. */
        String detail;
        /** The placement version this move produces: 1 for the contact's first move. */
        int version;
    }

    interface MoveSink {
        void accept(Move move) throws Exception;
    }

    interface PlacementSink {
        /** @param stage the stage index, or {@link #OUTSIDE} when the contact's last move was an exit */
        void accept(int contact, int stage, long enteredSecond, int version) throws Exception;
    }

    final int contacts;
    final long moves;
    final long seed;
    final long nowSecond;
    final long startSecond;
    private long[] events;
    private byte[] stage;
    private int[] version;
    private int[] last;

    DashboardHistory(int contacts, long moves, long seed, long nowSecond, int days) {
        if (contacts < 1 || contacts > CONTACT_MASK) {
            throw new IllegalArgumentException("contacts must be 1.." + CONTACT_MASK + ", was " + contacts);
        }
        if (moves < contacts || moves > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("history must be at least the contacts and under 2^31, was " + moves);
        }
        this.contacts = contacts;
        this.moves = moves;
        this.seed = seed;
        this.nowSecond = nowSecond;
        this.startSecond = nowSecond - days * DAY;
    }

    static String contactKey(int contact) {
        return "contact-" + contact + "@example.com";
    }

    /** Draws every move's contact and time, and sorts them by time: call once, before {@link #replay}. */
    void generate() {
        Random random = new Random(seed);
        int[] counts = new int[contacts];
        Arrays.fill(counts, 1);
        int busy = (contacts + 4) / 5;
        for (long i = contacts; i < moves; i++) {
            int c = random.nextInt(5) < 2 ? Math.min(contacts - 1, 5 * random.nextInt(busy)) : random.nextInt(contacts);
            counts[c]++;
        }
        events = new long[(int) moves];
        int n = 0;
        long span = nowSecond - startSecond;
        double[] offsets = new double[64];
        for (int c = 0; c < contacts; c++) {
            int k = counts[c];
            // Entries grow over the period: the density of entry times rises linearly towards now.
            long entry = startSecond + (long) (span * Math.sqrt(random.nextDouble()));
            entry = Math.max(startSecond, Math.min(entry, nowSecond - 2L * k - 2));
            // Moves go on until somewhere between a fifth of the way and all the way to now.
            long horizon = (long) ((nowSecond - 1 - entry - k) * (0.2 + 0.8 * random.nextDouble()));
            if (offsets.length < k) {
                offsets = new double[2 * k];
            }
            for (int i = 0; i < k - 1; i++) {
                offsets[i] = random.nextDouble() * horizon;
            }
            Arrays.sort(offsets, 0, k - 1);
            long at = entry;
            events[n++] = ((at - startSecond) << CONTACT_BITS) | c;
            for (int i = 0; i < k - 1; i++) {
                // Strictly later than the contact's previous move, so that its moves sort in their order.
                at = Math.max(at + 1, entry + (long) offsets[i]);
                events[n++] = ((at - startSecond) << CONTACT_BITS) | c;
            }
        }
        // Distinct keys (a contact never moves twice in one second), so the order is the same whatever the sort.
        Arrays.parallelSort(events);
    }

    /** Hands every move to {@code sink} in effective-time order; keeps each contact's last placement for {@link #placements}. */
    void replay(MoveSink sink) throws Exception {
        Random random = new Random(seed * 31 + 7);
        stage = new byte[contacts];
        Arrays.fill(stage, (byte) OUTSIDE);
        version = new int[contacts];
        last = new int[contacts];
        Move m = new Move();
        long eventNumber = 0;
        int[] importLines = new int[64];
        for (long key : events) {
            int c = (int) (key & CONTACT_MASK);
            long at = startSecond + (key >>> CONTACT_BITS);
            int from = stage[c];
            int row = from + 1;
            double r = random.nextDouble();
            int to = TO[row][TO[row].length - 1];
            for (int i = 0; i < WEIGHTS[row].length; i++) {
                r -= WEIGHTS[row][i];
                if (r < 0) {
                    to = TO[row][i];
                    break;
                }
            }
            stage[c] = (byte) to;
            m.fromEnteredSecond = startSecond + last[c];
            last[c] = (int) (at - startSecond);
            m.contact = c;
            m.from = from;
            m.to = to;
            m.effectiveSecond = at;
            m.recordedSecond = at;
            m.version = ++version[c];
            double s = random.nextDouble();
            if (s < 0.50) {
                m.kind = "AUTOMATION";
                m.ref = AUTOMATIONS[random.nextInt(AUTOMATIONS.length)];
                m.detail = "evt-" + (++eventNumber);
            } else if (s < 0.75) {
                m.kind = "MANUAL";
                m.ref = REPS[random.nextInt(REPS.length)];
                m.detail = null;
            } else if (s < 0.97) {
                // One import job a month, backfilled: recorded up to three days after the move's effective time.
                int month = (int) ((at - startSecond) / (30 * DAY));
                m.kind = "IMPORT";
                m.ref = Integer.toString(7001 + month);
                m.detail = Integer.toString(++importLines[Math.min(month, importLines.length - 1)] + 1);
                m.recordedSecond = Math.min(nowSecond, at + random.nextInt(3 * 86_400));
            } else {
                m.kind = "SYSTEM";
                m.ref = "crm-sync";
                m.detail = "system";
            }
            sink.accept(m);
        }
    }

    /** Every contact's placement after the last move; call after {@link #replay}. */
    void placements(PlacementSink sink) throws Exception {
        for (int c = 0; c < contacts; c++) {
            sink.accept(c, stage[c], startSecond + last[c], version[c]);
        }
    }

    /** Frees the event list once it has been replayed. */
    void dropEvents() {
        events = null;
    }
}
