package dev.journeys.jdbc;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import dev.journeys.api.ConfigurationException;
import dev.journeys.api.JourneysException;
import dev.journeys.api.JourneysSdk;
import dev.journeys.core.internal.SdkRuntime;
import dev.journeys.core.internal.config.CoreSettings;
import dev.journeys.jdbc.internal.DatabaseSettings;
import dev.journeys.jdbc.internal.JdbcModule;
import dev.journeys.jdbc.internal.db.Dialect;
import dev.journeys.jdbc.internal.db.Secrets;
import dev.journeys.spi.SystemJourneyPlugin;
import dev.journeys.spi.TriggerPlugin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;

/**
 * A fluent, mutable builder; every setter checks its value at once and {@link #load()} starts the SDK.
 * Not thread-safe. Defaults:
 * <ul>
 *   <li>database: a private embedded H2 in memory, gone when the SDK closes;</li>
 *   <li>pool: HikariCP with {@value #DEFAULT_POOL_SIZE} connections, when the SDK makes the pool (at least
 *       {@value #MIN_POOL_SIZE});</li>
 *   <li>waits, on the SDK's own pool: 10 s for a connection, 60 s for a statement to run, 10 s for a lock;
 *       each ends in a {@link dev.journeys.api.StorageException} that says which it was. A host's pool keeps its
 *       own settings;</li>
 *   <li>placement cache: {@value CoreSettings#DEFAULT_PLACEMENT_CACHE_SIZE} entries; 0 turns it off;</li>
 *   <li>journey cache: {@value CoreSettings#DEFAULT_JOURNEY_CACHE_SIZE} definitions;</li>
 *   <li>move attempts: {@value CoreSettings#DEFAULT_MAX_MOVE_ATTEMPTS} compare-and-set conflicts before a
 *       move is rejected for contention;</li>
 *   <li>clock: {@link Clock#systemUTC()};</li>
 *   <li>commit poll interval: 100 ms. On PostgreSQL, several SDK instances may share the database; each
 *       polls the history this often for the others' commits, so a cached placement lags another
 *       instance's move by at most about this long. Moves themselves never act on a stale cache;</li>
 *   <li>plugins: only the built-in triggers ({@code journey.stage_changed}, {@code contact.status_changed}),
 *       and the triggers and system journeys handed to {@link #trigger} and {@link #systemJourney};
 *       {@link #discoverPlugins()} adds those on the class path;</li>
 *   <li>max chain depth: {@value CoreSettings#DEFAULT_MAX_CHAIN_DEPTH} {@code journey.stage_changed}
 *       automations in a row, after which the chain is stopped and the stop is logged;</li>
 *   <li>plugin timeout: 5 s for a trigger plugin's own {@code validate} of one event, after which that event
 *       fails in the run log and can be published again;</li>
 *   <li>asynchronous publishing: a queue of {@value CoreSettings.Async#DEFAULT_QUEUE_CAPACITY} events,
 *       {@value CoreSettings.Async#DEFAULT_WORKERS} worker threads started on first use, and up to
 *       {@value CoreSettings.Async#DEFAULT_BATCH_SIZE} events written per transaction.</li>
 * </ul>
 */
public final class JourneysConfiguration {

    public static final int DEFAULT_POOL_SIZE = 10;
    /** An import holds a connection while it reads through another, and migrations take two on PostgreSQL. */
    public static final int MIN_POOL_SIZE = 2;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_COMMIT_POLL_INTERVAL = Duration.ofMillis(100);

    private Optional<String> jdbcUrl = Optional.empty();
    private Optional<String> user = Optional.empty();
    private Optional<String> password = Optional.empty();
    private Optional<DataSource> dataSource = Optional.empty();
    private int poolSize = DEFAULT_POOL_SIZE;
    private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
    private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;
    private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    private long placementCacheSize = CoreSettings.DEFAULT_PLACEMENT_CACHE_SIZE;
    private long journeyCacheSize = CoreSettings.DEFAULT_JOURNEY_CACHE_SIZE;
    private int maxMoveAttempts = CoreSettings.DEFAULT_MAX_MOVE_ATTEMPTS;
    private Clock clock = Clock.systemUTC();
    private Duration commitPollInterval = DEFAULT_COMMIT_POLL_INTERVAL;
    private final List<TriggerPlugin> triggers = new ArrayList<>();
    private final List<SystemJourneyPlugin> systemJourneys = new ArrayList<>();
    private boolean discoverPlugins;
    private int maxChainDepth = CoreSettings.DEFAULT_MAX_CHAIN_DEPTH;
    private Duration pluginTimeout = CoreSettings.DEFAULT_PLUGIN_TIMEOUT;
    private CoreSettings.Async async = CoreSettings.Async.defaults();

    JourneysConfiguration() {
    }

