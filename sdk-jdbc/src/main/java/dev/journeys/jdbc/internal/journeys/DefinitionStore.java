package dev.journeys.jdbc.internal.journeys;

import dev.journeys.api.ConcurrentChangeException;
import dev.journeys.api.DuplicateNameException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyRef;
import dev.journeys.api.NotFoundException;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.StageRef;
import dev.journeys.core.internal.moves.JourneyChange;
import dev.journeys.core.internal.moves.JourneyStorage;
import dev.journeys.core.internal.moves.StageOwner;
import dev.journeys.core.internal.storage.StageRemoval;
import dev.journeys.jdbc.internal.db.Database;
import dev.journeys.jdbc.internal.db.DatabaseErrors;
import dev.journeys.jdbc.internal.db.Db;
import dev.journeys.jdbc.internal.db.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Journey definitions: journeys and their stages, changed only under the journey's row lock. */
public final class DefinitionStore implements JourneyStorage {

    private static final String JOURNEY_COLUMNS =
            "id, name, kind, requires_sequence, allows_backward, archived, version";

    private record JourneyRow(long id, String name, Journey.Kind kind, boolean requiresSequence,
                              boolean allowsBackward, boolean archived, long version) {
        Journey with(List<Stage> stages) {
            return new Journey(new JourneyId(id), name, kind, requiresSequence, allowsBackward, archived, stages, version);
        }
    }

    private final Database database;
    private final Clock clock;

    public DefinitionStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    private Db db() {
        return database.db();
    }

