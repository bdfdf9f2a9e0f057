package dev.journeys.core.internal.config;

import dev.journeys.spi.SystemJourneyPlugin;
import dev.journeys.spi.TriggerPlugin;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Engine settings, already validated by the public builder.
 *
 * @param placementCacheSize 0 turns the placement cache off; results are the same either way
 * @param maxMoveAttempts how many compare-and-set conflicts a move absorbs before it reports contention
 * @param triggers the host's trigger plugins, besides the built-in ones
 * @param systemJourneys the system journeys to provision in every tenant
 * @param maxChainDepth how many {@code journey.stage_changed} automations may follow one another
 * @param pluginTimeout how long a trigger plugin's {@code validate} may take; zero: no limit
 */
public record CoreSettings(Clock clock, long placementCacheSize, long journeyCacheSize, int maxMoveAttempts,
                           List<TriggerPlugin> triggers, List<SystemJourneyPlugin> systemJourneys, int maxChainDepth,
                           Async async, Duration pluginTimeout) {

    /**
     * The asynchronous publisher: a bounded queue that blocks producers when full, drained by
     * {@code workers} threads that write up to {@code batchSize} events per transaction.
     */
    public record Async(int queueCapacity, int workers, int batchSize) {
        public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
        public static final int DEFAULT_WORKERS = 2;
        public static final int DEFAULT_BATCH_SIZE = 200;

        public static Async defaults() {
            return new Async(DEFAULT_QUEUE_CAPACITY, DEFAULT_WORKERS, DEFAULT_BATCH_SIZE);
        }
    }

    public static final long DEFAULT_PLACEMENT_CACHE_SIZE = 100_000;
    public static final long DEFAULT_JOURNEY_CACHE_SIZE = 10_000;
    public static final int DEFAULT_MAX_MOVE_ATTEMPTS = 50;
    public static final int DEFAULT_MAX_CHAIN_DEPTH = 5;
    public static final Duration DEFAULT_PLUGIN_TIMEOUT = Duration.ofSeconds(5);

    public CoreSettings {
        triggers = List.copyOf(triggers);
        systemJourneys = List.copyOf(systemJourneys);
    }

    public static CoreSettings defaults() {
        return new CoreSettings(Clock.systemUTC(), DEFAULT_PLACEMENT_CACHE_SIZE, DEFAULT_JOURNEY_CACHE_SIZE,
                DEFAULT_MAX_MOVE_ATTEMPTS, List.of(), List.of(), DEFAULT_MAX_CHAIN_DEPTH, Async.defaults(),
                DEFAULT_PLUGIN_TIMEOUT);
    }
}
