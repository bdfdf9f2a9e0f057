package dev.journeys.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * How far the SDK's background fold has got, read from its own tables (the SDK has no public call for it): the mark
 * in {@code dash_marks} against the head of the history. On H2 the mark is the highest folded transition id; on
 * PostgreSQL a transaction id below which everything is folded (the fold's snapshot xmin once caught up; while it
 * works through a backlog in chunks, the transaction of the last row folded). Every read is its own short
 * transaction, so watching never holds the fold back.
 */
final class DashboardFoldMark {

    /**
     * @param folded the mark's {@code folded_to}; {@code foldedId} its {@code folded_id} where the schema has one (a fold
     *               in chunks on PostgreSQL: the last row folded of transaction {@code folded}), else 0
     * @param head the history's highest id (H2) or transaction id (PostgreSQL); {@code headId} its highest id
     */
    record Status(long folded, long foldedId, long head, long headId, boolean postgres) {
        boolean caughtUp() {
            return postgres ? folded > head : folded >= head;
        }

        /** Share of the history's ids folded, 0 to 1; on PostgreSQL known only while a chunk's mark holds an id. */
        double progress() {
            if (caughtUp()) {
                return 1;
            }
            long done = postgres ? foldedId : folded;
            return headId <= 0 ? 0 : Math.max(0, Math.min(1, (double) done / headId));
        }

        @Override
        public String toString() {
            return postgres ? String.format("mark tx %,d id %,d, head tx %,d id %,d", folded, foldedId, head, headId)
                    : String.format("mark id %,d, head id %,d", folded, headId);
        }
    }

    private final BenchDatabase db;
    private final boolean postgres;

    DashboardFoldMark(BenchDatabase db) {
        this.db = db;
        this.postgres = RawImporter.postgres(db);
    }

    /**
     * Waits, up to {@code maxSeconds}, until the fold has taken up the history written so far, so that a
     * measurement that follows does not pay for folding what came before it (a warm-up's moves, say).
     *
     * @return whether it caught up in time
     */
    boolean awaitCaughtUp(double maxSeconds) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        try (Connection c = db.connect()) {
            while (!status(c).caughtUp()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(50);
            }
            return true;
        }
    }

    Status status() throws SQLException {
        try (Connection c = db.connect()) {
            return status(c);
        }
    }

    Status status(Connection c) throws SQLException {
        long folded;
        long foldedId = 0;
        try (PreparedStatement ps = c.prepareStatement("select * from dash_marks where id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            folded = rs.getLong("folded_to");
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                if (rs.getMetaData().getColumnName(i).equalsIgnoreCase("folded_id")) {
                    foldedId = rs.getLong(i);
                }
            }
        }
        long headId = single(c, "select coalesce(max(id), 0) from transitions");
        long head = postgres ? single(c, "select coalesce(max(tx_id), 0) from transitions") : headId;
        return new Status(folded, foldedId, head, headId, postgres);
    }

    /** History rows not folded yet, counted: cheap only when few are left. */
    long unfolded(Connection c) throws SQLException {
        return single(c, postgres
                ? "select count(*) from transitions where tx_id >= (select folded_to from dash_marks where id = 1)"
                : "select count(*) from transitions where id > (select folded_to from dash_marks where id = 1)");
    }

    /**
     * Waits until the fold has caught up with the history as it is now, checking every {@code pollMillis}.
     *
     * @param report called every {@code reportSeconds} with a line on the progress so far
     * @return seconds waited, or -1 when {@code timeoutSeconds} passed first
     */
    double await(double timeoutSeconds, long pollMillis, double reportSeconds, Consumer<String> report) throws Exception {
        long begin = System.nanoTime();
        long nextReport = begin + (long) (reportSeconds * 1e9);
        try (Connection c = db.connect()) {
            while (true) {
                Status s = status(c);
                long now = System.nanoTime();
                double waited = (now - begin) / 1e9;
                if (s.caughtUp()) {
                    return waited;
                }
                if (waited > timeoutSeconds) {
                    return -1;
                }
                if (now >= nextReport) {
                    String pinned = ImportBench.foreignTransactions(db, Math.min(waited, 60));
                    report.accept(String.format("    fold: %.0f s, %s (%.0f%% of the ids)%s", waited, s,
                            100 * s.progress(), pinned.isEmpty() ? "" : "; " + pinned));
                    nextReport = now + (long) (reportSeconds * 1e9);
                }
                Thread.sleep(pollMillis);
            }
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