    @Override
    public Journey createJourney(String tenant, String name, Journey.Kind kind, boolean requiresSequence, boolean allowsBackward,
                   List<String> stageNames) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            return Db.call(() -> db().jdbi.inTransaction(h -> {
                long id = h.createUpdate("""
                                insert into journeys (tenant_id, name, name_key, kind, requires_sequence,
                                  allows_backward, archived, version, created_at)
                                values (:tenant, :name, :key, :kind, :seq, :back, false, 1, :now)""")
                        .bind("tenant", tenant).bind("name", name).bind("key", key(name)).bind("kind", kind.name())
                        .bind("seq", requiresSequence).bind("back", allowsBackward).bind("now", Rows.utc(now))
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                PreparedBatch batch = h.prepareBatch("""
                        insert into stages (journey_id, tenant_id, name, name_key, position, removed)
                        values (:journey, :tenant, :name, :key, :position, false)""");
                for (int i = 0; i < stageNames.size(); i++) {
                    batch.bind("journey", id).bind("tenant", tenant).bind("name", stageNames.get(i))
                            .bind("key", key(stageNames.get(i))).bind("position", i).add();
                }
                batch.execute();
                return load(h, tenant, id).orElseThrow();
            }));
        } catch (RuntimeException e) {
            throw duplicateOr(e, "journey name '" + name + "' is taken in tenant " + tenant);
        }
    }

    @Override
    public Optional<Journey> findJourney(String tenant, JourneyId id) {
        return Db.call(() -> db().jdbi.withHandle(h -> load(h, tenant, id.value())));
    }

    @Override
    public Optional<Journey> findJourneyByName(String tenant, String name) {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createQuery(
                        "select id from journeys where tenant_id = :tenant and name_key = :key")
                .bind("tenant", tenant).bind("key", key(name)).mapTo(Long.class).findOne()
                .flatMap(id -> load(h, tenant, id))));
    }

    @Override
    public List<Journey> listJourneys(String tenant) {
        return Db.call(() -> db().jdbi.withHandle(h -> {
            Map<Long, List<Stage>> stages = new LinkedHashMap<>();
            h.createQuery("""
                            select s.journey_id, s.id, s.name, s.position, s.expected_days from stages s
                             where s.tenant_id = :tenant and not s.removed order by s.journey_id, s.position""")
                    .bind("tenant", tenant)
                    .map((rs, ctx) -> Map.entry(rs.getLong("journey_id"), stageRow(rs)))
                    .forEach(e -> stages.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return h.createQuery("select " + JOURNEY_COLUMNS + " from journeys where tenant_id = :tenant order by name_key, id")
                    .bind("tenant", tenant).map(DefinitionStore::journeyRow).list().stream()
                    .map(row -> row.with(stages.getOrDefault(row.id(), List.of())))
                    .toList();
        }));
    }

    @Override
    public Optional<StageOwner> ownerOfStage(String tenant, StageId stage) {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createQuery("""
                        select j.id, j.name as journey_name, s.name as stage_name from stages s
                          join journeys j on j.id = s.journey_id
                         where s.id = :stage and s.tenant_id = :tenant""")
                .bind("stage", stage.value()).bind("tenant", tenant)
                .map((rs, ctx) -> new StageOwner(new JourneyRef(new JourneyId(rs.getLong("id")), rs.getString("journey_name")),
                        new StageRef(stage, rs.getString("stage_name"))))
                .findOne()));
    }

    @Override
    public Journey changeJourney(String tenant, JourneyId id, long expectedVersion, JourneyChange change) {
        try {
            return db().asChange(id.value(), () -> db().jdbi.inTransaction(h -> {
                long version = h.createQuery("select version from journeys where id = :id and tenant_id = :tenant for update")
                        .bind("id", id.value()).bind("tenant", tenant).mapTo(Long.class).findOne()
                        .orElseThrow(() -> NotFoundException.journey(id));
                if (version != expectedVersion) {
                    throw new ConcurrentChangeException(id + " changed from version " + expectedVersion + " to " + version);
                }
                apply(h, tenant, id, change);
                h.createUpdate("update journeys set version = version + 1 where id = :id")
                        .bind("id", id.value()).execute();
                return load(h, tenant, id.value()).orElseThrow();
            }));
        } catch (RuntimeException e) {
            throw duplicateOr(e, "that name is already taken in " + id);
        }
    }

    private static void apply(Handle h, String tenant, JourneyId id, JourneyChange change) {
        if (change instanceof JourneyChange.Rename rename) {
            h.createUpdate("update journeys set name = :name, name_key = :key where id = :id")
                    .bind("name", rename.name()).bind("key", key(rename.name())).bind("id", id.value()).execute();
        } else if (change instanceof JourneyChange.Archive) {
            h.createUpdate("update journeys set archived = true where id = :id").bind("id", id.value()).execute();
        } else if (change instanceof JourneyChange.AddStage add) {
            h.createUpdate("""
                            insert into stages (journey_id, tenant_id, name, name_key, position, removed)
                            select :journey, :tenant, :name, :key, coalesce(max(position), -1) + 1, false
                              from stages where journey_id = :journey and not removed""")
                    .bind("journey", id.value()).bind("tenant", tenant).bind("name", add.name())
                    .bind("key", key(add.name())).execute();
        } else if (change instanceof JourneyChange.RenameStage rename) {
            h.createUpdate("update stages set name = :name, name_key = :key where id = :stage and journey_id = :journey")
                    .bind("name", rename.name()).bind("key", key(rename.name()))
                    .bind("stage", rename.stage().value()).bind("journey", id.value()).execute();
        } else if (change instanceof JourneyChange.SetExpectedDays expected) {
            h.createUpdate("update stages set expected_days = :days where id = :stage and journey_id = :journey")
                    .bind("days", expected.days().isPresent() ? expected.days().getAsInt() : null)
                    .bind("stage", expected.stage().value()).bind("journey", id.value()).execute();
        } else if (change instanceof JourneyChange.Reorder reorder) {
            try {
                renumber(h.getConnection(), id, reorder.order());
            } catch (SQLException e) {
                throw DatabaseErrors.failed("reordering the stages of " + id, e);
            }
        }
    }

    /**
     * Removes a stage inside the move path's transaction, after the moves that relocated its contacts:
     * the journey's version moves on, by compare-and-set, and the stage must be empty by then.
     *
     * @return the journey as it now stands; empty, with the caller to roll back, when the journey changed or a
     *         contact entered the stage since the removal was planned
     */
    public static Optional<Journey> removeStage(Connection c, String tenant, StageRemoval removal) throws SQLException {
        long journey = removal.journey().value();
        try (PreparedStatement ps = c.prepareStatement(
                "update journeys set version = version + 1 where id = ? and tenant_id = ? and version = ?")) {
            ps.setLong(1, journey);
            ps.setString(2, tenant);
            ps.setLong(3, removal.journeyVersion());
            if (ps.executeUpdate() != 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select count(*) from placements where stage_id = ? and journey_id = ?")) {
            ps.setLong(1, removal.stage().value());
            ps.setLong(2, journey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    return Optional.empty();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update stages set removed = true, name_key = null where id = ? and journey_id = ?")) {
            ps.setLong(1, removal.stage().value());
            ps.setLong(2, journey);
            ps.executeUpdate();
        }
        List<StageId> remaining = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id from stages where journey_id = ? and not removed order by position")) {
            ps.setLong(1, journey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    remaining.add(new StageId(rs.getLong(1)));
                }
            }
        }
        renumber(c, removal.journey(), remaining);
        return load(c, tenant, journey);
    }

    private static void renumber(Connection c, JourneyId id, List<StageId> order) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update stages set position = ? where id = ? and journey_id = ?")) {
            for (int i = 0; i < order.size(); i++) {
                ps.setInt(1, i);
                ps.setLong(2, order.get(i).value());
                ps.setLong(3, id.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static Optional<Journey> load(Handle h, String tenant, long id) {
        try {
            return load(h.getConnection(), tenant, id);
        } catch (SQLException e) {
            throw DatabaseErrors.failed("reading journey " + id, e);
        }
    }

    static Optional<Journey> load(Connection c, String tenant, long id) throws SQLException {
        JourneyRow row;
        try (PreparedStatement ps = c.prepareStatement("select " + JOURNEY_COLUMNS + " from journeys where id = ? and tenant_id = ?")) {
            ps.setLong(1, id);
            ps.setString(2, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                row = journeyRow(rs, null);
            }
        }
        List<Stage> stages = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, name, position, expected_days from stages
                 where journey_id = ? and not removed order by position""")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stages.add(stageRow(rs));
                }
            }
        }
        return Optional.of(row.with(stages));
    }

    private static Stage stageRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        int days = rs.getInt("expected_days");
        java.util.OptionalInt expected = rs.wasNull() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(days);
        return new Stage(new StageId(rs.getLong("id")), rs.getString("name"), rs.getInt("position"), expected);
    }

    private static JourneyRow journeyRow(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new JourneyRow(rs.getLong("id"), rs.getString("name"), Journey.Kind.valueOf(rs.getString("kind")),
                rs.getBoolean("requires_sequence"), rs.getBoolean("allows_backward"), rs.getBoolean("archived"),
                rs.getLong("version"));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static RuntimeException duplicateOr(RuntimeException e, String message) {
        return Db.isUniqueViolation(e) ? new DuplicateNameException(message, e) : e;
    }
}
