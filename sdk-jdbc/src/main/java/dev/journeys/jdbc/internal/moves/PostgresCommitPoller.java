package dev.journeys.jdbc.internal.moves;

import dev.journeys.api.JourneyId;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.storage.PlacementFeed;
import dev.journeys.core.internal.storage.PlacementState;
import dev.journeys.jdbc.internal.db.CommitFollower;
import dev.journeys.jdbc.internal.db.Db;
import dev.journeys.jdbc.internal.db.Rows;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every instance's commits on a shared PostgreSQL by polling the history, which is append-only.
 *
 * <p>Ids and commit order disagree, so the poller remembers three things of its last snapshot: the highest
 * history id it could see, the transactions listed in flight, and the snapshot's xmax. A row it has not
 * delivered yet is newer than that id (its id was drawn after the snapshot), or was written by a listed
 * transaction, or by a transaction at or past xmax. That last set matters: a snapshot lists only xids below
 * its xmax, which is one past the latest <em>completed</em> xid, so a transaction that took its xid after
 * the newest finished one and drew a history id before the snapshot is in flight yet listed nowhere, and
 * a first version of this poller lost its rows for good (seen as a stale cache in the two-instance
 * concurrency contract). Each poll reads exactly those sets, each by an index, and no commit is skipped.
 * (Reading everything at or above the snapshot's xmin, as an early version did, re-read every row
 * committed since the oldest open transaction on each poll: a long import made every poller scan millions.)
 * This relies on every writer writing a placement before its history row, so that a transaction has its
 * xid before it draws a history id: true of every write path in this module. LISTEN/NOTIFY was measured
 * first and rejected: NOTIFY serialises commits (pgbench, 8 clients: 3,200 tx/s without it, 1,700 with it).
 */
public final class PostgresCommitPoller implements CommitFollower {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresCommitPoller.class);

    private final Jdbi jdbi;
    private final PlacementFeed feed;
    private final ScheduledExecutorService timer;
    /** The highest history id visible at the last snapshot. */
    private long seen;
    /** Transactions listed in flight at the last snapshot; their rows may still appear below {@link #seen}. */
    private Long[] inFlight;
    /** The last snapshot's xmax: transactions from here on were in flight too, though not listed. */
    private long unlistedFrom;
    private boolean healthy = true;

    public PostgresCommitPoller(Jdbi jdbi, PlacementFeed feed, Duration interval) {
        this.jdbi = jdbi;
        this.feed = feed;
        jdbi.useTransaction(TransactionIsolationLevel.REPEATABLE_READ, this::remember);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journeys-commit-poller");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void published(String tenant, Transition transition) {
        // The poller will see this commit too; telling our own cache now saves it the wait.
        feed.committed(tenant, CommitFollower.stateAfter(transition));
    }

    @Override
    public void publishedTooMany() {
        // Every instance, this one included, reads the commit back from the history when it polls.
    }

    /** Takes the snapshot's highest visible id and its transactions in flight; the snapshot is the first read. */
    private void remember(org.jdbi.v3.core.Handle h) {
        h.createQuery("""
                        select pg_snapshot_xmax(s)::text::bigint as xmax,
                               array(select x::text::bigint from pg_snapshot_xip(s) as x) as xip
                          from pg_current_snapshot() as s""")
                .map((rs, ctx) -> {
                    unlistedFrom = rs.getLong("xmax");
                    inFlight = (Long[]) rs.getArray("xip").getArray();
                    return 0;
                })
                .one();
        seen = h.createQuery("select coalesce(max(id), 0) from transitions").mapTo(Long.class).one();
    }

    /** One poll; package-private so that tests can poll at the moments they stage. */
    synchronized void poll() {
        try {
            jdbi.useTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
                long seenBefore = seen;
                Long[] inFlightBefore = inFlight;
                long unlistedBefore = unlistedFrom;
                remember(h);
                // The upper bound changes nothing in this snapshot, where no row lies above it; it keeps the planner
                // on the primary key where the table was never analyzed (autovacuum off): an open range there is
                // guessed at a third of the table, and was read by a sequential scan at every poll.
                h.createQuery("""
                                select tenant_id, journey_id, contact_key, to_stage_id, effective_at, placement_version
                                  from transitions where id > :seen and id <= :top
                                union all
                                select tenant_id, journey_id, contact_key, to_stage_id, effective_at, placement_version
                                  from transitions where tx_id = any(:inFlight) and id <= :seen
                                union all
                                select tenant_id, journey_id, contact_key, to_stage_id, effective_at, placement_version
                                  from transitions where tx_id >= :unlisted and id <= :seen""")
                        .bind("seen", seenBefore)
                        .bind("top", seen)
                        .bind("unlisted", unlistedBefore)
                        .bindArray("inFlight", Long.class, (Object[]) inFlightBefore)
                        .addCustomizer(Db.PLANNED_EACH_TIME)
                        // a cursor: one commit can bring a million rows (an atomic import)
                        .setFetchSize(1_000)
                        .map((rs, ctx) -> {
                            feed.committed(rs.getString("tenant_id"), new PlacementState(
                                    new JourneyId(rs.getLong("journey_id")), rs.getString("contact_key"),
                                    Rows.stage(rs, "to_stage_id"), Rows.instant(rs, "effective_at"),
                                    rs.getLong("placement_version")));
                            return 0;
                        })
                        .forEach(ignored -> { });
            });
            healthy = true;
        } catch (RuntimeException e) {
            // Blind while the database is unreachable: nothing cached can be vouched for any more.
            feed.lostTrack();
            if (healthy) {
                LOG.warn("Cannot follow commits of other SDK instances; placement cache cleared until the database answers", e);
            }
            healthy = false;
        }
    }

    @Override
    public void close() {
        // Let a poll in flight finish before the pool it borrows from is closed.
        timer.shutdown();
        try {
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
