package dev.journeys.core.internal.imports;

import dev.journeys.api.ImportReport;
import dev.journeys.api.ImportRequest;
import dev.journeys.api.RunningImport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports on background threads. Closing the SDK cancels them and waits for each to end, so none is
 * cut off by the database going away: best effort keeps its committed batches, atomic keeps nothing.
 */
@Singleton
public final class RunningImports {

    private static final Logger LOG = LoggerFactory.getLogger(RunningImports.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ImportEngine engine;
    private final Set<Handle> running = ConcurrentHashMap.newKeySet();

    @Inject
    RunningImports(ImportEngine engine) {
        this.engine = engine;
    }

    RunningImport start(String tenant, ImportRequest request) {
        Handle handle = new Handle();
        running.add(handle);
        Thread thread = new Thread(() -> {
            try {
                handle.report.complete(engine.run(tenant, request, handle.cancelled::get));
            } catch (Throwable e) {
                handle.report.completeExceptionally(e);
            } finally {
                running.remove(handle);
            }
        }, "journeys-import-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        return handle;
    }

    public void close() {
        running.forEach(Handle::cancel);
        for (Handle handle : running) {
            try {
                handle.report.get(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                LOG.warn("An import did not end cleanly while the SDK closed", e);
            }
        }
    }

    private static final class Handle implements RunningImport {
        final AtomicBoolean cancelled = new AtomicBoolean();
        final CompletableFuture<ImportReport> report = new CompletableFuture<>();

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public CompletableFuture<ImportReport> report() {
            return report;
        }
    }
}
