package dev.journeys.core.internal.automation;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.journeys.api.Automation;
import dev.journeys.api.Condition;
import dev.journeys.api.EventResult;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyRef;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Outcome;
import dev.journeys.api.ReasonCode;
import dev.journeys.api.Rejection;
import dev.journeys.api.RunDecision;
import dev.journeys.api.RunLogQuery;
import dev.journeys.api.RunRecord;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.StageRef;
import dev.journeys.api.Transition;
import dev.journeys.api.TriggerEvent;
import dev.journeys.core.internal.config.CoreSettings;
import dev.journeys.core.internal.input.Inputs;
import dev.journeys.core.internal.moves.Decision;
import dev.journeys.core.internal.moves.FollowUp;
import dev.journeys.core.internal.moves.JourneyCatalog;
import dev.journeys.core.internal.moves.ListenerHub;
import dev.journeys.core.internal.moves.Move;
import dev.journeys.core.internal.moves.MovePath;
import dev.journeys.core.internal.moves.PlacementCache;
import dev.journeys.core.internal.moves.PlacementStorage;
import dev.journeys.core.internal.moves.Plan;
import dev.journeys.core.internal.moves.Planner;
import dev.journeys.core.internal.storage.Batch;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.core.internal.storage.PlacementState;
import dev.journeys.core.internal.storage.RunLogWrite;
import dev.journeys.core.internal.storage.RunRow;
import dev.journeys.spi.TriggerPlugin;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Events in, moves out: matches an event against the tenant's automations on its trigger, plans every
 * outcome under the same rules as any move, and hands the move path one batch of moves, history, run log
 * and the event id, written in one transaction. After the commit, the path offers each move to
 * {@code journey.stage_changed} automations, which come back here.
 */
@Singleton
public final class AutomationEngine {

    private record IndexKey(String tenant, String trigger) {
    }

    private record PlacementKey(long journey, String contact) {
    }

    /** The automations' decisions on one event. */
    private record Decisions(List<MoveWrite> moves, List<RunRow> runs, boolean anySkipOnCachedState) {
    }

    private final AutomationStorage storage;
    private final PlacementStorage history;
    private final JourneyCatalog catalog;
    private final PlacementCache placements;
    private final ListenerHub listeners;
    private final TriggerRegistry triggers;
    private final AutomationDefinitions definitions;
    private final MovePath moves;
    private final int maxChainDepth;
    private final PluginClock pluginClock;
    // Automations on another instance change rarely; a second of lag before they run here is the price
    // of not reading them for every event. Refreshed in the background, so no publisher waits for a reload.
    private final LoadingCache<IndexKey, List<Automation>> index;

    @Inject
    AutomationEngine(AutomationStorage storage, PlacementStorage history, JourneyCatalog catalog, PlacementCache placements, ListenerHub listeners,
                     TriggerRegistry triggers, AutomationDefinitions definitions, MovePath moves, CoreSettings settings) {
        this.storage = storage;
        this.history = history;
        this.catalog = catalog;
        this.placements = placements;
        this.listeners = listeners;
        this.triggers = triggers;
        this.definitions = definitions;
        this.moves = moves;
        this.maxChainDepth = settings.maxChainDepth();
        this.pluginClock = new PluginClock(settings.pluginTimeout());
        // Another instance's automation changes reach this index within a second. A refresh alone would not
        // bound that: the first read after an idle hour would still be served the hour-old list.
        this.index = Caffeine.newBuilder().refreshAfterWrite(Duration.ofMillis(500)).expireAfterWrite(Duration.ofSeconds(1))
                .maximumSize(100_000)
                .build(key -> definitions.load(key.tenant(), key.trigger()));
        moves.afterCommit(new MovePath.Automations() {
            @Override
            public List<RunRecord> stageChanged(String tenant, Transition transition, int depth) {
                return AutomationEngine.this.stageChanged(tenant, transition, depth);
            }

            @Override
            public List<RunRecord> fire(String tenant, TriggerEvent event) {
                return AutomationEngine.this.fire(tenant, event, triggers.get(event.triggerType()));
            }
        });
    }

    void forget(String tenant, String trigger) {
        index.invalidate(new IndexKey(tenant, trigger));
    }

    private List<Automation> automationsOn(String tenant, String trigger) {
        return index.get(new IndexKey(tenant, trigger));
    }

    EventResult publish(String tenant, TriggerEvent event) {
        BuiltInTriggers.refuseFromHost(Inputs.required("event", event));
        TriggerPlugin plugin = triggers.get(event.triggerType());
        return process(tenant, event, plugin, 0, ALL);
    }

