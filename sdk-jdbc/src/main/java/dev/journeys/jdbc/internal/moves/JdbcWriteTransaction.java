package dev.journeys.jdbc.internal.moves;

import dev.journeys.api.JourneyId;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.storage.Batch;
import dev.journeys.core.internal.storage.Commit;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.core.internal.storage.PlacementState;
import dev.journeys.core.internal.storage.WriteTransaction;
import dev.journeys.jdbc.internal.db.CommitFollower;
import dev.journeys.jdbc.internal.db.DatabaseErrors;
import dev.journeys.jdbc.internal.db.Db;
import dev.journeys.jdbc.internal.db.Dialect;
import dev.journeys.jdbc.internal.db.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;

/**
 * The move path's transaction on plain JDBC: every write of placements and history goes through
 * {@link #write}, to the {@link BatchWriter}. On H2 it holds the JVM locks that moves take (a stage removal:
 * the one that definition changes take) from its first write to its end; on PostgreSQL a journey read for
 * a batch is held by {@code FOR SHARE} on its row, and placements are read {@code FOR UPDATE}, so a batch
 * decided on them cannot lose its compare-and-set to another instance, except for first entries racing.
 * Commits are told to the other instances' followers once they are made.
 */
final class JdbcWriteTransaction implements WriteTransaction {

    /** Beyond this many moves in one transaction, followers are told to drop their state instead. */
    private static final int MAX_PUBLISHED = 10_000;

    private final Db db;
    private final BatchWriter writer;
    private final CommitFollower commits;
    private final String tenant;
    private final boolean readOnly;
    private final boolean postgres;
    private final Connection c;
    private final Map<Long, Long> journeyVersions = new HashMap<>();
    private final List<Lock> held = new ArrayList<>();
    private final List<Transition> unpublished = new ArrayList<>();
    private boolean tooManyToPublish;
    /** Whether a statement ran since the last commit or rollback: only then does closing have to roll back. */
    private boolean active;
    private long firstTransition;
    private long lastTransition;

    JdbcWriteTransaction(Db db, BatchWriter writer, DataSource dataSource, CommitFollower commits, String tenant, boolean readOnly) {
        this.db = db;
        this.writer = writer;
        this.commits = commits;
        this.tenant = tenant;
        this.readOnly = readOnly;
        this.postgres = db.dialect == Dialect.POSTGRES;
        try {
            this.c = dataSource.getConnection();
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw DatabaseErrors.failed("opening a connection for a write", e);
        }
    }

