package dev.journeys.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a piece of work needed, three ways: the largest heap use a sampler saw (every 2 ms), the sum of the heap
 * pools' peaks (an upper bound: the pools need not peak together), and the largest heap left after a collection
 * (what was live, or not yet collectable, at worst).
 */
final class HeapMeter implements AutoCloseable {

    record Usage(long sampledPeak, long poolPeakSum, long maxAfterGc, long collections, long gcMillis,
                 Map<String, Long> poolPeaks) {
    }

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong sampledPeak = new AtomicLong();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final NotificationListener listener = this::collected;
    private final long collectionsBefore;
    private final long gcMillisBefore;
    private final Thread sampler;
    private volatile boolean stop;

    /** Collects first, so that garbage of earlier work does not count, then starts measuring. */
    HeapMeter() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        collectionsBefore = collections();
        gcMillisBefore = gcMillis();
        sampler = new Thread(() -> {
            while (!stop) {
                sampledPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    Usage usage() {
        Map<String, Long> peaks = heapPools.stream().collect(Collectors.toMap(MemoryPoolMXBean::getName,
                p -> p.getPeakUsage().getUsed()));
        long sum = peaks.values().stream().mapToLong(Long::longValue).sum();
        return new Usage(sampledPeak.get(), sum, maxAfterGc.get(), collections() - collectionsBefore,
                gcMillis() - gcMillisBefore, peaks);
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        sampler.join();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
                // never added
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long after = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPoolNames.contains(pool.getKey())) {
                after += pool.getValue().getUsed();
            }
        }
        long used = after;
        maxAfterGc.accumulateAndGet(used, Math::max);
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionCount())).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionTime())).sum();
    }
}
