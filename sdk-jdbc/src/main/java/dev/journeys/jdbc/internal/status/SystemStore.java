package dev.journeys.jdbc.internal.status;

import dev.journeys.api.Journey;
import dev.journeys.api.StatusChange;
import dev.journeys.api.StorageException;
import dev.journeys.core.internal.status.StatusState;
import dev.journeys.core.internal.status.StatusStorage;
import dev.journeys.core.internal.status.SystemJourneyDefinition;
import dev.journeys.core.internal.storage.StatusRow;
import dev.journeys.jdbc.internal.db.Database;
import dev.journeys.jdbc.internal.db.Db;
import dev.journeys.jdbc.internal.db.Rows;
import dev.journeys.jdbc.internal.db.SourceCodec;
import dev.journeys.jdbc.internal.journeys.DefinitionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Tenants, system journeys and contact statuses. */
public final class SystemStore implements StatusStorage {

    private final Database database;

    public SystemStore(Database database) {
        this.database = database;
    }

    private Db db() {
        return database.db();
    }

    @Override
    public void registerTenant(String tenant, Instant now) {
        try {
            Db.call(() -> db().jdbi.withHandle(h -> h.createUpdate(
                            "insert into tenants (tenant_id, created_at) values (:tenant, :now)")
                    .bind("tenant", tenant).bind("now", Rows.utc(now)).execute()));
        } catch (RuntimeException e) {
            // Registered before, by this instance or another: registered either way.
            if (!Db.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    @Override
    public List<String> tenants() {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createQuery("select tenant_id from tenants order by tenant_id")
                .mapTo(String.class).list()));
    }

    @Override
    public Journey provisionSystemJourney(String tenant, SystemJourneyDefinition definition, Instant now) {
        // Separate attempts, not one transaction: on PostgreSQL a failed insert spoils the transaction it is in.
        for (int attempt = 0; attempt < 3; attempt++) {
            String name = attempt == 0 ? definition.name() : definition.name() + " (system)";
            try {
                return Db.call(() -> db().jdbi.inTransaction(h -> provisionOnce(h, tenant, definition, name, now)));
            } catch (RuntimeException e) {
                if (!Db.isUniqueViolation(e)) {
                    throw e;
                }
                // Either another instance provisioned it first (found next time), or a custom journey
                // already has the name (the next attempt takes a suffixed one).
            }
        }
        throw new StorageException("could not provision system journey " + definition.key() + " in tenant " + tenant);
    }

    private static Journey provisionOnce(Handle h, String tenant, SystemJourneyDefinition d, String name, Instant now) {
        Optional<long[]> existing = h.createQuery("""
                        select id, system_version from journeys
                         where tenant_id = :tenant and system_key = :key for update""")
                .bind("tenant", tenant).bind("key", d.key())
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne();
        long id;
        if (existing.isEmpty()) {
            id = h.createUpdate("""
                            insert into journeys (tenant_id, name, name_key, kind, requires_sequence, allows_backward,
                              archived, version, created_at, system_key, system_version)
                            values (:tenant, :name, :nameKey, 'SYSTEM', :seq, false, false, 1, :now, :key, :systemVersion)""")
                    .bind("tenant", tenant).bind("name", name).bind("nameKey", name.toLowerCase(Locale.ROOT))
                    .bind("seq", d.requiresSequence()).bind("now", Rows.utc(now)).bind("key", d.key())
                    .bind("systemVersion", d.version())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            appendStages(h, tenant, id, d.stages(), 0);
        } else {
            id = existing.get()[0];
            if (existing.get()[1] < d.version()) {
                upgrade(h, tenant, id, d);
            }
        }
        return DefinitionStore.load(h, tenant, id).orElseThrow();
    }

    /** Appends the stages the stored copy lacks; never removes or renames, so history keeps its meaning. */
    private static void upgrade(Handle h, String tenant, long id, SystemJourneyDefinition d) {
        List<String> current = h.createQuery("select name_key from stages where journey_id = :id and not removed")
                .bind("id", id).mapTo(String.class).list();
        Set<String> have = new HashSet<>(current);
        List<String> missing = d.stages().stream().filter(s -> !have.contains(s.toLowerCase(Locale.ROOT))).toList();
        appendStages(h, tenant, id, missing, current.size());
        h.createUpdate("update journeys set system_version = :v, version = version + 1 where id = :id")
                .bind("v", d.version()).bind("id", id).execute();
    }

    private static void appendStages(Handle h, String tenant, long journey, List<String> names, int firstPosition) {
        for (int i = 0; i < names.size(); i++) {
            h.createUpdate("""
                            insert into stages (journey_id, tenant_id, name, name_key, position, removed)
                            values (:journey, :tenant, :name, :key, :position, false)""")
                    .bind("journey", journey).bind("tenant", tenant).bind("name", names.get(i))
                    .bind("key", names.get(i).toLowerCase(Locale.ROOT)).bind("position", firstPosition + i).execute();
        }
    }

    @Override
    public StatusState loadStatus(String tenant, String contactKey) {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createQuery("""
                        select status, version from contact_statuses where tenant_id = :tenant and contact_key = :contact""")
                .bind("tenant", tenant).bind("contact", contactKey)
                .map((rs, ctx) -> new StatusState(Optional.of(rs.getString(1)), rs.getLong(2))).findOne()
                .orElse(new StatusState(Optional.empty(), 0))));
    }

    /**
     * Writes a status change inside the move path's transaction, by compare-and-set on the status version.
     *
     * @return the change, or empty when the status moved on since it was read (a unique violation, a first
     *         status racing another writer, is thrown for the caller to take as the same)
     */
    public static Optional<StatusChange> write(Connection c, String tenant, StatusRow w) throws SQLException {
        String sql = w.expectedVersion() == 0
                ? "insert into contact_statuses (status, updated_at, tenant_id, contact_key, version) values (?, ?, ?, ?, 1)"
                : "update contact_statuses set status = ?, updated_at = ?, version = version + 1"
                        + " where tenant_id = ? and contact_key = ? and version = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, w.to());
            ps.setObject(2, Rows.utc(w.at()));
            ps.setString(3, tenant);
            ps.setString(4, w.contactKey());
            if (w.expectedVersion() > 0) {
                ps.setLong(5, w.expectedVersion());
            }
            if (ps.executeUpdate() != 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into status_changes (tenant_id, contact_key, from_status, to_status, actor, changed_at, status_version,
                  actor_kind)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"})) {
            ps.setString(1, tenant);
            ps.setString(2, w.contactKey());
            ps.setString(3, w.from().orElse(null));
            ps.setString(4, w.to());
            ps.setString(5, w.actor().name());
            ps.setObject(6, Rows.utc(w.at()));
            ps.setLong(7, w.expectedVersion() + 1);
            ps.setString(8, SourceCodec.actorKind(w.actor()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return Optional.of(new StatusChange(keys.getLong(1), w.contactKey(), w.from(), w.to(), w.actor(), w.at()));
            }
        }
    }

    @Override
    public List<StatusChange> statusHistory(String tenant, String contactKey) {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createQuery("""
                        select id, from_status, to_status, actor, actor_kind, changed_at from status_changes
                         where tenant_id = :tenant and contact_key = :contact order by status_version""")
                .bind("tenant", tenant).bind("contact", contactKey)
                .map((rs, ctx) -> new StatusChange(rs.getLong("id"), contactKey,
                        Optional.ofNullable(rs.getString("from_status")), rs.getString("to_status"),
                        SourceCodec.actor(rs.getString("actor_kind"), rs.getString("actor")), Rows.instant(rs, "changed_at")))
                .list()));
    }
}
