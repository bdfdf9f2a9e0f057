package dev.journeys.jdbc.internal;

import dev.journeys.api.JourneyId;
import dev.journeys.api.Placement;
import dev.journeys.api.StageId;
import dev.journeys.api.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The reads behind the dashboard: the history in effective-time order, and placements by age. */
final class DashboardStore {

    private final Db db;

    DashboardStore(Db db) {
        this.db = db;
    }

    void forEachTransition(String tenant, JourneyId journey, Optional<Instant> upTo, Consumer<Transition> each) {
        // In a transaction: PostgreSQL streams through a cursor only inside one.
        Db.call(() -> db.jdbi.inTransaction(h -> {
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

    void forEachPlacement(String tenant, JourneyId journey, Consumer<Placement> each) {
        Db.call(() -> db.jdbi.inTransaction(h -> {
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

    List<Placement> oldestInStage(String tenant, JourneyId journey, StageId stage, Instant enteredBefore,
                                  Optional<Instant> afterEnteredAt, Optional<String> afterContact, int limit) {
        return Db.call(() -> db.jdbi.withHandle(h -> h.createQuery("""
                        select contact_key, journey_id, stage_id, entered_at, version from placements
                         where journey_id = :journey and stage_id = :stage and tenant_id = :tenant
                           and entered_at < :before"""
                        + (afterEnteredAt.isPresent()
                                ? " and (entered_at > :afterAt or (entered_at = :afterAt and contact_key > :afterContact))"
                                : "")
                        + " order by entered_at, contact_key fetch first :limit rows only")
                .bind("journey", journey.value()).bind("stage", stage.value()).bind("tenant", tenant)
                .bind("before", Rows.utc(enteredBefore))
                .bind("afterAt", afterEnteredAt.map(Rows::utc).orElse(null))
                .bind("afterContact", afterContact.orElse(null))
                .bind("limit", limit)
                .map(Rows.PLACEMENT).list()));
    }
}
