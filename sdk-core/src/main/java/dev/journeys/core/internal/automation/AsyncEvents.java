package dev.journeys.core.internal.automation;

import dev.journeys.api.ClosedException;
import dev.journeys.api.EventResult;
import dev.journeys.api.TriggerEvent;
import dev.journeys.core.internal.config.CoreSettings;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous publisher: bounded queues that block producers when full (back-pressure), and
 * worker threads, started on first use, that write many events per transaction. Each contact's events
 * go to one queue and one worker, so they are applied in the order they were published. Closing stops
 * intake, drains what was queued and waits for the workers.
 */
@Singleton
public final class AsyncEvents {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncEvents.class);

    private record Queued(String tenant, TriggerEvent event, CompletableFuture<EventResult> result) {
    }

    private final AutomationEngine engine;
    private final CoreSettings.Async settings;
    private final List<BlockingQueue<Queued>> queues = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closing;

    @Inject
    AsyncEvents(AutomationEngine engine, CoreSettings settings) {
        this.engine = engine;
        this.settings = settings.async();
        int each = Math.max(1, this.settings.queueCapacity() / this.settings.workers());
        for (int i = 0; i < this.settings.workers(); i++) {
            queues.add(new ArrayBlockingQueue<>(each));
        }
    }

    CompletableFuture<EventResult> submit(String tenant, TriggerEvent event) {
        startWorkers();
        Queued queued = new Queued(tenant, event, new CompletableFuture<>());
        String contact = event == null ? null : event.contactKey();
        BlockingQueue<Queued> queue = queues.get(Math.floorMod(Objects.hash(tenant, contact), queues.size()));
        try {
            while (!queue.offer(queued, 100, TimeUnit.MILLISECONDS)) {
                refuseIfClosing();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClosedException("interrupted while waiting for room in the event queue", e);
        }
        return queued.result();
    }

    private synchronized void startWorkers() {
        refuseIfClosing();
        if (!workers.isEmpty()) {
            return;
        }
        for (int i = 0; i < settings.workers(); i++) {
            BlockingQueue<Queued> queue = queues.get(i);
            Thread worker = new Thread(() -> work(queue), "journeys-events-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    private void refuseIfClosing() {
        if (closing) {
            throw new ClosedException("the SDK is closing; no new events are taken");
        }
    }

    private void work(BlockingQueue<Queued> queue) {
        List<Queued> batch = new ArrayList<>(settings.batchSize());
        while (true) {
            try {
                Queued first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.batchSize() - 1);
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<Queued> batch) {
        Map<String, List<Queued>> byTenant = new LinkedHashMap<>();
        batch.forEach(q -> byTenant.computeIfAbsent(q.tenant(), t -> new ArrayList<>()).add(q));
        byTenant.forEach((tenant, queued) -> {
            try {
                List<Object> results = engine.publishBatch(tenant, queued.stream().map(Queued::event).toList());
                for (int i = 0; i < queued.size(); i++) {
                    Object result = results.get(i);
                    if (result instanceof EventResult done) {
                        queued.get(i).result().complete(done);
                    } else {
                        queued.get(i).result().completeExceptionally((Throwable) result);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("A batch of {} events failed; each is reported to its publisher", queued.size(), e);
                queued.forEach(q -> q.result().completeExceptionally(e));
            }
        });
    }

    /** Stops intake, lets the workers drain the queue, and waits for them. */
    public void close() {
        synchronized (this) {
            closing = true;
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
