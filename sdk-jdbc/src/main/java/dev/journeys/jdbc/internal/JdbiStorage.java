package dev.journeys.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.journeys.api.ConfigurationException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.Placement;
import dev.journeys.api.StageId;
import dev.journeys.api.StorageException;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.CoreSettings;
import dev.journeys.api.Outcome;
import dev.journeys.api.RunLogQuery;
import dev.journeys.api.RunRecord;
import dev.journeys.core.internal.storage.StatusState;
import dev.journeys.core.internal.storage.StoredAutomation;
import dev.journeys.core.internal.storage.SystemJourneyDefinition;
import dev.journeys.api.StatusChange;
import dev.journeys.core.internal.storage.StoredCondition;
import dev.journeys.core.internal.storage.JourneyChange;
import dev.journeys.core.internal.storage.PlacementFeed;
import dev.journeys.core.internal.storage.PlacementState;
import dev.journeys.core.internal.storage.StagePosition;
import dev.journeys.core.internal.storage.Storage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import dev.journeys.api.ImportJob;
import dev.journeys.api.RowRejection;
import dev.journeys.core.internal.storage.ImportJobStart;
import dev.journeys.core.internal.storage.JobProgress;
import dev.journeys.core.internal.storage.UndoTarget;
import dev.journeys.core.internal.storage.WriteTransaction;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/** {@link Storage} on Jdbi. Connects and migrates in {@link #open()} or start, never at construction. */
final class JdbiStorage implements Storage {

    private final DatabaseSettings settings;
    private final Clock clock;
    private volatile DataSource dataSource;
    private volatile Db db;
    private volatile DefinitionStore definitions;
    private volatile PlacementStore placements;
    private volatile AutomationStore automations;
    private volatile SystemStore system;
    private volatile ImportStore imports;
    private volatile DashboardStore dashboard;
    private volatile DashboardFold fold;
    /** H2 only: PostgreSQL indexes the run log by contact. */
    private volatile Optional<RunLogContacts> runLogContacts;
    private volatile CommitFollower commits;

    JdbiStorage(DatabaseSettings settings, CoreSettings core) {
        this.settings = settings;
        this.clock = core.clock();
    }

    @Override
    public synchronized void start(PlacementFeed feed) {
        open();
        if (commits == null) {
            commits = db.dialect == Dialect.POSTGRES
                    ? new PostgresCommitPoller(db.jdbi, feed, settings.commitPollInterval())
                    : new InProcessCommitBus(db.database, feed);
        }
    }

