package dev.journeys.jdbc.internal.moves;

import dev.journeys.api.JourneyId;
import dev.journeys.api.Placement;
import dev.journeys.api.StageId;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.moves.PlacementStorage;
import dev.journeys.core.internal.moves.StagePosition;
import dev.journeys.core.internal.storage.PlacementState;
import dev.journeys.jdbc.internal.db.Database;
import dev.journeys.jdbc.internal.db.Db;
import dev.journeys.jdbc.internal.db.Rows;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of placements and history. They are written by {@link BatchWriter} alone. */
public final class PlacementStore implements PlacementStorage {

    private final Database database;

    public PlacementStore(Database database) {
        this.database = database;
    }

    private Db db() {
        return database.db();
    }

    @Override
    public PlacementState loadPlacement(String tenant, JourneyId journey, String contactKey) {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createQuery("""
                        select stage_id, entered_at, version from placements
                         where journey_id = :journey and contact_key = :contact and tenant_id = :tenant""")
                .bind("journey", journey.value()).bind("contact", contactKey).bind("tenant", tenant)
                .map((rs, ctx) -> new PlacementState(journey, contactKey, Rows.stage(rs, "stage_id"),
                        Rows.instant(rs, "entered_at"), rs.getLong("version")))
                .findOne()
                .orElse(PlacementState.never(journey, contactKey))));
    }

    @Override
    public List<Placement> placementsOfContact(String tenant, String contactKey) {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createQuery("""
                        select contact_key, journey_id, stage_id, entered_at, version from placements
                         where tenant_id = :tenant and contact_key = :contact and stage_id is not null
                         order by journey_id""")
                .bind("tenant", tenant).bind("contact", contactKey)
                .map(Rows.PLACEMENT).list()));
    }

    @Override
    public List<Placement> placementsInStage(String tenant, JourneyId journey, StageId stage, Optional<Instant> enteredBefore,
                            Optional<StagePosition> after, int limit) {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createQuery("""
                        select contact_key, journey_id, stage_id, entered_at, version from placements
                         where stage_id = :stage and journey_id = :journey and tenant_id = :tenant"""
                        + (enteredBefore.isPresent() ? " and entered_at < :before" : "")
                        // The bare lower bound on entry time is what both databases start the index range
                        // at; the rest only filters the ties.
                        + (after.isPresent()
                                ? " and entered_at >= :afterAt and (entered_at > :afterAt or contact_key > :afterContact)"
                                : "")
                        // The equal stage leads the order as it leads the index, so that H2 reads the page from
                        // placements_age in order instead of sorting the whole stage.
                        + " order by stage_id, entered_at, contact_key fetch first :limit rows only")
                .bind("journey", journey.value()).bind("stage", stage.value()).bind("tenant", tenant)
                .bind("before", enteredBefore.map(Rows::utc).orElse(null))
                .bind("afterAt", after.map(a -> Rows.utc(a.enteredAt())).orElse(null))
                .bind("afterContact", after.map(StagePosition::contactKey).orElse(null))
                .bind("limit", limit)
                .map(Rows.PLACEMENT).list()));
    }

    @Override
    public Map<StageId, Long> countByStage(String tenant, JourneyId journey) {
        return Db.call(() -> db().jdbi.withHandle(h -> {
            Map<StageId, Long> counts = new HashMap<>();
            // Joined on the stage alone, so that each stage is counted from its range of placements_age: with a
            // condition on the journey or the tenant too, H2 planned the count over the journey's primary-key
            // range or the tenant's placements instead. A stage's placements are all of its journey's tenant.
            h.createQuery("""
                            select s.id as stage_id, count(p.stage_id) as n
                              from stages s left join placements p on p.stage_id = s.id
                             where s.journey_id = :journey and s.tenant_id = :tenant
                             group by s.id""")
                    .bind("journey", journey.value()).bind("tenant", tenant)
                    .map((rs, ctx) -> Map.entry(new StageId(rs.getLong("stage_id")), rs.getLong("n")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        }));
    }

    @Override
    public List<Transition> history(String tenant, JourneyId journey, String contactKey) {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createQuery("""
                        select * from transitions
                         where journey_id = :journey and contact_key = :contact and tenant_id = :tenant
                         order by placement_version""")
                .bind("journey", journey.value()).bind("contact", contactKey).bind("tenant", tenant)
                .map(Rows.TRANSITION).list()));
    }
}
