package dev.journeys.jdbc.internal.dashboard;

import dev.journeys.api.JourneyId;
import dev.journeys.api.Placement;
import dev.journeys.api.StageId;
import dev.journeys.api.TimeRange;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.dashboard.ContactFold;
import dev.journeys.core.internal.dashboard.DashboardRead;
import dev.journeys.core.internal.dashboard.DashboardSlice;
import dev.journeys.core.internal.dashboard.DashboardStorage;
import dev.journeys.core.internal.dashboard.FlowDelta;
import dev.journeys.jdbc.internal.db.Database;
import dev.journeys.jdbc.internal.db.DatabaseErrors;
import dev.journeys.jdbc.internal.db.Db;
import dev.journeys.jdbc.internal.db.Dialect;
import dev.journeys.jdbc.internal.db.HourIds;
import dev.journeys.jdbc.internal.db.Rows;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** The reads behind the dashboard: the history in effective-time order, and the aggregates. */
public final class DashboardStore implements DashboardStorage {

    private final Database database;

    private final BooleanSupplier alsoOnFold;

    /**
     * @param alsoOnFold other background catching-up of the storage's own, run on the fold's cadence (the run
     *                   log's filing by contact on H2); true when it did a full chunk and more may be waiting
     */
    public DashboardStore(Database database, BooleanSupplier alsoOnFold) {
        this.database = database;
        this.alsoOnFold = alsoOnFold;
    }

    private DashboardFold fold() {
        return database.perOpen(DashboardFold.class, db -> new DashboardFold(db, database.dataSource()));
    }