    /** Connects and migrates the schema; idempotent. May run before {@link #start}, on another thread. */
    synchronized void open() {
        if (db != null) {
            return;
        }
        DataSource ds = settings.hostDataSource().orElseGet(this::pool);
        try {
            Dialect dialect = settings.jdbcUrl().map(Dialect::ofUrl).orElseGet(() -> detect(ds));
            Object database = dialect == Dialect.H2 ? h2Identity(ds) : urlOrPool(ds);
            migrations(dialect)
                    .dataSource(ds)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            MoveWriter moveWriter = new MoveWriter(dialect);
            Db opened = new Db(Jdbi.create(ds), moveWriter, dialect, database);
            definitions = new DefinitionStore(opened);
            placements = new PlacementStore(opened);
            automations = new AutomationStore(opened);
            system = new SystemStore(opened);
            imports = new ImportStore(opened);
            dashboard = new DashboardStore(opened);
            fold = new DashboardFold(opened, ds);
            runLogContacts = dialect == Dialect.H2 ? Optional.of(new RunLogContacts(opened, ds)) : Optional.empty();
            dataSource = ds;
            db = opened;
        } catch (FlywayException e) {
            closeIfOwned(ds);
            throw new StorageException("schema migration failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeIfOwned(ds);
            throw e;
        }
    }

    private DataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl().orElseThrow());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("journeys");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("cannot connect to " + settings.jdbcUrl().get() + ": " + e.getMessage(), e);
        }
    }

    /** The SDK's schema migrations for a database, SQL and Java alike; where they run is the caller's to say. */
    static org.flywaydb.core.api.configuration.FluentConfiguration migrations(Dialect dialect) {
        return Flyway.configure()
                .locations("classpath:db/journeys/common", "classpath:db/journeys/vendor-" + dialect.flywayVendor)
                .javaMigrations(new RunLogMigration())
                .table("journeys_schema_history");
    }

    /**
     * What SDK instances in this JVM on one embedded H2 database share their commits and move locks by. A
     * file database: its absolute path, however a URL spells it. An in-memory one: the URL or the pool, as
     * before, because H2 names it only by the last segment of its name, upper-cased, so two different
     * in-memory databases ({@code mem:a/db}, {@code mem:b/db}) would share one key and each other's commits.
     * A host pool onto H2 over TCP is refused here, as such a URL is when configured; H2 drops
     * {@code AUTO_SERVER} from the URL a connection reports, so a host pool with it cannot be caught.
     */
    private Object h2Identity(DataSource ds) {
        try (Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("select database_path()")) {
            Dialect.requireEmbeddedH2(c.getMetaData().getURL());
            rs.next();
            String path = rs.getString(1);
            return path != null ? "h2:" + path : urlOrPool(ds);
        } catch (SQLException e) {
            throw new StorageException("cannot identify the H2 database: " + e.getMessage(), e);
        }
    }

    private Object urlOrPool(DataSource ds) {
        return settings.jdbcUrl().<Object>map(url -> url).orElse(ds);
    }

    private static Dialect detect(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return Dialect.ofProductName(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new StorageException("cannot connect to the host's data source: " + e.getMessage(), e);
        }
    }

    private void closeIfOwned(DataSource ds) {
        if (settings.hostDataSource().isEmpty() && ds instanceof HikariDataSource hikari) {
            hikari.close();
        }
    }

    @Override
    public synchronized void close() {
        if (dataSource == null) {
            return;
        }
        if (commits != null) {
            commits.close();
        }
        // The private in-memory H2 outlives its connections (DB_CLOSE_DELAY=-1); free it with the SDK.
        if (settings.privateDatabase()) {
            try (Connection c = dataSource.getConnection()) {
                c.createStatement().execute("shutdown");
            } catch (SQLException e) {
                // already gone: nothing left to free
            }
        }
        closeIfOwned(dataSource);
        dataSource = null;
    }

    private DefinitionStore definitions() {
        DefinitionStore d = definitions;
        if (d == null) {
            throw new ConfigurationException("the SDK has not been started");
        }
        return d;
    }

    private PlacementStore placements() {
        PlacementStore p = placements;
        if (p == null) {
            throw new ConfigurationException("the SDK has not been started");
        }
        return p;
    }

    @Override
    public Journey createJourney(String tenant, String name, Journey.Kind kind, boolean requiresSequence,
                                 boolean allowsBackward, List<String> stageNames) {
        return definitions().create(tenant, name, kind, requiresSequence, allowsBackward, stageNames,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public Optional<Journey> findJourney(String tenant, JourneyId id) {
        return definitions().find(tenant, id);
    }

    @Override
    public Optional<Journey> findJourneyByName(String tenant, String name) {
        return definitions().findByName(tenant, name);
    }

    @Override
    public List<Journey> listJourneys(String tenant) {
        return definitions().list(tenant);
    }

    @Override
    public Optional<JourneyId> journeyOfStage(String tenant, StageId stage) {
        return definitions().journeyOfStage(tenant, stage);
    }

    @Override
    public Journey changeJourney(String tenant, JourneyId id, long expectedVersion, JourneyChange change) {
        return definitions().change(tenant, id, expectedVersion, change);
    }

    @Override
    public PlacementState loadPlacement(String tenant, JourneyId journey, String contactKey) {
        return placements().load(tenant, journey, contactKey);
    }

    @Override
    public WriteTransaction begin(String tenant, boolean readOnly) {
        Db d = db();
        return new JdbcWriteTransaction(d, dataSource, commits, tenant, readOnly);
    }

    @Override
    public List<Placement> placementsOfContact(String tenant, String contactKey) {
        return placements().ofContact(tenant, contactKey);
    }

    @Override
    public List<Placement> placementsInStage(String tenant, JourneyId journey, StageId stage,
                                             Optional<Instant> enteredBefore, Optional<StagePosition> after, int limit) {
        return placements().inStage(tenant, journey, stage, enteredBefore, after, limit);
    }

    @Override
    public Map<StageId, Long> countByStage(String tenant, JourneyId journey) {
        return placements().countByStage(tenant, journey);
    }

    @Override
    public List<Transition> history(String tenant, JourneyId journey, String contactKey) {
        return placements().history(tenant, journey, contactKey);
    }

    private Db db() {
        Db d = db;
        if (d == null) {
            throw new ConfigurationException("the SDK has not been started");
        }
        return d;
    }

    @Override
    public StoredAutomation createAutomation(String tenant, String name, String triggerType,
                                             List<StoredCondition> conditions, List<Outcome> outcomes, boolean enabled,
                                             Instant now) {
        db();
        return automations.create(tenant, name, triggerType, conditions, outcomes, enabled, now);
    }

    @Override
    public List<StoredAutomation> automations(String tenant, Optional<String> triggerType) {
        db();
        return automations.list(tenant, triggerType);
    }

    @Override
    public Optional<StoredAutomation> automation(String tenant, long id) {
        db();
        return automations.find(tenant, id);
    }

    @Override
    public Optional<StoredAutomation> setAutomationEnabled(String tenant, long id, boolean enabled) {
        db();
        return automations.setEnabled(tenant, id, enabled);
    }

    @Override
    public void registerTenant(String tenant, Instant now) {
        db();
        system.registerTenant(tenant, now);
    }

    @Override
    public List<String> tenants() {
        db();
        return system.tenants();
    }

    @Override
    public Journey provisionSystemJourney(String tenant, SystemJourneyDefinition definition, Instant now) {
        db();
        return system.provision(tenant, definition, now);
    }

    @Override
    public StatusState loadStatus(String tenant, String contactKey) {
        db();
        return system.loadStatus(tenant, contactKey);
    }

    @Override
    public List<StatusChange> statusHistory(String tenant, String contactKey) {
        db();
        return system.history(tenant, contactKey);
    }

    @Override
    public List<RunRecord> runLog(String tenant, RunLogQuery query) {
        db();
        return automations.runLog(tenant, query);
    }

    @Override
    public boolean eventApplied(String tenant, String eventId) {
        db();
        return automations.eventApplied(tenant, eventId);
    }

    // ---- imports

    private ImportStore imports() {
        definitions();
        return imports;
    }

    @Override
    public ImportJob createImportJob(String tenant, ImportJobStart start) {
        return imports().create(tenant, start);
    }

    @Override
    public void updateImportJob(String tenant, long jobId, JobProgress progress) {
        imports().update(tenant, jobId, progress);
    }

    @Override
    public void recordRejections(String tenant, long jobId, List<RowRejection> rejections) {
        imports().recordRejections(tenant, jobId, rejections);
    }

    @Override
    public Optional<ImportJob> importJob(String tenant, long jobId) {
        return imports().find(tenant, jobId);
    }

    @Override
    public List<ImportJob> importJobs(String tenant, Optional<Long> beforeId, int limit) {
        return imports().list(tenant, beforeId, limit);
    }

    @Override
    public List<RowRejection> importRejections(String tenant, long jobId, long afterLine, int limit) {
        return imports().rejections(tenant, jobId, afterLine, limit);
    }

    @Override
    public List<Long> importJobsOfFile(String tenant, String fingerprint) {
        return imports().jobsOfFile(tenant, fingerprint);
    }

    @Override
    public List<Transition> importTransitions(String tenant, long jobId, long afterId, long toId, int limit) {
        return imports().transitions(tenant, jobId, afterId, toId, limit);
    }

    @Override
    public void forEachUndoTarget(String tenant, long jobId, Consumer<UndoTarget> target) {
        imports().forEachUndoTarget(tenant, jobId, target);
    }

    @Override
    public boolean claimUndo(String tenant, long jobId, Instant at) {
        return imports().claimUndo(tenant, jobId, at);
    }

    // ---- dashboard

    @Override
    public void forEachTransitionByEffectiveTime(String tenant, JourneyId journey, Optional<Instant> upTo,
                                                 Consumer<Transition> each) {
        definitions();
        dashboard.forEachTransition(tenant, journey, upTo, each);
    }

    @Override
    public void forEachPlacement(String tenant, JourneyId journey, Consumer<Placement> each) {
        definitions();
        dashboard.forEachPlacement(tenant, journey, each);
    }

    @Override
    public boolean foldDashboard() {
        definitions();
        // The run log's by-contact filing rides on the fold's cadence: both are background catching-up, and
        // neither's failure keeps the other from running.
        RuntimeException failure = null;
        boolean more = false;
        try {
            more = fold.fold() >= DashboardFold.CHUNK;
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            more |= runLogContacts.map(r -> r.file() >= RunLogContacts.CHUNK).orElse(false);
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return more;
    }

    @Override
    public dev.journeys.core.internal.storage.DashboardSlice readDashboard(String tenant, JourneyId journey,
                                                                          dev.journeys.core.internal.storage.DashboardRead read) {
        definitions();
        return dashboard.read(tenant, journey, read);
    }

    @Override
    public <T> T readConsistently(java.util.function.Supplier<T> reads) {
        // Jdbi lends this transaction's handle to every read on the thread, and the dashboard's own snapshot
        // reads join it at the same level.
        Db d = db();
        return Db.call(() -> d.jdbi.inTransaction(DashboardStore.snapshotLevel(d.dialect), h -> reads.get()));
    }

    @Override
    public void rebuildDashboard(String tenant, JourneyId journey) {
        definitions();
        fold.rebuild(tenant, journey);
    }
}
