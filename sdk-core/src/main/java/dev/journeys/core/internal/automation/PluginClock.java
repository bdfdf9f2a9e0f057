package dev.journeys.core.internal.automation;

import dev.journeys.spi.TriggerPlugin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a trigger plugin's own {@link TriggerPlugin#validate} under a time limit, so that a plugin that hangs
 * costs one event a failure in the run log (and a retry later) instead of holding a publisher, or an
 * asynchronous worker and every event queued behind it, for as long as the plugin likes.
 *
 * <p>A plugin that keeps the default {@code validate}, or says that its {@code validate} does not block
 * ({@link TriggerPlugin#validateMayBlock}), is called directly: handing a call to another thread and back
 * cost an event 37 to 80 µs and 20 to 40 µs of the caller's CPU in PluginHandOffBench, as much as a whole
 * event costs otherwise. The others run on a small pool of daemon threads; a thread left behind in a plugin
 * that never returns is not reused, and once {@link #MAX_THREADS} are so stuck, further calls fail at once
 * instead of piling up.
 */
public final class PluginClock {

    /** Threads that may be inside plugins at once, stuck ones included. */
    static final int MAX_THREADS = 64;

    private final Duration limit;
    /** Null when there is no limit: every plugin is then called on the caller's thread. */
    private final ThreadPoolExecutor pool;

    /** @param limit how long one {@code validate} may take; zero calls every plugin on the caller's thread */
    public PluginClock(Duration limit) {
        this(limit, MAX_THREADS);
    }

    PluginClock(Duration limit, int maxThreads) {
        this.limit = limit;
        AtomicInteger n = new AtomicInteger();
        // No queue: a call either gets a thread now or fails; idle threads end after a few seconds.
        this.pool = limit.isZero() ? null : new ThreadPoolExecutor(0, maxThreads, 5, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "journeys-plugin-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** The plugin's validation problems, or a {@link PluginFailure} when it throws or overruns the limit. */
    List<String> validate(String trigger, TriggerPlugin plugin, Map<String, Object> attributes) {
        if (pool == null || !overridesValidate(plugin)
                || !PluginFailure.guarded(trigger, "validateMayBlock", plugin::validateMayBlock)) {
            return PluginFailure.guarded(trigger, "validate", () -> plugin.validate(attributes));
        }
        Future<List<String>> call;
        try {
            call = pool.submit(() -> plugin.validate(attributes));
        } catch (RejectedExecutionException e) {
            throw new PluginFailure(trigger, "validate not called: " + pool.getMaximumPoolSize()
                    + " earlier calls into trigger plugins have not returned", null);
        }
        try {
            return call.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new PluginFailure(trigger, "validate took longer than " + limit.toMillis() + " ms", null);
        } catch (ExecutionException e) {
            throw new PluginFailure(trigger, "validate threw", e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginFailure(trigger, "interrupted while waiting for validate", e);
        }
    }

    static boolean overridesValidate(TriggerPlugin plugin) {
        return OVERRIDES_VALIDATE.get(plugin.getClass());
    }

    private static final ClassValue<Boolean> OVERRIDES_VALIDATE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("validate", Map.class).getDeclaringClass() != TriggerPlugin.class;
            } catch (NoSuchMethodException e) {
                return true;
            }
        }
    };
}
