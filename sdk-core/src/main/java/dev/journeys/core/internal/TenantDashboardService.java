package dev.journeys.core.internal;

import dev.journeys.api.Bucket;
import dev.journeys.api.ConversionTime;
import dev.journeys.api.DashboardService;
import dev.journeys.api.Funnel;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.Movements;
import dev.journeys.api.NotFoundException;
import dev.journeys.api.Page;
import dev.journeys.api.PageRequest;
import dev.journeys.api.Placement;
import dev.journeys.api.Populations;
import dev.journeys.api.Stage;
import dev.journeys.api.StageCounts;
import dev.journeys.api.StageId;
import dev.journeys.api.StalledContact;
import dev.journeys.api.Stalls;
import dev.journeys.api.TimeRange;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.dashboard.HistoryReplay;
import dev.journeys.core.internal.dashboard.Stalling;
import dev.journeys.core.internal.storage.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard of one tenant. This first version answers from the history and the placements as they
 * are, which is exact and live but costs time in proportion to the journey's history; maintained
 * counters and rollups, checked against {@link HistoryReplay}, are to replace it for large journeys.
 */
final class TenantDashboardService implements DashboardService {

    private final String tenant;
    private final Storage storage;
    private final JourneyCatalog catalog;
    private final MoveEngine moves;

    TenantDashboardService(String tenant, Storage storage, JourneyCatalog catalog, MoveEngine moves) {
        this.tenant = tenant;
        this.storage = storage;
        this.catalog = catalog;
        this.moves = moves;
    }

    private Journey journey(JourneyId id) {
        Inputs.required("journey id", id);
        return catalog.find(tenant, id, true).orElseThrow(() -> NotFoundException.journey(id));
    }

    private List<Transition> history(Journey journey, Optional<Instant> upTo) {
        List<Transition> history = new ArrayList<>();
        storage.forEachTransitionByEffectiveTime(tenant, journey.id(), upTo, history::add);
        return history;
    }

    @Override
    public StageCounts stageCounts(JourneyId id) {
        Journey journey = journey(id);
        Map<StageId, Long> counts = new LinkedHashMap<>();
        Map<StageId, Long> stored = storage.countByStage(tenant, journey.id());
        journey.stages().forEach(s -> counts.put(s.id(), stored.getOrDefault(s.id(), 0L)));
        return new StageCounts(journey.id(), moves.now(), counts);
    }

    @Override
    public StageCounts stageCountsAt(JourneyId id, Instant at) {
        Inputs.required("instant", at);
        Journey journey = journey(id);
        return new StageCounts(journey.id(), at, HistoryReplay.counts(journey, history(journey, Optional.of(at))));
    }

    @Override
    public Populations populations(JourneyId id, TimeRange range, Bucket bucket) {
        Inputs.required("time range", range);
        Inputs.required("bucket", bucket);
        Journey journey = journey(id);
        return HistoryReplay.populations(journey, history(journey, Optional.of(range.to())), range, bucket);
    }

    @Override
    public Funnel funnel(JourneyId id, Funnel.Order order, Optional<TimeRange> cohort) {
        Inputs.required("funnel order", order);
        Inputs.required("cohort", cohort);
        Journey journey = journey(id);
        return HistoryReplay.funnel(journey, history(journey, Optional.empty()), order, cohort);
    }

    @Override
    public ConversionTime timeToConvert(JourneyId id, StageId from, StageId to, Optional<TimeRange> cohort) {
        Inputs.required("from stage", from);
        Inputs.required("to stage", to);
        Inputs.required("cohort", cohort);
        Journey journey = journey(id);
        stage(journey, from);
        stage(journey, to);
        return HistoryReplay.timeToConvert(journey, history(journey, Optional.empty()), from, to, cohort);
    }

    @Override
    public Stalls stalls(JourneyId id, Optional<Duration> threshold) {
        Journey journey = journey(id);
        List<Placement> placements = new ArrayList<>();
        storage.forEachPlacement(tenant, journey.id(), placements::add);
        return Stalling.stalls(journey, placements, moves.now(), positive(threshold));
    }

    @Override
    public Page<StalledContact> stalledContacts(JourneyId id, StageId stageId, Optional<Duration> threshold,
                                                PageRequest page) {
        Inputs.required("page", page);
        Journey journey = journey(id);
        Stage stage = stage(journey, stageId);
        Optional<Duration> limit = Stalling.threshold(stage, positive(threshold));
        if (limit.isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        Instant now = moves.now();
        Optional<Cursor> after = page.after().map(Cursor::parse);
        List<Placement> found = storage.oldestInStage(tenant, journey.id(), stageId, now.minus(limit.get()),
                after.map(Cursor::enteredAt), after.map(Cursor::contactKey), page.limit() + 1);
        List<StalledContact> items = found.stream().limit(page.limit())
                .map(p -> new StalledContact(p.contactKey(), stageId, p.enteredAt(), Duration.between(p.enteredAt(), now)))
                .toList();
        Optional<String> next = found.size() > page.limit()
                ? Optional.of(new Cursor(items.get(items.size() - 1).enteredAt(), items.get(items.size() - 1).contactKey()).text())
                : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public Movements movements(JourneyId id, TimeRange range) {
        Inputs.required("time range", range);
        Journey journey = journey(id);
        return HistoryReplay.movements(journey, history(journey, Optional.of(range.to())), range);
    }

    private static Stage stage(Journey journey, StageId stage) {
        return journey.stage(stage).orElseThrow(() -> NotFoundException.stage(stage));
    }

    private static Optional<Duration> positive(Optional<Duration> threshold) {
        Inputs.required("threshold", threshold);
        threshold.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new dev.journeys.api.InvalidInputException("a stall threshold must be positive, was " + t);
            }
        });
        return threshold;
    }

    /** Keyset position in the oldest-first order: entry time, then contact key. */
    private record Cursor(Instant enteredAt, String contactKey) {
        static Cursor parse(String text) {
            int bar = text.indexOf('|');
            try {
                return new Cursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
            } catch (RuntimeException e) {
                throw new dev.journeys.api.InvalidInputException("not a stalled-contacts cursor: " + text);
            }
        }

        String text() {
            return enteredAt + "|" + contactKey;
        }
    }
}
