package dev.journeys.core.internal;

import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Stage;
import dev.journeys.api.StatusChange;
import dev.journeys.api.StorageException;
import dev.journeys.api.Transition;
import dev.journeys.api.TriggerEvent;
import dev.journeys.core.internal.rules.Decision;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.core.internal.storage.PlacementState;
import dev.journeys.core.internal.storage.StatusCommit;
import dev.journeys.core.internal.storage.StatusState;
import dev.journeys.core.internal.storage.StatusWrite;
import dev.journeys.core.internal.storage.Storage;
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
 * A contact's status, and the system journeys that mirror it. A status change and its journey moves
 * commit together; then automations hear {@code contact.status_changed} and {@code journey.stage_changed}.
 */
@Singleton
final class ContactStatuses {

    static final String ATTRIBUTE = "status";
    private static final int MAX_STATUS_LENGTH = 100;

    private final Storage storage;
    private final SystemJourneys systemJourneys;
    private final JourneyCatalog catalog;
    private final PlacementCache placements;
    private final MoveEngine moves;
    private final AutomationEngine automations;
    private final int maxAttempts;

    @Inject
    ContactStatuses(Storage storage, SystemJourneys systemJourneys, JourneyCatalog catalog, PlacementCache placements,
                    MoveEngine moves, AutomationEngine automations, CoreSettings settings) {
        this.storage = storage;
        this.systemJourneys = systemJourneys;
        this.catalog = catalog;
        this.placements = placements;
        this.moves = moves;
        this.automations = automations;
        this.maxAttempts = settings.maxMoveAttempts();
    }

    Optional<StatusChange> set(String tenant, String contactKey, String status, String actor) {
        Inputs.contactKey(contactKey);
        String value = Inputs.name("status", status);
        if (value.length() > MAX_STATUS_LENGTH) {
            throw new InvalidInputException("status is longer than " + MAX_STATUS_LENGTH + " characters");
        }
        String by = Inputs.name("actor", actor);
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
        boolean fresh = false;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            StatusState current = storage.loadStatus(tenant, contactKey);
            if (current.status().filter(value::equals).isPresent()) {
                return Optional.empty();
            }
            Instant now = moves.now();
            List<MoveWrite> writes = new ArrayList<>();
            for (Map.Entry<SystemJourneyPlugin, String> entry : stageNames.entrySet()) {
                moveIn(tenant, provisioned.get(entry.getKey().key()), entry.getKey(), entry.getValue(), contactKey, by, fresh)
                        .ifPresent(writes::add);
            }
            Optional<StatusCommit> commit = storage.applyStatus(tenant,
                    new StatusWrite(contactKey, current.version(), current.status(), value, by, now, writes));
            if (commit.isPresent()) {
                afterCommit(tenant, commit.get());
                return Optional.of(commit.get().change());
            }
            fresh = true;
        }
        throw new StorageException("status of " + contactKey + " kept changing under " + maxAttempts + " attempts");
    }

    private Optional<MoveWrite> moveIn(String tenant, Journey provisioned, SystemJourneyPlugin plugin, String stageName,
                                       String contactKey, String actor, boolean fresh) {
        Journey journey = catalog.find(tenant, provisioned.id(), fresh).orElse(provisioned);
        Stage stage = journey.stageNamed(stageName).orElseThrow(() -> new IllegalStateException(
                "system journey " + plugin.key() + " maps to a stage it does not have: " + stageName));
        // Always read: a cached placement may lag another instance's status change, and a no-op decided on it
        // would commit the new status without its move, leaving the two apart for good. Read after the
        // status, the placement is at least as new as it, since only status changes move it.
        PlacementState current = placements.get(tenant, journey.id(), contactKey, true);
        MoveRequest request = MoveRequest.to(contactKey, journey.id(), stage.id(), new MoveSource.SystemPlugin(plugin.key(), actor));
        Decision decision = moves.decide(tenant, journey, current, request);
        if (decision instanceof Decision.Accept accept) {
            return Optional.of(moves.write(journey, current, accept, request));
        }
        if (decision instanceof Decision.Refuse refuse) {
            throw new IllegalStateException("system journey " + plugin.key() + " refused its own move: " + refuse.reason().message());
        }
        return Optional.empty();
    }

    private void afterCommit(String tenant, StatusCommit commit) {
        StatusChange change = commit.change();
        commit.transitions().forEach(t -> moves.committedQuietly(tenant, t));
        TriggerEvent event = new TriggerEvent(BuiltInTriggers.STATUS_CHANGED + ":" + change.id(),
                BuiltInTriggers.STATUS_CHANGED, change.contactKey(), change.at(), statusAttributes(change));
        automations.fire(tenant, event, BuiltInTriggers.STATUS_CHANGED_TRIGGER);
        for (Transition t : commit.transitions()) {
            automations.stageChanged(tenant, t, 1);
        }
    }

    private static Map<String, Object> statusAttributes(StatusChange change) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        change.from().ifPresent(from -> attributes.put("old_status", from));
        attributes.put("new_status", change.to());
        return attributes;
    }

    Optional<String> status(String tenant, String contactKey) {
        return storage.loadStatus(tenant, Inputs.contactKey(contactKey)).status();
    }

    List<StatusChange> history(String tenant, String contactKey) {
        return storage.statusHistory(tenant, Inputs.contactKey(contactKey));
    }
}