    @Override
    public boolean foldDashboard() {
        // Neither's failure keeps the other from running.
        RuntimeException failure = null;
        boolean more = false;
        try {
            more = fold().fold() >= DashboardFold.CHUNK;
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            more |= alsoOnFold.getAsBoolean();
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
    public <T> T readConsistently(Supplier<T> reads) {
        // Jdbi lends this transaction's handle to every read on the thread, and the dashboard's own snapshot
        // reads join it at the same level.
        Db d = db();
        return Db.call(() -> d.jdbi.inTransaction(snapshotLevel(d.dialect), h -> reads.get()));
    }

    @Override
    public void rebuildDashboard(String tenant, JourneyId journey) {
        fold().rebuild(tenant, journey);
    }

    private Db db() {
        return database.db();
    }

    @Override
    public void forEachTransitionByEffectiveTime(String tenant, JourneyId journey, Optional<Instant> upTo, Consumer<Transition> each) {
        // In a transaction: PostgreSQL streams through a cursor only inside one.
        Db.call(() -> db().jdbi.inTransaction(h -> {
            h.createQuery("select * from transitions where journey_id = :journey and tenant_id = :tenant"
                            + (upTo.isPresent() ? " and effective_at <= :upTo" : "")
                            + " order by effective_at, placement_version, id")
                    .bind("journey", journey.value()).bind("tenant", tenant)
                    .bind("upTo", upTo.map(Rows::utc).orElse(null))
                    .setFetchSize(1_000)
                    .map(Rows.TRANSITION)
                    .useStream(rows -> rows.forEach(each));
            return null;
        }));
    }

    @Override
    public void forEachPlacement(String tenant, JourneyId journey, Consumer<Placement> each) {
        Db.call(() -> db().jdbi.inTransaction(h -> {
            h.createQuery("""
                            select contact_key, journey_id, stage_id, entered_at, version from placements
                             where journey_id = :journey and tenant_id = :tenant and stage_id is not null""")
                    .bind("journey", journey.value()).bind("tenant", tenant)
                    .setFetchSize(1_000)
                    .map(Rows.PLACEMENT)
                    .useStream(rows -> rows.forEach(each));
            return null;
        }));
    }

    /**
     * The journey's history past the fold's mark. PostgreSQL bounds its (tx_id, id) index at the mark. H2
     * planned any condition on the journey over the journey's whole history, so it reads the tail of the
     * table by primary key, which the fold keeps short, and keeps the journey's rows here.
     */
    private List<ContactFolding.Folded> unfolded(org.jdbi.v3.core.Handle h, String tenant, JourneyId journey,
                                                 DashboardFold.Mark mark) {
        if (db().dialect == Dialect.POSTGRES) {
            return h.createQuery("select * from transitions where (tx_id, id) > (:markTx, :markId)"
                            + " and journey_id = :journey and tenant_id = :tenant order by id")
                    .bind("journey", journey.value()).bind("tenant", tenant)
                    .bind("markTx", mark.tx()).bind("markId", mark.id())
                    .addCustomizer(Db.PLANNED_EACH_TIME)
                    .map(ContactFolding.FOLDED).list();
        }
        List<ContactFolding.Folded> rows = new ArrayList<>();
        h.createQuery("select * from transitions where id > :markTx order by id")
                .bind("markTx", mark.tx())
                .map((rs, ctx) -> rs.getLong("journey_id") == journey.value() && tenant.equals(rs.getString("tenant_id"))
                        ? ContactFolding.FOLDED.map(rs, ctx) : null)
                .forEach(t -> {
                    if (t != null) {
                        rows.add(t);
                    }
                });
        return rows;
    }

    /** The isolation level whose reads all see one snapshot of the database. */
    static TransactionIsolationLevel snapshotLevel(Dialect dialect) {
        return dialect == Dialect.POSTGRES ? TransactionIsolationLevel.REPEATABLE_READ : TransactionIsolationLevel.SERIALIZABLE;
    }

    /**
     * Everything in one snapshot (REPEATABLE READ on PostgreSQL, SERIALIZABLE on H2, both snapshot
     * reads), so the aggregates and the unfolded history meet exactly at the fold's mark.
     */
    @Override
    public DashboardSlice readDashboard(String tenant, JourneyId journey, DashboardRead read) {
        return Db.call(() -> db().jdbi.inTransaction(snapshotLevel(db().dialect), h -> {
            DashboardFold.Mark mark = h.createQuery("select folded_to, folded_id from dash_marks where id = 1")
                    .map((rs, ctx) -> new DashboardFold.Mark(rs.getLong(1), rs.getLong(2))).one();
            Map<StageId, Long> populations = new HashMap<>();
            h.createQuery("select stage_id, population from dash_populations where journey_id = :journey")
                    .bind("journey", journey.value())
                    .map((rs, ctx) -> Map.entry(new StageId(rs.getLong(1)), rs.getLong(2)))
                    .forEach(e -> populations.put(e.getKey(), e.getValue()));
            Map<Instant, Map<StageId, long[]>> flows = new HashMap<>();
            if (read.flowsFrom().isPresent()) {
                h.createQuery("select stage_id, bucket, entered, exited from "
                                + (read.hourlyFlows() ? "dash_flows_hourly" : "dash_flows_daily")
                                + " where journey_id = :journey and bucket >= :from")
                        .bind("journey", journey.value()).bind("from", Rows.utc(read.flowsFrom().get()))
                        .map((rs, ctx) -> {
                            flows.computeIfAbsent(Rows.instant(rs, "bucket"), k -> new HashMap<>())
                                    .put(new StageId(rs.getLong("stage_id")), new long[] {rs.getLong("entered"), rs.getLong("exited")});
                            return 0;
                        }).list();
            }
            Map<FlowDelta.MoveKey, Long> moves = new HashMap<>();
            if (read.moveHours().isPresent()) {
                h.createQuery("select * from dash_moves_hourly where journey_id = :journey and bucket >= :from and bucket < :to")
                        .bind("journey", journey.value()).bind("from", Rows.utc(read.moveHours().get().from()))
                        .bind("to", Rows.utc(read.moveHours().get().to()))
                        .map((rs, ctx) -> {
                            moves.put(new FlowDelta.MoveKey(journey.value(), Rows.instant(rs, "bucket"),
                                    rs.getString("source_kind"), rs.getString("source_ref"), rs.getLong("from_stage_id"),
                                    rs.getLong("to_stage_id")), rs.getLong("moves"));
                            return 0;
                        }).list();
            }
            List<ContactFolding.Folded> tailRows = unfolded(h, tenant, journey, mark);
            List<Transition> unfolded = tailRows.stream().map(ContactFolding.Folded::transition).toList();
            List<Transition> exact = new ArrayList<>();
            for (TimeRange range : read.exact()) {
                exact.addAll(foldedIn(h, tenant, journey, range));
                unfolded.stream().filter(t -> range.contains(t.effectiveAt())).forEach(exact::add);
            }
            Map<ContactFold.PathKey, Long> paths = new HashMap<>();
            if (read.paths()) {
                h.createQuery("select cohort_day, path, contacts from dash_paths where journey_id = :journey and contacts <> 0")
                        .bind("journey", journey.value())
                        .map((rs, ctx) -> paths.put(new ContactFold.PathKey(journey.value(), Rows.instant(rs, "cohort_day"),
                                rs.getString("path")), rs.getLong("contacts")))
                        .list();
            }
            Map<ContactFold.ConversionKey, long[]> conversions = new HashMap<>();
            if (read.conversionPair().isPresent()) {
                long from = read.conversionPair().get().get(0).value();
                long to = read.conversionPair().get().get(1).value();
                h.createQuery(read.conversionCohorts()
                                ? """
                                select cohort_day, bucket, contacts, seconds from dash_conversions
                                 where journey_id = :journey and from_stage_id = :from and to_stage_id = :to and contacts <> 0"""
                                : """
                                select bucket, contacts, seconds from dash_conversion_totals
                                 where journey_id = :journey and from_stage_id = :from and to_stage_id = :to and contacts <> 0""")
                        .bind("journey", journey.value()).bind("from", from).bind("to", to)
                        .map((rs, ctx) -> conversions.put(new ContactFold.ConversionKey(journey.value(),
                                read.conversionCohorts() ? Rows.instant(rs, "cohort_day") : Instant.EPOCH, from, to,
                                rs.getInt("bucket")), new long[] {rs.getLong("contacts"), rs.getLong("seconds")}))
                        .list();
            }
            Map<ContactFold.OccupancyKey, Long> occupancy = new HashMap<>();
            if (read.occupancy()) {
                h.createQuery("select stage_id, entered_hour, contacts from dash_occupancy where journey_id = :journey and contacts <> 0")
                        .bind("journey", journey.value())
                        .map((rs, ctx) -> occupancy.put(new ContactFold.OccupancyKey(journey.value(), rs.getLong("stage_id"),
                                Rows.instant(rs, "entered_hour")), rs.getLong("contacts")))
                        .list();
            }
            ContactFold tail = null;
            if (read.paths() || read.conversionPair().isPresent() || read.occupancy()) {
                try {
                    tail = ContactFolding.fold(h.getConnection(), db().dialect == Dialect.POSTGRES, tailRows, null);
                } catch (java.sql.SQLException e) {
                    throw DatabaseErrors.failed("reading the dashboard", e);
                }
            }
            return new DashboardSlice(populations, flows, moves, unfolded, exact, paths, conversions, occupancy, tail);
        }));
    }

    /**
     * The folded transitions effective in {@code range}, found by the hours the fold filed them under; the
     * unfolded ones are in the slice's tail. Edges are parts of at most two hours.
     */
    private List<Transition> foldedIn(Handle h, String tenant, JourneyId journey, TimeRange range) {
        List<long[]> filed = h.createQuery("select ids from dash_hour_ids where journey_id = :journey"
                        + " and hour_start >= :first and hour_start <= :last")
                .bind("journey", journey.value())
                .bind("first", Rows.utc(range.from().truncatedTo(ChronoUnit.HOURS)))
                .bind("last", Rows.utc(range.to().minusNanos(1).truncatedTo(ChronoUnit.HOURS)))
                .map((rs, ctx) -> HourIds.decode(rs.getString(1))).list();
        Long[] ids = filed.stream().flatMapToLong(Arrays::stream).boxed().toArray(Long[]::new);
        if (ids.length == 0) {
            return List.of();
        }
        return h.createQuery(db().dialect == Dialect.POSTGRES
                        ? "select * from transitions where id = any(:ids)"
                                + " and tenant_id = :tenant and effective_at >= :from and effective_at < :to"
                        : "select t.* from table(i bigint = :ids) k join transitions t on t.id = k.i"
                                + " where t.tenant_id = :tenant and t.effective_at >= :from and t.effective_at < :to")
                .bindArray("ids", Long.class, (Object[]) ids).bind("tenant", tenant)
                .bind("from", Rows.utc(range.from())).bind("to", Rows.utc(range.to()))
                .addCustomizer(Db.PLANNED_EACH_TIME)
                .map(Rows.TRANSITION).list();
    }
}