    @Override
    public long lockJourney(JourneyId journey) {
        Long known = journeyVersions.get(journey.value());
        if (known != null) {
            return known;
        }
        if (!readOnly) {
            hold(db.moveLock(journey.value()));
        }
        String sql = "select version from journeys where id = ? and tenant_id = ?" + (postgres && !readOnly ? " for share" : "");
        long version = sql(() -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, journey.value());
                ps.setString(2, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            }
        });
        journeyVersions.put(journey.value(), version);
        return version;
    }

    @Override
    public Map<String, PlacementState> placements(JourneyId journey, Collection<String> contacts) {
        // H2 probes the primary key for each wanted contact only when they come as a table to join.
        // PostgreSQL probes the (tenant, contact) index and filters the journey: with the journey usable by an
        // index, a journey its statistics call (nearly) empty, as a new journey is until the next ANALYZE,
        // was scanned whole for every batch, and a million-row import slowed to a fifth as it went.
        String sql = postgres
                ? "select contact_key, stage_id, entered_at, version from placements"
                        + " where tenant_id = ? and contact_key = any(?) and journey_id + 0 = ?" + (readOnly ? "" : " for update")
                : "select p.contact_key, p.stage_id, p.entered_at, p.version from table(k varchar = ?) w"
                        + " join placements p on p.journey_id = ? and p.contact_key = w.k where p.tenant_id = ?";
        return sql(() -> {
            Map<String, PlacementState> found = new HashMap<>();
            try (PreparedStatement ps = Db.plannedEachTime(c.prepareStatement(sql))) {
                if (postgres) {
                    ps.setString(1, tenant);
                    ps.setArray(2, c.createArrayOf("varchar", contacts.toArray(new String[0])));
                    ps.setLong(3, journey.value());
                } else {
                    ps.setObject(1, contacts.toArray(new String[0]));
                    ps.setLong(2, journey.value());
                    ps.setString(3, tenant);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String contact = rs.getString(1);
                        found.put(contact, new PlacementState(journey, contact, Rows.stage(rs, "stage_id"),
                                Rows.instant(rs, "entered_at"), rs.getLong("version")));
                    }
                }
            }
            for (String contact : contacts) {
                found.computeIfAbsent(contact, k -> PlacementState.never(journey, k));
            }
            return found;
        });
    }

    @Override
    public Map<String, Set<Long>> linesApplied(List<Long> jobIds, JourneyId journey, Collection<String> contacts) {
        return sql(() -> {
            Map<String, Set<Long>> lines = new HashMap<>();
            List<String> jobs = jobIds.stream().map(String::valueOf).toList();
            try (PreparedStatement ps = Db.plannedEachTime(c.prepareStatement("select contact_key, source_detail from transitions"
                    + " where journey_id = ? and tenant_id = ? and source_kind = 'IMPORT'"
                    + " and source_ref" + anyOf(jobs.size()) + " and contact_key" + anyOf(contacts.size())))) {
                ps.setLong(1, journey.value());
                ps.setString(2, tenant);
                int next = bindAnyOf(ps, 3, jobs);
                bindAnyOf(ps, next, contacts);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(Long.parseLong(rs.getString(2)));
                    }
                }
            }
            return lines;
        });
    }

    @Override
    public Commit write(Batch batch) {
        if (readOnly) {
            throw new IllegalStateException("a read-only transaction writes nothing");
        }
        lockFor(batch);
        // No savepoint: on PostgreSQL every savepoint that writes takes a subtransaction id, and past 64 of
        // them in one transaction every snapshot on the server slows down. The caller rolls back instead.
        Commit commit = sql(() -> writer.write(c, tenant, batch, transitionRange()));
        if (commit instanceof Commit.Applied applied) {
            for (Transition t : applied.transitions()) {
                firstTransition = firstTransition == 0 ? t.id() : Math.min(firstTransition, t.id());
                lastTransition = Math.max(lastTransition, t.id());
            }
            if (!tooManyToPublish && unpublished.size() + applied.transitions().size() <= MAX_PUBLISHED) {
                unpublished.addAll(applied.transitions());
            } else {
                tooManyToPublish = true;
                unpublished.clear();
            }
        }
        return commit;
    }

    /**
     * H2: moves exclude definition changes of their journeys, and a stage removal excludes moves of its
     * journey, for as long as the transaction lasts. Every run-log row is written under a lock too
     * (stripe 0 when there are no moves), which the run log's filer relies on ({@link RunLogContacts}).
     */
    private void lockFor(Batch batch) {
        if (batch.removal().isPresent()) {
            if (!held.isEmpty()) {
                throw new IllegalStateException("a stage removal must be the first write of its transaction");
            }
            hold(db.changeLock(batch.removal().get().journey().value()));
            return;
        }
        if (batch.moves().isEmpty() && batch.runLog().isEmpty()) {
            return;
        }
        long[] journeys = new long[batch.moves().size()];
        for (int i = 0; i < journeys.length; i++) {
            MoveWrite move = batch.moves().get(i);
            journeys[i] = move.journeyId().value();
        }
        db.moveLocks(journeys).forEach(this::hold);
    }

    private void hold(Lock lock) {
        if (lock != null) {
            lock.lock();
            held.add(lock);
        }
    }

    @Override
    public long[] transitionRange() {
        return new long[] {firstTransition, lastTransition};
    }

    @Override
    public void commit() {
        sql(() -> {
            c.commit();
            return null;
        });
        active = false;
        endTransaction();
        if (tooManyToPublish) {
            commits.publishedTooMany();
        } else {
            unpublished.forEach(t -> commits.published(tenant, t));
        }
        unpublished.clear();
        tooManyToPublish = false;
    }

    @Override
    public void rollback() {
        try {
            active = false;
            c.rollback();
        } catch (SQLException e) {
            throw DatabaseErrors.failed("rolling back", e);
        } finally {
            endTransaction();
            unpublished.clear();
            tooManyToPublish = false;
            firstTransition = 0;
            lastTransition = 0;
        }
    }

    private void endTransaction() {
        journeyVersions.clear();
        for (int i = held.size() - 1; i >= 0; i--) {
            held.get(i).unlock();
        }
        held.clear();
    }

    @Override
    public void close() {
        try {
            // A committed transaction has nothing to roll back; on PostgreSQL that would be a round trip more.
            if (active) {
                c.rollback();
            }
            c.close();
        } catch (SQLException e) {
            // the connection is gone, and with it the transaction it held
        } finally {
            endTransaction();
        }
    }

    /**
     * Membership in a list of values: one array parameter on PostgreSQL, whose planner probes the index
     * with it; an IN list on H2, whose planner does so only for IN lists (it scanned the whole table for
     * {@code = ANY(?)}: a 100,000-row import took a minute).
     */
    private String anyOf(int n) {
        return postgres ? " = any(?)" : " in (" + "?,".repeat(n - 1) + "?)";
    }

    /** @return the next parameter index */
    private int bindAnyOf(PreparedStatement ps, int index, Collection<String> values) throws SQLException {
        if (postgres) {
            ps.setArray(index, c.createArrayOf("varchar", values.toArray(new String[0])));
            return index + 1;
        }
        for (String value : values) {
            ps.setString(index++, value);
        }
        return index;
    }

    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    private <T> T sql(SqlCall<T> call) {
        active = true;
        try {
            return call.run();
        } catch (SQLException e) {
            throw DatabaseErrors.failed("writing moves", e);
        }
    }
}
