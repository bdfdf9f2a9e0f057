package dev.journeys.jdbc.internal;

import dev.journeys.api.ConcurrentChangeException;
import dev.journeys.api.DuplicateNameException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.Placement;
import dev.journeys.api.NotFoundException;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.StageInUseException;
import dev.journeys.api.StorageException;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.storage.ChangeResult;
import dev.journeys.core.internal.storage.JourneyChange;
import dev.journeys.core.internal.storage.MoveWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Journey definitions: journeys and their stages, changed only under the journey's row lock. */
final class DefinitionStore {

    private static final String JOURNEY_COLUMNS =
            "id, name, kind, requires_sequence, allows_backward, archived, version";

    private record JourneyRow(long id, String name, Journey.Kind kind, boolean requiresSequence,
                              boolean allowsBackward, boolean archived, long version) {
        Journey with(List<Stage> stages) {
            return new Journey(new JourneyId(id), name, kind, requiresSequence, allowsBackward, archived, stages, version);
        }
    }

    private final Db db;

    DefinitionStore(Db db) {
        this.db = db;
    }

    Journey create(String tenant, String name, Journey.Kind kind, boolean requiresSequence, boolean allowsBackward,
                   List<String> stageNames, Instant now) {
        try {
            return Db.call(() -> db.jdbi.inTransaction(h -> {
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

    Optional<Journey> find(String tenant, JourneyId id) {
        return Db.call(() -> db.jdbi.withHandle(h -> load(h, tenant, id.value())));
    }

    Optional<Journey> findByName(String tenant, String name) {
        return Db.call(() -> db.jdbi.withHandle(h -> h.createQuery(
                        "select id from journeys where tenant_id = :tenant and name_key = :key")
                .bind("tenant", tenant).bind("key", key(name)).mapTo(Long.class).findOne()
                .flatMap(id -> load(h, tenant, id))));
    }

    List<Journey> list(String tenant) {
        return Db.call(() -> db.jdbi.withHandle(h -> {
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

    Optional<JourneyId> journeyOfStage(String tenant, StageId stage) {
        return Db.call(() -> db.jdbi.withHandle(h -> h.createQuery(
                        "select journey_id from stages where id = :stage and tenant_id = :tenant")
                .bind("stage", stage.value()).bind("tenant", tenant)
                .map((rs, ctx) -> new JourneyId(rs.getLong(1))).findOne()));
    }

    ChangeResult change(String tenant, JourneyId id, long expectedVersion, JourneyChange change) {
        try {
            return db.asChange(id.value(), () -> db.jdbi.inTransaction(h -> {
                if (change instanceof JourneyChange.RemoveStage && db.dialect == Dialect.POSTGRES) {
                    // Waits out moves in flight and holds new ones back until this commits; they then
                    // see the new journey version and are decided again. Removals are rare and short.
                    h.execute("lock table placements in share row exclusive mode");
                }
                long version = h.createQuery("select version from journeys where id = :id and tenant_id = :tenant for update")
                        .bind("id", id.value()).bind("tenant", tenant).mapTo(Long.class).findOne()
                        .orElseThrow(() -> NotFoundException.journey(id));
                if (version != expectedVersion) {
                    throw new ConcurrentChangeException(id + " changed from version " + expectedVersion + " to " + version);
                }
                List<Transition> transitions = apply(h, tenant, id, version, change);
                h.createUpdate("update journeys set version = version + 1 where id = :id")
                        .bind("id", id.value()).execute();
                return new ChangeResult(load(h, tenant, id.value()).orElseThrow(), transitions);
            }));
        } catch (RuntimeException e) {
            throw duplicateOr(e, "that name is already taken in " + id);
        }
    }

    private List<Transition> apply(Handle h, String tenant, JourneyId id, long version, JourneyChange change) {
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
            renumber(h, id, reorder.order());
        } else if (change instanceof JourneyChange.RemoveStage remove) {
            return removeStage(h, tenant, id, version, remove);
        }
        return List.of();
    }

    private List<Transition> removeStage(Handle h, String tenant, JourneyId id, long version,
                                         JourneyChange.RemoveStage remove) {
        List<Placement> occupants = h.createQuery("""
                        select contact_key, journey_id, stage_id, entered_at, version from placements
                         where journey_id = :journey and stage_id = :stage order by contact_key""")
                .bind("journey", id.value()).bind("stage", remove.stage().value())
                .map(Rows.PLACEMENT).list();
        if (!occupants.isEmpty() && remove.moveTo().isEmpty()) {
            throw new StageInUseException(occupants.size() + " contact(s) are in " + remove.stage()
                    + "; name a stage to move them to");
        }
        List<Transition> transitions = new ArrayList<>();
        for (Placement occupant : occupants) {
            MoveWrite w = new MoveWrite(id, version, occupant.contactKey(), occupant.version(), occupant.enteredAt(),
                    Optional.of(remove.stage()), remove.moveTo(), remove.at(), remove.at(), remove.source(),
                    Optional.of("stage " + remove.stage().value() + " removed"));
            h.createUpdate("""
                            update placements set stage_id = :to, entered_at = :at, version = version + 1
                             where journey_id = :journey and contact_key = :contact""")
                    .bind("to", remove.moveTo().get().value()).bind("at", Rows.utc(remove.at()))
                    .bind("journey", id.value()).bind("contact", occupant.contactKey()).execute();
            try {
                transitions.add(db.moves.appendHistory(h.getConnection(), tenant, w, occupant.version() + 1));
            } catch (java.sql.SQLException e) {
                throw new StorageException("relocating " + occupant.contactKey() + " failed: " + e.getMessage(), e);
            }
        }
        h.createUpdate("update stages set removed = true, name_key = null where id = :stage")
                .bind("stage", remove.stage().value()).execute();
        List<StageId> remaining = h.createQuery(
                        "select id from stages where journey_id = :journey and not removed order by position")
                .bind("journey", id.value()).map((rs, ctx) -> new StageId(rs.getLong(1))).list();
        renumber(h, id, remaining);
        return transitions;
    }

    private static void renumber(Handle h, JourneyId id, List<StageId> order) {
        PreparedBatch batch = h.prepareBatch("update stages set position = :position where id = :stage and journey_id = :journey");
        for (int i = 0; i < order.size(); i++) {
            batch.bind("position", i).bind("stage", order.get(i).value()).bind("journey", id.value()).add();
        }
        batch.execute();
    }

    static Optional<Journey> load(Handle h, String tenant, long id) {
        return h.createQuery("select " + JOURNEY_COLUMNS + " from journeys where id = :id and tenant_id = :tenant")
                .bind("id", id).bind("tenant", tenant).map(DefinitionStore::journeyRow).findOne()
                .map(row -> row.with(h.createQuery("""
                                select id, name, position, expected_days from stages
                                 where journey_id = :id and not removed order by position""")
                        .bind("id", id)
                        .map((rs, ctx) -> stageRow(rs))
                        .list()));
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
