package dev.journeys.core.internal.dashboard;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds new history into the dashboard's aggregates every second, off every move's path. Queries never
 * wait for it: they add what is not folded yet themselves, so a fold that runs late only makes them a
 * little slower.
 */
@Singleton
public final class DashboardFolder {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardFolder.class);
    static final long INTERVAL_MILLIS = 1_000;

    private final DashboardStorage storage;
    private ScheduledExecutorService timer;
    private volatile boolean closing;

    @Inject
    DashboardFolder(DashboardStorage storage) {
        this.storage = storage;
    }

    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journeys-dashboard-fold");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::foldQuietly, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void foldQuietly() {
        try {
            // Each call folds one bounded chunk; a backlog is worked off chunk after chunk. A chunk that was
            // not full caught up: what committed while it ran waits for the next tick, so that under steady
            // load every fold takes a second's moves and not, as when it went on while anything was new,
            // a handful at a time, each paying the fold's fixed costs (measured: 1,100 folds a minute on
            // PostgreSQL at 8 threads).
            boolean more;
            do {
                more = storage.foldDashboard();
            } while (more && !closing);
        } catch (RuntimeException e) {
            // The history is still there: the next fold takes it up, and queries add it meanwhile.
            LOG.warn("Folding the dashboard failed; retrying in {} ms", INTERVAL_MILLIS, e);
        }
    }

    /**
     * Lets the chunk in flight finish rather than interrupting it: an interrupt in the middle of file I/O
     * closes an embedded H2 database's file channel, for every connection still using it.
     */
    public synchronized void close() {
        closing = true;
        if (timer != null) {
            timer.shutdown();
            try {
                if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("A dashboard fold was still running 30 s after close; interrupting it");
                    timer.shutdownNow();
                }
            } catch (InterruptedException e) {
                timer.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
