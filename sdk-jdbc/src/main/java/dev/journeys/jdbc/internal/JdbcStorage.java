package dev.journeys.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.journeys.core.internal.config.CoreSettings;
import dev.journeys.core.internal.storage.PlacementFeed;
import dev.journeys.core.internal.storage.StorageLifecycle;
import dev.journeys.jdbc.internal.automation.AutomationStore;
import dev.journeys.jdbc.internal.automation.RunLogMigration;
import dev.journeys.jdbc.internal.dashboard.DashboardStore;
import dev.journeys.jdbc.internal.db.CommitFollower;
import dev.journeys.jdbc.internal.db.Database;
import dev.journeys.jdbc.internal.db.DatabaseErrors;
import dev.journeys.jdbc.internal.db.Db;
import dev.journeys.jdbc.internal.db.Dialect;
import dev.journeys.jdbc.internal.db.Secrets;
import dev.journeys.jdbc.internal.imports.ImportStore;
import dev.journeys.jdbc.internal.journeys.DefinitionStore;
import dev.journeys.jdbc.internal.moves.InProcessCommitBus;
import dev.journeys.jdbc.internal.moves.JdbcMoveStorage;
import dev.journeys.jdbc.internal.moves.PlacementStore;
import dev.journeys.jdbc.internal.moves.PostgresCommitPoller;
import dev.journeys.jdbc.internal.status.SystemStore;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * The JDBC storage as a whole: connects and migrates in {@link #open()} or {@link #start}, never at
 * construction, and closes. The stores of each concern are made here, before anything connects, and reach
 * the database through one {@link Database} that this opens and closes.
 */
final class JdbcStorage implements StorageLifecycle {

    private final DatabaseSettings settings;
    private final Database database = new Database();
    private volatile DataSource dataSource;
    private volatile CommitFollower commits;

    final DefinitionStore journeys;
    final PlacementStore placements;
    final JdbcMoveStorage moves;
    final AutomationStore automations;
    final SystemStore statuses;
    final ImportStore imports;
    final DashboardStore dashboard;

    JdbcStorage(DatabaseSettings settings, CoreSettings core) {
        this.settings = settings;
        this.journeys = new DefinitionStore(database, core.clock());
        this.placements = new PlacementStore(database);
        this.moves = new JdbcMoveStorage(database);
        this.automations = new AutomationStore(database);
        this.statuses = new SystemStore(database);
        this.imports = new ImportStore(database);
        // The run log's by-contact filing rides on the fold's cadence: both are background catching-up.
        this.dashboard = new DashboardStore(database, automations::fileByContact);
    }

    @Override
    public synchronized void start(PlacementFeed feed) {
        open();
        if (commits == null) {
            Db db = database.db();
            commits = db.dialect == Dialect.POSTGRES
                    ? new PostgresCommitPoller(db.jdbi, feed, settings.commitPollInterval())
                    : new InProcessCommitBus(db.database, feed);
            database.following(commits);
        }
    }

    /** Connects and migrates the schema; idempotent. May run before {@link #start}, on another thread. */
    synchronized void open() {
        if (database.isOpen()) {
            return;
        }
        DataSource ds = settings.hostDataSource().orElseGet(this::pool);
        try {
            Dialect dialect = settings.jdbcUrl().map(Dialect::ofUrl).orElseGet(() -> detect(ds));
            Object identity = dialect == Dialect.H2 ? h2Identity(ds) : urlOrPool(ds);
            migrations(dialect)
                    .dataSource(ds)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            dataSource = ds;
            database.opened(new Db(Jdbi.create(ds), dialect, identity), ds);
        } catch (FlywayException e) {
            closeIfOwned(ds);
            throw DatabaseErrors.failed("migrating the schema", e);
        } catch (RuntimeException e) {
            closeIfOwned(ds);
            throw e;
        }
    }

    private DataSource pool() {
        HikariConfig config = new HikariConfig();
        // A password in the URL goes to the pool as a credential: drivers and pools print URLs, not credentials.
        Secrets.SplitUrl url = Secrets.splitPassword(settings.jdbcUrl().orElseThrow());
        DatabaseSettings.Timeouts timeouts = settings.timeouts();
        Dialect dialect = Dialect.ofUrl(url.url());
        config.setJdbcUrl(dialect == Dialect.H2 ? withH2Timeouts(url.url(), timeouts) : url.url());
        if (dialect == Dialect.POSTGRES) {
            // Given at connection start-up, so that bounding a statement costs no round trip of its own.
            config.addDataSourceProperty("options", "-c statement_timeout=" + timeouts.statement().toMillis()
                    + " -c lock_timeout=" + timeouts.lock().toMillis());
        }
        settings.user().ifPresent(config::setUsername);
        settings.password().or(url::password).ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(timeouts.connection().toMillis());
        config.setPoolName("journeys");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw DatabaseErrors.failed("connecting to " + settings.jdbcUrl().get(), e);
        }
    }

    /** An H2 URL with the SDK's bounds on waits, unless the URL sets its own. */
    static String withH2Timeouts(String url, DatabaseSettings.Timeouts timeouts) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        StringBuilder bounded = new StringBuilder(url);
        if (!upper.contains(";LOCK_TIMEOUT=")) {
            bounded.append(";LOCK_TIMEOUT=").append(timeouts.lock().toMillis());
        }
        if (!upper.contains(";QUERY_TIMEOUT=")) {
            bounded.append(";QUERY_TIMEOUT=").append(timeouts.statement().toMillis());
        }
        return bounded.toString();
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
            throw DatabaseErrors.failed("identifying the H2 database", e);
        }
    }

    private Object urlOrPool(DataSource ds) {
        return settings.jdbcUrl().<Object>map(url -> url).orElse(ds);
    }

    private static Dialect detect(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return Dialect.ofProductName(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw DatabaseErrors.failed("connecting to the host's data source", e);
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
            database.closed();
            return;
        }
        if (commits != null) {
            commits.close();
        }
        database.closed();
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
}
