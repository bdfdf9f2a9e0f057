package dev.journeys.core.internal.status;

import dev.journeys.api.Actor;
import dev.journeys.api.ConcurrentChangeException;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Stage;
import dev.journeys.api.StatusChange;
import dev.journeys.api.TriggerEvent;
import dev.journeys.core.internal.automation.BuiltInTriggers;
import dev.journeys.core.internal.input.Inputs;
import dev.journeys.core.internal.moves.Decision;
import dev.journeys.core.internal.moves.FollowUp;
import dev.journeys.core.internal.moves.JourneyCatalog;
import dev.journeys.core.internal.moves.Move;
import dev.journeys.core.internal.moves.MovePath;
import dev.journeys.core.internal.moves.PlacementCache;
import dev.journeys.core.internal.moves.Plan;
import dev.journeys.core.internal.moves.Planner;
import dev.journeys.core.internal.storage.Batch;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.core.internal.storage.PlacementState;
import dev.journeys.core.internal.storage.StatusRow;
import dev.journeys.spi.SystemJourneyPlugin;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A contact's status, and the system journeys that mirror it. A status change and its journey moves are one
 * batch on the move path, committed together; then automations hear {@code contact.status_changed} and
 * {@code journey.stage_changed}.
 */
@Singleton
public final class ContactStatuses {

    static final String ATTRIBUTE = "status";
    private static final int MAX_STATUS_LENGTH = 100;

    private final StatusStorage storage;
    private final SystemJourneys systemJourneys;
    private final JourneyCatalog catalog;
    private final PlacementCache placements;
    private final MovePath moves;

    @Inject
    ContactStatuses(StatusStorage storage, SystemJourneys systemJourneys, JourneyCatalog catalog, PlacementCache placements,
                    MovePath moves) {
        this.storage = storage;
        this.systemJourneys = systemJourneys;
        this.catalog = catalog;
        this.placements = placements;
        this.moves = moves;
    }

    public Optional<StatusChange> set(String tenant, String contactKey, String status, Actor actor) {
        Inputs.contactKey(contactKey);
        String value = Inputs.name("status", status);
        if (value.length() > MAX_STATUS_LENGTH) {
            throw new InvalidInputException("status is longer than " + MAX_STATUS_LENGTH + " characters");
        }
        Actor by = Inputs.actor(actor);
        List<SystemJourneyPlugin> following = systemJourneys.following(ATTRIBUTE);
        Map<SystemJourneyPlugin, String> stageNames = new LinkedHashMap<>();
        for (SystemJourneyPlugin plugin : following) {
            plugin.stageFor(value).ifPresent(stage -> stageNames.put(plugin, stage));
        }
        if (stageNames.isEmpty()) {
            throw new InvalidInputException("unknown status '" + value + "'"
                    + (following.isEmpty() ? ": no system journey follows contact status" : ""));
        }
        Map<String, Journey> provisioned = systemJourneys.ensure(tenant);
        return moves.run(tenant, new Planner<Optional<StatusChange>>() {
            @Override
            public Plan<Optional<StatusChange>> plan(boolean fresh) {
                StatusState current = storage.loadStatus(tenant, contactKey);
                if (current.status().filter(value::equals).isPresent()) {
                    return Plan.done(Optional.empty());
                }
                Instant now = moves.now();
                List<MoveWrite> writes = new ArrayList<>();
                for (Map.Entry<SystemJourneyPlugin, String> entry : stageNames.entrySet()) {
                    moveIn(tenant, provisioned.get(entry.getKey().key()), entry.getKey(), entry.getValue(), contactKey,
                            by, fresh, now).ifPresent(writes::add);
                }
                Batch batch = Batch.of(writes).with(new StatusRow(contactKey, current.version(), current.status(), value,
                        by, now));
                return Plan.write(batch, FollowUp.CHAINED.firing(commit -> List.of(statusChanged(commit.status().orElseThrow()))),
                        (commit, chains) -> commit.status());
            }

            @Override
            public Optional<StatusChange> contention(int attempts) {
                throw new ConcurrentChangeException("the status of " + contactKey + " kept changing; gave up after "
                        + attempts + " attempts");
            }
        });
    }

    private Optional<MoveWrite> moveIn(String tenant, Journey provisioned, SystemJourneyPlugin plugin, String stageName,
                                       String contactKey, Actor actor, boolean fresh, Instant now) {
        Journey journey = catalog.find(tenant, provisioned.id(), fresh).orElse(provisioned);
        Stage stage = journey.stageNamed(stageName).orElseThrow(() -> new IllegalStateException(
                "system journey " + plugin.key() + " maps to a stage it does not have: " + stageName));
        // Always read: a cached placement may lag another instance's status change, and a no-op decided on it
        // would commit the new status without its move, leaving the two apart for good. Read after the
        // status, the placement is at least as new as it, since only status changes move it.
        PlacementState current = placements.get(tenant, journey.id(), contactKey, true);
        Move move = Move.to(contactKey, journey.id(), stage.id(), new MoveSource.SystemPlugin(plugin.key(), actor));
        Decision decision = moves.decide(tenant, journey, current, move);
        if (decision instanceof Decision.Accept accept) {
            return Optional.of(moves.write(journey, current, accept, move, now, now));
        }
        if (decision instanceof Decision.Refuse refuse) {
            throw new IllegalStateException("system journey " + plugin.key() + " refused its own move: " + refuse.reason().message());
        }
        return Optional.empty();
    }

    private static TriggerEvent statusChanged(StatusChange change) {
        return new TriggerEvent(BuiltInTriggers.STATUS_CHANGED + ":" + change.id(), BuiltInTriggers.STATUS_CHANGED,
                change.contactKey(), change.at(), statusAttributes(change));
    }

    private static Map<String, Object> statusAttributes(StatusChange change) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        change.from().ifPresent(from -> attributes.put("old_status", from));
        attributes.put("new_status", change.to());
        return attributes;
    }

    public Optional<String> status(String tenant, String contactKey) {
        return storage.loadStatus(tenant, Inputs.contactKey(contactKey)).status();
    }

    public List<StatusChange> history(String tenant, String contactKey) {
        return storage.statusHistory(tenant, Inputs.contactKey(contactKey));
    }
}
