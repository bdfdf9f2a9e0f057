package dev.journeys.jdbc.internal.db;

import dev.journeys.api.ConfigurationException;
import dev.journeys.api.ClosedException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The database as every store of one SDK reaches it: absent until the SDK opens it, gone once it closes. The
 * stores are made, and wired, before anything connects; each call asks this for the database it works on.
 */
public final class Database {

    private volatile Db db;
    private volatile DataSource dataSource;
    private volatile CommitFollower commits;
    private volatile boolean closed;
    private final Map<Class<?>, Object> perOpen = new ConcurrentHashMap<>();

    /** The database now, for one call. */
    public Db db() {
        Db d = db;
        if (d == null) {
            throw closed ? new ClosedException("the SDK is closed")
                    : new ConfigurationException("the SDK has not been started");
        }
        return d;
    }

    public DataSource dataSource() {
        db();
        return dataSource;
    }

    /** Who hears of this instance's commits; set once the SDK has started. */
    public CommitFollower commits() {
        CommitFollower c = commits;
        if (c == null) {
            db();
            throw new ConfigurationException("the SDK has not been started");
        }
        return c;
    }

    /** A component that lives as long as the open database, made on first use. */
    @SuppressWarnings("unchecked")
    public <T> T perOpen(Class<T> kind, Function<Db, T> make) {
        Db d = db();
        return (T) perOpen.computeIfAbsent(kind, k -> make.apply(d));
    }

    public boolean isOpen() {
        return db != null;
    }

    public void opened(Db opened, DataSource source) {
        this.dataSource = source;
        this.db = opened;
    }

    public void following(CommitFollower follower) {
        this.commits = follower;
    }

    /** From now on every call fails with a {@link ClosedException}. */
    public void closed() {
        closed = true;
        db = null;
        commits = null;
        perOpen.clear();
    }
}