    private static final Predicate<Automation> ALL = a -> true;

    /** An event's records are its automations' decisions and their chains': far fewer than this. */
    private static final int MAX_RESUMED_RECORDS = 10_000;

    /** @param considered which of the trigger's automations take part: all, but for a resumed chain step */
    private EventResult process(String tenant, TriggerEvent event, TriggerPlugin plugin, int depth,
                                Predicate<Automation> considered) {
        List<Automation> automations = considered == ALL ? automationsOn(tenant, event.triggerType())
                : automationsOn(tenant, event.triggerType()).stream().filter(considered).toList();
        Map<String, Object> attributes;
        try {
            attributes = EventCheck.check(plugin, event, pluginClock);
        } catch (PluginFailure failure) {
            return failed(tenant, event, automations, depth, "trigger plugin failed: " + failure.getMessage());
        }
        // No look-up of the event id first: the processed-event key in the write catches a duplicate
        // delivery, and a look-up would cost every event a query to save the rare duplicate some work.
        return moves.run(tenant, new Planner<>() {
            @Override
            public Plan<EventResult> plan(boolean fresh) {
                Decisions decided = depth > maxChainDepth
                        ? loopStopped(event, automations, depth)
                        : decide(tenant, event, attributes, automations, depth, fresh, new HashMap<>());
                if (decided.anySkipOnCachedState() && !fresh) {
                    // A skip decided on a cached placement may be stale; decide again on fresh reads.
                    return Plan.unsure();
                }
                Batch batch = Batch.of(decided.moves()).with(new RunLogWrite(event.eventId(), event.triggerType(),
                        event.contactKey(), depth, moves.now(), decided.runs(), true));
                return new Plan.Write<>(batch, FollowUp.ofEvent(depth), (commit, chains) -> {
                    List<RunRecord> records = new ArrayList<>(withConditions(tenant, commit.records(), automations));
                    chains.forEach(records::addAll);
                    return new EventResult(event.eventId(), false, records);
                }, () -> new EventResult(event.eventId(), true, resumeChain(tenant, event.eventId())));
            }

            @Override
            public EventResult contention(int attempts) {
                return failed(tenant, event, automations, depth, "gave up after " + attempts + " concurrent changes");
            }
        });
    }

