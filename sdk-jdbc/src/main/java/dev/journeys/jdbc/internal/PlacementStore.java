package dev.journeys.jdbc.internal;

import dev.journeys.api.JourneyId;
import dev.journeys.api.Placement;
import dev.journeys.api.StageId;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.core.internal.storage.PlacementState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/** Placements and history: the hot path of every move. */
final class PlacementStore {

    private final Db db;
    private final String insertIfJourneyAt;
    private final String updateIfVersionsAt;

    PlacementStore(Db db) {
        this.db = db;
        this.insertIfJourneyAt = """
                insert into placements (journey_id, contact_key, tenant_id, stage_id, entered_at, version)
                select id, :contact, tenant_id, :stage, :at, 1 from journeys
                 where id = :journey and tenant_id = :tenant and version = :journeyVersion""" + db.dialect.journeyShareLock;
        this.updateIfVersionsAt = """
                update placements set stage_id = :stage, entered_at = :at, version = :version + 1
                 where journey_id = :journey and contact_key = :contact and version = :version
                   and exists (select 1 from journeys
                                where id = :journey and tenant_id = :tenant and version = :journeyVersion"""
                + db.dialect.journeyShareLock + ")";
    }

    PlacementState load(String tenant, JourneyId journey, String contactKey) {
        return Db.call(() -> db.jdbi.withHandle(h -> h.createQuery("""
                        select stage_id, entered_at, version from placements
                         where journey_id = :journey and contact_key = :contact and tenant_id = :tenant""")
                .bind("journey", journey.value()).bind("contact", contactKey).bind("tenant", tenant)
                .map((rs, ctx) -> new PlacementState(journey, contactKey, Rows.stage(rs, "stage_id"),
                        Rows.instant(rs, "entered_at"), rs.getLong("version")))
                .findOne()
                .orElse(PlacementState.never(journey, contactKey))));
    }

    Optional<Transition> apply(String tenant, MoveWrite w) {
        return db.asMove(w.journeyId().value(), () -> {
            try {
                return db.jdbi.inTransaction(h -> {
                    int rows = (w.expectedVersion() == 0 ? h.createUpdate(insertIfJourneyAt) : h.createUpdate(updateIfVersionsAt))
                            .bind("journey", w.journeyId().value())
                            .bind("contact", w.contactKey())
                            .bind("tenant", tenant)
                            .bind("stage", w.to().map(StageId::value).orElse(null))
                            .bind("at", Rows.utc(w.effectiveAt()))
                            .bind("version", w.expectedVersion())
                            .bind("journeyVersion", w.journeyVersion())
                            .execute();
                    return rows == 0 ? Optional.<Transition>empty()
                            : Optional.of(appendHistory(h, db.dialect, tenant, w, w.expectedVersion() + 1));
                });
            } catch (JdbiException e) {
                // Two first entries raced on the primary key: a conflict like any other, nothing written.
                if (Db.isUniqueViolation(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** Appends one history row; the caller's transaction has already moved the placement to {@code version}. */
    static Transition appendHistory(Handle h, Dialect dialect, String tenant, MoveWrite w, long version) {
        SourceCodec.Columns source = SourceCodec.encode(w.source());
        long id = h.createUpdate("""
                        insert into transitions (tenant_id, journey_id, contact_key, from_stage_id, to_stage_id,
                          effective_at, recorded_at, source_kind, source_ref, source_detail, note, placement_version, tx_id)
                        values (:tenant, :journey, :contact, :from, :to, :effective, :recorded,
                                :kind, :ref, :detail, :note, :version, """ + dialect.currentTransactionId + ")")
                .bind("tenant", tenant)
                .bind("journey", w.journeyId().value())
                .bind("contact", w.contactKey())
                .bind("from", w.from().map(StageId::value).orElse(null))
                .bind("to", w.to().map(StageId::value).orElse(null))
                .bind("effective", Rows.utc(w.effectiveAt()))
                .bind("recorded", Rows.utc(w.recordedAt()))
                .bind("kind", source.kind())
                .bind("ref", source.ref())
                .bind("detail", source.detail())
                .bind("note", w.note().orElse(null))
                .bind("version", version)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        return new Transition(id, w.journeyId(), w.contactKey(), w.from(), w.to(), w.effectiveAt(), w.recordedAt(), w.source(),
                w.note(), version);
    }

    List<Placement> ofContact(String tenant, String contactKey) {
        return Db.call(() -> db.jdbi.withHandle(h -> h.createQuery("""
                        select contact_key, journey_id, stage_id, entered_at, version from placements
                         where tenant_id = :tenant and contact_key = :contact and stage_id is not null
                         order by journey_id""")
                .bind("tenant", tenant).bind("contact", contactKey)
                .map(Rows.PLACEMENT).list()));
    }

    List<Placement> inStage(String tenant, JourneyId journey, StageId stage, Optional<String> after, int limit) {
        return Db.call(() -> db.jdbi.withHandle(h -> h.createQuery("""
                        select contact_key, journey_id, stage_id, entered_at, version from placements
                         where journey_id = :journey and stage_id = :stage and tenant_id = :tenant
                           and contact_key > :after
                         order by contact_key
                         fetch first :limit rows only""")
                .bind("journey", journey.value()).bind("stage", stage.value()).bind("tenant", tenant)
                .bind("after", after.orElse("")).bind("limit", limit)
                .map(Rows.PLACEMENT).list()));
    }

    Map<StageId, Long> countByStage(String tenant, JourneyId journey) {
        return Db.call(() -> db.jdbi.withHandle(h -> {
            Map<StageId, Long> counts = new HashMap<>();
            h.createQuery("""
                            select stage_id, count(*) as n from placements
                             where journey_id = :journey and tenant_id = :tenant and stage_id is not null
                             group by stage_id""")
                    .bind("journey", journey.value()).bind("tenant", tenant)
                    .map((rs, ctx) -> Map.entry(new StageId(rs.getLong("stage_id")), rs.getLong("n")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        }));
    }

    List<Transition> history(String tenant, JourneyId journey, String contactKey) {
        return Db.call(() -> db.jdbi.withHandle(h -> h.createQuery("""
                        select * from transitions
                         where journey_id = :journey and contact_key = :contact and tenant_id = :tenant
                         order by placement_version""")
                .bind("journey", journey.value()).bind("contact", contactKey).bind("tenant", tenant)
                .map(Rows.TRANSITION).list()));
    }
}
