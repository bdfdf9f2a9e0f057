package dev.journeys.jdbc.internal.automation;

import dev.journeys.api.JourneyId;
import dev.journeys.api.Operator;
import dev.journeys.api.Outcome;
import dev.journeys.api.RunLogQuery;
import dev.journeys.api.RunRecord;
import dev.journeys.api.StageId;
import dev.journeys.core.internal.automation.AutomationStorage;
import dev.journeys.core.internal.automation.StoredAutomation;
import dev.journeys.core.internal.automation.StoredCondition;
import dev.journeys.jdbc.internal.db.Database;
import dev.journeys.jdbc.internal.db.Db;
import dev.journeys.jdbc.internal.db.Dialect;
import dev.journeys.jdbc.internal.db.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** Automation definitions and run-log queries. Writes of events are in EventWriter. */
public final class AutomationStore implements AutomationStorage {

    private final Database database;

    public AutomationStore(Database database) {
        this.database = database;
    }

    private Db db() {
        return database.db();
    }

    /**
     * H2: files the next chunk of the run log by contact ({@link RunLogContacts}); nothing on PostgreSQL, which
     * indexes it in each event's transaction.
     *
     * @return true when it filed a full chunk, so that more may be waiting
     */
    public boolean fileByContact() {
        if (db().dialect != Dialect.H2) {
            return false;
        }
        return database.perOpen(RunLogContacts.class, db -> new RunLogContacts(db, database.dataSource())).file()
                >= RunLogContacts.CHUNK;
    }