    /** Embedded H2 in a file, kept across restarts. H2 adds {@code .mv.db} to the path. */
    public JourneysConfiguration h2File(Path path) {
        Objects.requireNonNull(path, "path");
        return jdbcUrl("jdbc:h2:file:" + path.toAbsolutePath());
    }

    /** A {@code jdbc:h2:} or {@code jdbc:postgresql:} URL; the SDK builds and owns the pool. */
    public JourneysConfiguration jdbcUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("jdbcUrl must not be blank");
        }
        Secrets.rememberFrom(url);
        Dialect.ofUrl(url);
        this.jdbcUrl = Optional.of(url);
        this.dataSource = Optional.empty();
        return this;
    }

    public JourneysConfiguration credentials(String user, String password) {
        Secrets.remember(password);
        this.user = Optional.ofNullable(user);
        this.password = Optional.ofNullable(password);
        return this;
    }

    /** A pool the host owns; the SDK uses it and never closes it. */
    public JourneysConfiguration dataSource(DataSource hostDataSource) {
        this.dataSource = Optional.of(Objects.requireNonNull(hostDataSource, "dataSource"));
        this.jdbcUrl = Optional.empty();
        return this;
    }

    public JourneysConfiguration poolSize(int connections) {
        if (connections < MIN_POOL_SIZE || connections > 1000) {
            throw new ConfigurationException("poolSize must be " + MIN_POOL_SIZE + "..1000, was " + connections
                    + ": an import holds one connection while it reads through another");
        }
        this.poolSize = connections;
        return this;
    }

    /**
     * How long a call waits for a connection of the SDK's own pool before it fails with a
     * {@link dev.journeys.api.StorageException} saying that no connection was free; 250 ms to 10 min,
     * default 10 s. A host's own pool ({@link #dataSource}) keeps its own.
     */
    public JourneysConfiguration connectionTimeout(Duration timeout) {
        this.connectionTimeout = bounded("connectionTimeout", timeout, Duration.ofMillis(250));
        return this;
    }

    /**
     * How long one statement may run before the database cancels it and the call fails with a
     * {@link dev.journeys.api.StorageException} saying that it took too long; 1 s to 24 h, default
     * 60 s. Applies to connections of the SDK's own pool; give a host's pool
     * the same bound itself (on PostgreSQL, {@code statement_timeout}). Raise it for {@code repair} of a
     * journey with a very long history.
     */
    public JourneysConfiguration statementTimeout(Duration timeout) {
        this.statementTimeout = bounded("statementTimeout", timeout, Duration.ofSeconds(1));
        return this;
    }

    /**
     * How long a statement may wait for a lock that another transaction holds before it fails with a
     * {@link dev.journeys.api.StorageException} saying that it took too long; 100 ms to 24 h, default
     * 10 s. Applies to connections of the SDK's own pool; give a host's pool the
     * same bound itself (on PostgreSQL, {@code lock_timeout}).
     */
    public JourneysConfiguration lockTimeout(Duration timeout) {
        this.lockTimeout = bounded("lockTimeout", timeout, Duration.ofMillis(100));
        return this;
    }

    private static Duration bounded(String what, Duration value, Duration least) {
        if (value == null || value.compareTo(least) < 0 || value.compareTo(Duration.ofHours(24)) > 0) {
            throw new ConfigurationException(what + " must be " + least.toMillis() + " ms..24 h, was " + value);
        }
        return value;
    }

    public JourneysConfiguration placementCacheSize(long entries) {
        if (entries < 0) {
            throw new ConfigurationException("placementCacheSize must be >= 0, was " + entries);
        }
        this.placementCacheSize = entries;
        return this;
    }

    public JourneysConfiguration journeyCacheSize(long entries) {
        if (entries < 0) {
            throw new ConfigurationException("journeyCacheSize must be >= 0, was " + entries);
        }
        this.journeyCacheSize = entries;
        return this;
    }

    public JourneysConfiguration maxMoveAttempts(int attempts) {
        if (attempts < 1) {
            throw new ConfigurationException("maxMoveAttempts must be >= 1, was " + attempts);
        }
        this.maxMoveAttempts = attempts;
        return this;
    }

    public JourneysConfiguration commitPollInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.toMillis() < 1 || interval.toMinutes() > 10) {
            throw new ConfigurationException("commitPollInterval must be 1 ms..10 min, was " + interval);
        }
        this.commitPollInterval = interval;
        return this;
    }

    /** Adds a trigger plugin in code. Two plugins with one key fail {@link #load()}, naming both. */
    public JourneysConfiguration trigger(TriggerPlugin plugin) {
        triggers.add(Objects.requireNonNull(plugin, "plugin"));
        return this;
    }

    /** Adds a system journey in code, provisioned in every tenant. Two with one key fail {@link #load()}. */
    public JourneysConfiguration systemJourney(SystemJourneyPlugin plugin) {
        systemJourneys.add(Objects.requireNonNull(plugin, "plugin"));
        return this;
    }

    /**
     * Also loads every {@link TriggerPlugin} and {@link SystemJourneyPlugin} listed in
     * {@code META-INF/services} on the class path, with
     * this thread's context class loader, when the SDK loads. Off unless called.
     */
    public JourneysConfiguration discoverPlugins() {
        this.discoverPlugins = true;
        return this;
    }

    public JourneysConfiguration maxChainDepth(int depth) {
        if (depth < 0 || depth > 100) {
            throw new ConfigurationException("maxChainDepth must be 0..100, was " + depth);
        }
        this.maxChainDepth = depth;
        return this;
    }

    /**
     * How long a trigger plugin's own {@code validate} may take for one event; default 5 s. A plugin that
     * takes longer fails that event (the run log records it, and the event can be published again) instead
     * of holding the publisher. Plugins that keep the default {@code validate} are not timed.
     * {@link Duration#ZERO} calls every plugin on the publishing thread, with no limit.
     */
    public JourneysConfiguration pluginTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new ConfigurationException("pluginTimeout must be 0..10 min, was " + timeout);
        }
        this.pluginTimeout = timeout;
        return this;
    }

    /** Events {@code publishAsync} may queue before producers wait for room. */
    public JourneysConfiguration asyncQueueCapacity(int events) {
        if (events < 1 || events > 10_000_000) {
            throw new ConfigurationException("asyncQueueCapacity must be 1..10,000,000, was " + events);
        }
        async = new CoreSettings.Async(events, async.workers(), async.batchSize());
        return this;
    }

    public JourneysConfiguration asyncWorkers(int threads) {
        if (threads < 1 || threads > 64) {
            throw new ConfigurationException("asyncWorkers must be 1..64, was " + threads);
        }
        async = new CoreSettings.Async(async.queueCapacity(), threads, async.batchSize());
        return this;
    }

    /** Most events written in one transaction by the asynchronous publisher. */
    public JourneysConfiguration asyncBatchSize(int events) {
        if (events < 1 || events > 10_000) {
            throw new ConfigurationException("asyncBatchSize must be 1..10,000, was " + events);
        }
        async = new CoreSettings.Async(async.queueCapacity(), async.workers(), events);
        return this;
    }

    public JourneysConfiguration clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * The Guice module for hosts that use Guice. Bind nothing else; get {@link JourneysSdk} from the
     * injector and call {@link #start(Injector)} before first use.
     */
    public Module module() {
        return jdbcModule();
    }

    private JdbcModule jdbcModule() {
        List<TriggerPlugin> plugins = new ArrayList<>(triggers);
        List<SystemJourneyPlugin> systems = new ArrayList<>(systemJourneys);
        if (discoverPlugins) {
            ServiceLoader.load(TriggerPlugin.class).forEach(plugins::add);
            ServiceLoader.load(SystemJourneyPlugin.class).forEach(systems::add);
        }
        CoreSettings core = new CoreSettings(clock, placementCacheSize, journeyCacheSize, maxMoveAttempts, plugins,
                systems, maxChainDepth, async, pluginTimeout);
        boolean privateDatabase = dataSource.isEmpty() && jdbcUrl.isEmpty();
        Optional<String> url = privateDatabase ? Optional.of(privateInMemoryH2()) : jdbcUrl;
        return new JdbcModule(core, new DatabaseSettings(url, user, password, poolSize, dataSource,
                commitPollInterval, privateDatabase,
                new DatabaseSettings.Timeouts(connectionTimeout, statementTimeout, lockTimeout)));
    }

    /** Connects, migrates the schema and returns the running SDK. Close it to release the pool. */
    public JourneysSdk load() {
        JdbcModule module = jdbcModule();
        // Connecting and migrating, and building the injector, each take a few hundred milliseconds
        // of mostly class loading; side by side they start an embedded SDK about a fifth sooner.
        CompletableFuture<Void> opening = CompletableFuture.runAsync(module::openDatabase, runnable -> {
            Thread thread = new Thread(runnable, "journeys-open-database");
            thread.setDaemon(true);
            thread.start();
        });
        Injector injector;
        try {
            injector = Guice.createInjector(module);
        } catch (RuntimeException e) {
            opening.whenComplete((ok, failed) -> module.closeDatabase());
            throw e;
        }
        try {
            opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        try {
            return start(injector);
        } catch (RuntimeException e) {
            module.closeDatabase();
            throw e;
        }
    }

    /** Starts the SDK of an injector built with {@link #module()}; idempotent. */
    public static JourneysSdk start(Injector injector) {
        try {
            return injector.getInstance(SdkRuntime.class).start();
        } catch (ProvisionException e) {
            // A bad setting found while wiring (two plugins with one key) is the host's to fix: say it plainly.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof JourneysException journeys) {
                    throw journeys;
                }
            }
            throw e;
        }
    }

    private static String privateInMemoryH2() {
        return "jdbc:h2:mem:journeys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
}