    /**
     * Publishes several host events of one tenant in one transaction, as the asynchronous publisher
     * does. Falls back to one transaction per event when the batch cannot be written whole: a
     * duplicate delivery, a compare-and-set lost to another writer, a failing plugin.
     *
     * @return for each event, its result or the exception publishing it alone would have thrown
     */
    List<Object> publishBatch(String tenant, List<TriggerEvent> events) {
        List<Object> results = new ArrayList<>(java.util.Collections.nCopies(events.size(), null));
        List<Integer> batched = new ArrayList<>();
        List<Map<String, Object>> attributes = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            TriggerEvent event = events.get(i);
            try {
                BuiltInTriggers.refuseFromHost(Inputs.required("event", event));
                Map<String, Object> checked = EventCheck.check(triggers.get(event.triggerType()), event, pluginClock);
                if (ids.add(event.eventId())) {
                    batched.add(i);
                    attributes.add(checked);
                }
            } catch (PluginFailure failure) {
                // publishing it alone logs the failure and leaves the event for a retry
            } catch (RuntimeException invalid) {
                results.set(i, invalid);
            }
        }
        if (!batched.isEmpty()) {
            writeBatch(tenant, events, batched, attributes, results);
        }
        for (int i = 0; i < events.size(); i++) {
            if (results.get(i) == null) {
                try {
                    results.set(i, publish(tenant, events.get(i)));
                } catch (RuntimeException e) {
                    results.set(i, e);
                }
            }
        }
        return results;
    }

    /** All or nothing, in one transaction: a batch that loses a compare-and-set or meets a duplicate writes nothing. */
    private void writeBatch(String tenant, List<TriggerEvent> events, List<Integer> batched,
                            List<Map<String, Object>> attributes, List<Object> results) {
        moves.run(tenant, new Planner<Boolean>() {
            @Override
            public Plan<Boolean> plan(boolean fresh) {
                Map<PlacementKey, PlacementState> planned = new HashMap<>();
                List<MoveWrite> all = new ArrayList<>();
                List<RunLogWrite> rows = new ArrayList<>();
                boolean skipOnCache = false;
                for (int k = 0; k < batched.size(); k++) {
                    TriggerEvent event = events.get(batched.get(k));
                    Decisions decided = decide(tenant, event, attributes.get(k), automationsOn(tenant, event.triggerType()), 0,
                            fresh, planned);
                    skipOnCache |= decided.anySkipOnCachedState();
                    rows.add(new RunLogWrite(event.eventId(), event.triggerType(), event.contactKey(), 0, moves.now(),
                            shifted(decided.runs(), all.size()), true));
                    all.addAll(decided.moves());
                }
                if (skipOnCache && !fresh) {
                    return Plan.unsure();
                }
                Batch batch = Batch.of(all);
                for (RunLogWrite row : rows) {
                    batch = batch.with(row);
                }
                return new Plan.Write<>(batch, FollowUp.ofEvent(0), (commit, chains) -> {
                    int move = 0;
                    int record = 0;
                    for (int k = 0; k < batched.size(); k++) {
                        TriggerEvent event = events.get(batched.get(k));
                        int moved = (int) rows.get(k).runs().stream().filter(r -> r.moveIndex() >= 0).count();
                        int logged = rows.get(k).runs().size();
                        List<RunRecord> own = new ArrayList<>(withConditions(tenant,
                                commit.records().subList(record, record + logged), automationsOn(tenant, event.triggerType())));
                        chains.subList(move, move + moved).forEach(own::addAll);
                        results.set(batched.get(k), new EventResult(event.eventId(), false, own));
                        move += moved;
                        record += logged;
                    }
                    return true;
                }, () -> false);
            }

            @Override
            public Boolean contention(int attempts) {
                // Each event is then published alone, and retries on its own.
                return false;
            }
        }, 1);
    }

    private static List<RunRow> shifted(List<RunRow> runs, int offset) {
        if (offset == 0) {
            return runs;
        }
        return runs.stream().map(r -> r.moveIndex() < 0 ? r : new RunRow(r.automationId(), r.eventId(), r.triggerType(),
                r.contactKey(), r.recordedAt(), r.chainDepth(), r.decision(), r.moveIndex() + offset)).toList();
    }

    /** @param planned placements already moved by earlier events of the same transaction; updated here */
    private Decisions decide(String tenant, TriggerEvent event, Map<String, Object> attributes,
                             List<Automation> automations, int depth, boolean fresh,
                             Map<PlacementKey, PlacementState> planned) {
        List<MoveWrite> writes = new ArrayList<>();
        List<RunRow> runs = new ArrayList<>();
        boolean skipOnCache = false;
        Instant now = moves.now();
        for (Automation automation : automations) {
            if (!automation.enabled()) {
                continue;
            }
            Optional<RunDecision> unmatched = firstUnmatched(automation, attributes);
            if (unmatched.isPresent()) {
                runs.add(row(automation, event, depth, now, unmatched.get(), -1));
                continue;
            }
            MoveSource source = new MoveSource.Automation(automation.id(), event.eventId());
            for (Outcome outcome : automation.outcomes()) {
                Outcome.MoveToStage target = (Outcome.MoveToStage) outcome;
                Optional<Journey> found = catalog.find(tenant, target.journey(), fresh);
                if (found.isEmpty()) {
                    runs.add(row(automation, event, depth, now,
                            new RunDecision.Skipped(target.journey(), ReasonCode.UNKNOWN_JOURNEY,
                                    new Rejection.UnknownJourney(target.journey()).message()),
                            -1));
                    skipOnCache |= !fresh;
                    continue;
                }
                Journey journey = found.get();
                PlacementKey key = new PlacementKey(journey.id().value(), event.contactKey());
                PlacementState current = planned.containsKey(key)
                        ? planned.get(key)
                        : placements.get(tenant, journey.id(), event.contactKey(), fresh);
                StageId stage = target.enterAtFirstStage() && current.stage().isEmpty() && !journey.stages().isEmpty()
                        ? journey.firstStage().id()
                        : target.stage();
                Move request = Move.to(event.contactKey(), journey.id(), stage, source);
                Decision decision = moves.decide(tenant, journey, current, request);
                if (decision instanceof Decision.Accept accept) {
                    MoveWrite write = moves.write(journey, current, accept, request, now, now);
                    writes.add(write);
                    planned.put(key, new PlacementState(journey.id(), event.contactKey(), accept.to(), write.effectiveAt(),
                            current.version() + 1));
                    runs.add(row(automation, event, depth, now,
                            new RunDecision.Moved(journey.id(), accept.from(), stage, -1), writes.size() - 1));
                } else {
                    RunDecision.Skipped skipped = decision instanceof Decision.Refuse refuse
                            ? new RunDecision.Skipped(journey.id(), refuse.reason().code(), refuse.reason().message())
                            : new RunDecision.Skipped(journey.id(), ReasonCode.ALREADY_IN_STAGE, "the contact is already in "
                                    + journey.stage(stage).map(StageRef::of).map(Object::toString).orElse(stage.toString())
                                    + " of " + JourneyRef.of(journey));
                    runs.add(row(automation, event, depth, now, skipped, -1));
                    skipOnCache |= !fresh;
                }
            }
        }
        return new Decisions(writes, runs, skipOnCache);
    }

    private static Optional<RunDecision> firstUnmatched(Automation automation, Map<String, Object> attributes) {
        for (int i = 0; i < automation.conditions().size(); i++) {
            Condition condition = automation.conditions().get(i);
            Optional<String> failed = dev.journeys.core.internal.automation.Conditions.evaluate(condition, attributes);
            if (failed.isPresent()) {
                return Optional.of(new RunDecision.NotMatched(i, condition, failed.get()));
            }
        }
        return Optional.empty();
    }

    private Decisions loopStopped(TriggerEvent event, List<Automation> automations, int depth) {
        Instant now = moves.now();
        List<RunRow> runs = automations.stream().filter(Automation::enabled)
                .map(a -> row(a, event, depth, now, new RunDecision.LoopStopped(depth), -1)).toList();
        return new Decisions(List.of(), runs, false);
    }

    private EventResult failed(String tenant, TriggerEvent event, List<Automation> automations, int depth, String error) {
        // A delivery of an event applied before is a duplicate, whatever kept this one from planning: its
        // plugin failing now, or its moves losing to concurrent ones (they are written before the event's key).
        if (storage.eventApplied(tenant, event.eventId())) {
            return new EventResult(event.eventId(), true, resumeChain(tenant, event.eventId()));
        }
        Instant now = moves.now();
        List<RunRow> runs = automations.stream().filter(Automation::enabled)
                .map(a -> row(a, event, depth, now, new RunDecision.Failed(error), -1)).toList();
        // Not marked processed, so the event can be delivered again: its row is no key, and nothing else is written.
        Batch batch = Batch.of(List.of()).with(new RunLogWrite(event.eventId(), event.triggerType(), event.contactKey(),
                depth, now, runs, false));
        return moves.run(tenant, new Planner<>() {
            @Override
            public Plan<EventResult> plan(boolean fresh) {
                return Plan.write(batch, FollowUp.QUIET,
                        (commit, chains) -> new EventResult(event.eventId(), false, commit.records()));
            }

            @Override
            public EventResult contention(int attempts) {
                throw new IllegalStateException("a run log row without moves lost a compare-and-set");
            }
        });
    }

    private static RunRow row(Automation automation, TriggerEvent event, int depth, Instant at, RunDecision decision,
                              int moveIndex) {
        return new RunRow(automation.id(), event.eventId(), event.triggerType(), event.contactKey(), at, depth, decision,
                moveIndex);
    }

    /** Storage reads back "condition i failed"; the automation knows which condition that was. */
    List<RunRecord> withConditions(String tenant, List<RunRecord> records, List<Automation> known) {
        if (records.stream().noneMatch(r -> r.decision() instanceof RunDecision.NotMatched n && n.condition() == null)) {
            return records;
        }
        Map<Long, Automation> byId = new LinkedHashMap<>();
        known.forEach(a -> byId.put(a.id(), a));
        List<RunRecord> filled = new ArrayList<>(records.size());
        for (RunRecord r : records) {
            if (r.decision() instanceof RunDecision.NotMatched n && n.condition() == null) {
                Automation a = byId.computeIfAbsent(r.automationId(), id -> definitions.find(tenant, id).orElse(null));
                Condition condition = a != null && n.conditionIndex() < a.conditions().size()
                        ? a.conditions().get(n.conditionIndex()) : null;
                r = new RunRecord(r.id(), r.automationId(), r.eventId(), r.triggerType(), r.contactKey(), r.recordedAt(),
                        r.chainDepth(), new RunDecision.NotMatched(n.conditionIndex(), condition, n.detail()));
            }
            filled.add(r);
        }
        return filled;
    }

    /** Offers a built-in trigger's event to its automations; cheap when there are none. */
    List<RunRecord> fire(String tenant, TriggerEvent event, TriggerPlugin trigger) {
        if (automationsOn(tenant, trigger.key()).isEmpty()) {
            return List.of();
        }
        try {
            return process(tenant, event, trigger, 0, ALL).records();
        } catch (RuntimeException e) {
            // What fired it has committed already; the failure is the automations' own.
            org.slf4j.LoggerFactory.getLogger(AutomationEngine.class)
                    .warn("Automations on {} event {} failed", trigger.key(), event.eventId(), e);
            return List.of();
        }
    }

    /** Offers a committed move to {@code journey.stage_changed} automations; cheap when there are none. */
    List<RunRecord> stageChanged(String tenant, Transition t, int depth) {
        return stageChanged(tenant, t, depth, ALL);
    }

    private List<RunRecord> stageChanged(String tenant, Transition t, int depth, Predicate<Automation> considered) {
        if (automationsOn(tenant, BuiltInTriggers.STAGE_CHANGED).isEmpty()) {
            return List.of();
        }
        Optional<Journey> journey = catalog.find(tenant, t.journeyId(), false);
        if (journey.isEmpty()) {
            return List.of();
        }
        TriggerEvent event = stageChangedEvent(journey.get(), t);
        return process(tenant, event, BuiltInTriggers.STAGE_CHANGED_TRIGGER, depth, considered).records();
    }

    /**
     * The chain of an event delivered again. Its moves committed before the chain ran, so a process that
     * died in between left chain steps that never ran; the delivery that follows such a crash runs them,
     * each once (its event id keys it like any other), and walks down the steps that did run, to the
     * loop guard. A step that runs late considers only the automations that existed when its move was
     * made. Cheap when the tenant has no {@code journey.stage_changed} automation: nothing is read.
     */
    private List<RunRecord> resumeChain(String tenant, String eventId) {
        if (automationsOn(tenant, BuiltInTriggers.STAGE_CHANGED).isEmpty()) {
            return List.of();
        }
        List<RunRecord> moved = storage.runLog(tenant, RunLogQuery.all().event(eventId), Optional.empty(),
                MAX_RESUMED_RECORDS).stream()
                .filter(r -> r.decision() instanceof RunDecision.Moved)
                .sorted(java.util.Comparator.comparingLong(r -> ((RunDecision.Moved) r.decision()).transitionId()))
                .toList();
        List<RunRecord> resumed = new ArrayList<>();
        for (RunRecord r : moved) {
            RunDecision.Moved move = (RunDecision.Moved) r.decision();
            int depth = r.chainDepth() + 1;
            String step = BuiltInTriggers.STAGE_CHANGED + ":" + move.transitionId();
            if (storage.eventApplied(tenant, step)) {
                if (depth <= maxChainDepth) {
                    resumed.addAll(resumeChain(tenant, step));
                }
                continue;
            }
            Optional<Transition> cut = history.history(tenant, move.journey(), r.contactKey()).stream()
                    .filter(t -> t.id() == move.transitionId()).findFirst();
            if (cut.isPresent()) {
                Predicate<Automation> existed = a -> !a.createdAt().isAfter(cut.get().recordedAt());
                // None existed then: nothing was cut, and a step now would only log that nothing matched.
                if (automationsOn(tenant, BuiltInTriggers.STAGE_CHANGED).stream().anyMatch(existed)) {
                    resumed.addAll(stageChanged(tenant, cut.get(), depth, existed));
                }
            }
        }
        return resumed;
    }

    private static TriggerEvent stageChangedEvent(Journey journey, Transition t) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("journey_id", journey.id().value());
        attributes.put("journey", journey.name());
        t.from().ifPresent(s -> {
            attributes.put("from_stage_id", s.value());
            journey.stage(s).map(Stage::name).ifPresent(name -> attributes.put("from_stage", name));
        });
        t.to().ifPresent(s -> {
            attributes.put("to_stage_id", s.value());
            journey.stage(s).map(Stage::name).ifPresent(name -> attributes.put("to_stage", name));
        });
        attributes.put("source", t.source().kind().name());
        if (t.source() instanceof MoveSource.Automation a) {
            attributes.put("automation_id", a.automationId());
        }
        // Derived from the transition, so a chain step is idempotent like any host event.
        return new TriggerEvent(BuiltInTriggers.STAGE_CHANGED + ":" + t.id(), BuiltInTriggers.STAGE_CHANGED,
                t.contactKey(), t.effectiveAt(), attributes);
    }
}