    @Override
    public StoredAutomation createAutomation(String tenant, String name, String trigger, List<StoredCondition> conditions,
                            List<Outcome> outcomes, boolean enabled, Instant now) {
        return Db.call(() -> db().jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            insert into automations (tenant_id, name, trigger_type, enabled, version, created_at)
                            values (:tenant, :name, :trigger, :enabled, 1, :now)""")
                    .bind("tenant", tenant).bind("name", name).bind("trigger", trigger).bind("enabled", enabled)
                    .bind("now", Rows.utc(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            PreparedBatch conds = h.prepareBatch("""
                    insert into automation_conditions (automation_id, position, attribute, operator)
                    values (:id, :position, :attribute, :operator)""");
            PreparedBatch operands = h.prepareBatch("""
                    insert into automation_operands (automation_id, condition_position, position, operand)
                    values (:id, :condition, :position, :value)""");
            for (int i = 0; i < conditions.size(); i++) {
                StoredCondition c = conditions.get(i);
                conds.bind("id", id).bind("position", i).bind("attribute", c.attribute())
                        .bind("operator", c.operator().name()).add();
                for (int j = 0; j < c.operands().size(); j++) {
                    operands.bind("id", id).bind("condition", i).bind("position", j).bind("value", c.operands().get(j)).add();
                }
            }
            execute(conds);
            execute(operands);
            PreparedBatch outs = h.prepareBatch("""
                    insert into automation_outcomes (automation_id, position, kind, journey_id, stage_id, enter_at_first)
                    values (:id, :position, 'MOVE_TO_STAGE', :journey, :stage, :first)""");
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome.MoveToStage move = (Outcome.MoveToStage) outcomes.get(i);
                outs.bind("id", id).bind("position", i).bind("journey", move.journey().value())
                        .bind("stage", move.stage().value()).bind("first", move.enterAtFirstStage()).add();
            }
            execute(outs);
            return load(h, tenant, Optional.of(id), Optional.empty()).get(0);
        }));
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    @Override
    public List<StoredAutomation> automations(String tenant, Optional<String> trigger) {
        return Db.call(() -> db().jdbi.withHandle(h -> load(h, tenant, Optional.empty(), trigger)));
    }

    @Override
    public Optional<StoredAutomation> automation(String tenant, long id) {
        return Db.call(() -> db().jdbi.withHandle(h -> load(h, tenant, Optional.of(id), Optional.empty()).stream().findFirst()));
    }

    @Override
    public Optional<StoredAutomation> setAutomationEnabled(String tenant, long id, boolean enabled) {
        return Db.call(() -> db().jdbi.inTransaction(h -> {
            h.createUpdate("""
                            update automations set enabled = :enabled, version = version + 1
                             where id = :id and tenant_id = :tenant""")
                    .bind("enabled", enabled).bind("id", id).bind("tenant", tenant).execute();
            return load(h, tenant, Optional.of(id), Optional.empty()).stream().findFirst();
        }));
    }

    @Override
    public List<RunRecord> runLog(String tenant, RunLogQuery q, Optional<Long> beforeId, int limit) {
        return Db.call(() -> db().jdbi.withHandle(h -> RunLogQueries.query(h, db().dialect, tenant, q, beforeId, limit)));
    }

    @Override
    public boolean eventApplied(String tenant, String eventId) {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from run_log where tenant_id = :tenant and event_id = :event and applied")
                .bind("tenant", tenant).bind("event", eventId).mapTo(Integer.class).one() > 0));
    }

    private record Header(long id, String name, String trigger, boolean enabled, long version, Instant createdAt) {
    }

    private static List<StoredAutomation> load(Handle h, String tenant, Optional<Long> id, Optional<String> trigger) {
        String where = "a.tenant_id = :tenant" + (id.isPresent() ? " and a.id = :id" : "")
                + (trigger.isPresent() ? " and a.trigger_type = :trigger" : "");
        List<Header> headers = bindFilters(h.createQuery(
                        "select a.id, a.name, a.trigger_type, a.enabled, a.version, a.created_at from automations a where " + where
                                + " order by a.id"), tenant, id, trigger)
                .map((rs, ctx) -> new Header(rs.getLong("id"), rs.getString("name"), rs.getString("trigger_type"),
                        rs.getBoolean("enabled"), rs.getLong("version"), Rows.instant(rs, "created_at")))
                .list();
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<Long, List<List<String>>> operands = new HashMap<>();
        bindFilters(h.createQuery("""
                        select o.automation_id, o.condition_position, o.operand from automation_operands o
                          join automations a on a.id = o.automation_id where\s""" + where
                        + " order by o.automation_id, o.condition_position, o.position"), tenant, id, trigger)
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3)})
                .forEach(row -> {
                    List<List<String>> byCondition = operands.computeIfAbsent((Long) row[0], k -> new ArrayList<>());
                    int condition = (Integer) row[1];
                    while (byCondition.size() <= condition) {
                        byCondition.add(new ArrayList<>());
                    }
                    byCondition.get(condition).add((String) row[2]);
                });
        Map<Long, List<StoredCondition>> conditions = new HashMap<>();
        bindFilters(h.createQuery("""
                        select c.automation_id, c.position, c.attribute, c.operator from automation_conditions c
                          join automations a on a.id = c.automation_id where\s""" + where
                        + " order by c.automation_id, c.position"), tenant, id, trigger)
                .map((rs, ctx) -> {
                    long automation = rs.getLong(1);
                    int position = rs.getInt(2);
                    List<List<String>> all = operands.getOrDefault(automation, List.of());
                    return Map.entry(automation, new StoredCondition(rs.getString(3), Operator.valueOf(rs.getString(4)),
                            position < all.size() ? all.get(position) : List.of()));
                })
                .forEach(e -> conditions.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<Outcome>> outcomes = new HashMap<>();
        bindFilters(h.createQuery("""
                        select o.automation_id, o.journey_id, o.stage_id, o.enter_at_first from automation_outcomes o
                          join automations a on a.id = o.automation_id where\s""" + where
                        + " order by o.automation_id, o.position"), tenant, id, trigger)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), (Outcome) new Outcome.MoveToStage(
                        new JourneyId(rs.getLong(2)), new StageId(rs.getLong(3)), rs.getBoolean(4))))
                .forEach(e -> outcomes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return headers.stream().map(a -> new StoredAutomation(a.id(), a.name(), a.trigger(),
                conditions.getOrDefault(a.id(), List.of()), outcomes.getOrDefault(a.id(), List.of()),
                a.enabled(), a.version(), a.createdAt())).toList();
    }

    private static Query bindFilters(Query query, String tenant, Optional<Long> id, Optional<String> trigger) {
        query.bind("tenant", tenant);
        id.ifPresent(x -> query.bind("id", x));
        trigger.ifPresent(x -> query.bind("trigger", x));
        return query;
    }
}
