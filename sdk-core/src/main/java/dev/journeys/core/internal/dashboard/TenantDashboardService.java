package dev.journeys.core.internal.dashboard;

import dev.journeys.api.Bucket;
import dev.journeys.api.ConversionTime;
import dev.journeys.api.DashboardCheck;
import dev.journeys.api.DashboardService;
import dev.journeys.api.Funnel;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyRef;
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
import dev.journeys.core.internal.input.Inputs;
import dev.journeys.core.internal.input.Pages;
import dev.journeys.core.internal.input.SdkState;
import dev.journeys.core.internal.moves.JourneyCatalog;
import dev.journeys.core.internal.moves.MovePath;
import dev.journeys.core.internal.moves.PlacementStorage;
import dev.journeys.core.internal.moves.StagePosition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard of one tenant. Every answer comes from aggregates folded from the history
 * ({@link Aggregates}), which grow with stages, buckets, cohort days and paths, never with contacts, plus
 * what the history not folded yet adds; {@link HistoryReplay} is the reference that {@link #check} holds
 * them to.
 */
public final class TenantDashboardService implements DashboardService {

    private final String tenant;
    private final SdkState state;
    private final DashboardStorage storage;
    private final PlacementStorage placed;
    private final JourneyCatalog catalog;
    private final MovePath moves;

    public TenantDashboardService(String tenant, SdkState state, DashboardStorage storage, PlacementStorage placed, JourneyCatalog catalog,
                                  MovePath moves) {
        this.tenant = tenant;
        this.state = state;
        this.storage = storage;
        this.placed = placed;
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
        state.check();
        Journey journey = journey(id);
        Instant now = moves.now();
        return new StageCounts(journey.id(), now,
                Aggregates.countsNow(journey, storage.readDashboard(tenant, journey.id(), DashboardRead.countsOnly())));
    }

    @Override
    public StageCounts stageCountsAt(JourneyId id, Instant at) {
        state.check();
        Inputs.required("instant", at);
        Journey journey = journey(id);
        return new StageCounts(journey.id(), at, Aggregates.countsAt(journey,
                storage.readDashboard(tenant, journey.id(), Aggregates.forCountsAt(at)), at));
    }

    @Override
    public Populations populations(JourneyId id, TimeRange range, Bucket bucket) {
        state.check();
        Inputs.required("time range", range);
        Inputs.required("bucket", bucket);
        Journey journey = journey(id);
        DashboardRead read = Aggregates.forPopulations(range, bucket);
        return Aggregates.populations(journey, storage.readDashboard(tenant, journey.id(), read), range, bucket);
    }

    @Override
    public Funnel funnel(JourneyId id, Funnel.Order order, Optional<TimeRange> cohort) {
        state.check();
        Inputs.required("funnel order", order);
        Inputs.required("cohort", cohort);
        Journey journey = journey(id);
        return Aggregates.funnel(journey, storage.readDashboard(tenant, journey.id(), DashboardRead.forPaths()), order, cohort);
    }

    @Override
    public ConversionTime timeToConvert(JourneyId id, StageId from, StageId to, Optional<TimeRange> cohort) {
        state.check();
        Inputs.required("from stage", from);
        Inputs.required("to stage", to);
        Inputs.required("cohort", cohort);
        Journey journey = journey(id);
        stage(journey, from);
        stage(journey, to);
        return Aggregates.timeToConvert(journey, storage.readDashboard(tenant, journey.id(),
                DashboardRead.forConversions(from, to, cohort.isPresent())), from, to, cohort);
    }

    @Override
    public Stalls stalls(JourneyId id, Optional<Duration> threshold) {
        state.check();
        Journey journey = journey(id);
        Optional<Duration> given = positive(threshold);
        return Aggregates.stalls(journey, storage.readDashboard(tenant, journey.id(), DashboardRead.forOccupancy()),
                moves.now(), given);
    }

    @Override
    public Page<StalledContact> stalledContacts(JourneyId id, StageId stageId, Optional<Duration> threshold,
                                                PageRequest page) {
        state.check();
        Inputs.required("page", page);
        Journey journey = journey(id);
        Stage stage = stage(journey, stageId);
        Optional<Duration> limit = Stalling.threshold(stage, positive(threshold));
        if (limit.isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        Instant now = moves.now();
        List<Placement> found = placed.placementsInStage(tenant, journey.id(), stageId,
                Optional.of(now.minus(limit.get())), page.after().map(StagePosition::parse), page.limit() + 1);
        Page<Placement> placed = Pages.of(found, page.limit(), p -> StagePosition.of(p).cursor());
        return new Page<>(placed.items().stream()
                .map(p -> new StalledContact(p.contactKey(), stageId, p.enteredAt(), Duration.between(p.enteredAt(), now)))
                .toList(), placed.next());
    }

    @Override
    public Movements movements(JourneyId id, TimeRange range) {
        state.check();
        Inputs.required("time range", range);
        Journey journey = journey(id);
        return Aggregates.movements(journey, storage.readDashboard(tenant, journey.id(), Aggregates.forMovements(range)),
                range);
    }

    @Override
    public DashboardCheck check(JourneyId id) {
        state.check();
        // Aggregates and history from one snapshot, or a move landing between the two reads is a false difference.
        return storage.readConsistently(() -> checkNow(id));
    }

    private DashboardCheck checkNow(JourneyId id) {
        Journey journey = journey(id);
        List<Transition> history = history(journey, Optional.empty());
        List<String> differences = new ArrayList<>();
        differ(differences, "stage counts", stageCounts(id).counts(), HistoryReplay.counts(journey, history));
        if (!history.isEmpty()) {
            Instant now = moves.now();
            TimeRange span = TimeRange.of(history.get(0).effectiveAt(), now.plusSeconds(1));
            differ(differences, "daily populations", populations(id, span, Bucket.DAY).points(),
                    HistoryReplay.populations(journey, history, span, Bucket.DAY).points());
            differ(differences, "moves by source", Set.copyOf(movements(id, span).sources()),
                    Set.copyOf(HistoryReplay.movements(journey, history, span).sources()));
            for (Funnel.Order order : Funnel.Order.values()) {
                differ(differences, order.name().toLowerCase() + " funnel", funnel(id, order, Optional.empty()),
                        HistoryReplay.funnel(journey, history, order, Optional.empty()));
            }
            for (int i = 1; i < journey.stages().size(); i++) {
                StageId from = journey.stages().get(i - 1).id();
                StageId to = journey.stages().get(i).id();
                // Contacts only: median and p90 come from buckets, so they match the replay only within 2.5%.
                differ(differences, "conversions from " + from + " to " + to,
                        timeToConvert(id, from, to, Optional.empty()).contacts(),
                        HistoryReplay.timeToConvert(journey, history, from, to, Optional.empty()).contacts());
            }
            Map<StageId, Long> occupants = new LinkedHashMap<>();
            stalls(id, Optional.empty()).stages().forEach(s -> occupants.put(s.stage(), s.inStage()));
            differ(differences, "contacts in stage by entry hour", occupants, HistoryReplay.counts(journey, history));
        }
        return new DashboardCheck(journey.id(), differences.isEmpty(), differences);
    }

    private static void differ(List<String> differences, String what, Object aggregates, Object replayed) {
        if (!aggregates.equals(replayed)) {
            differences.add(what + ": aggregates " + clip(aggregates) + ", history " + clip(replayed));
        }
    }

    private static String clip(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "…";
    }

    @Override
    public DashboardCheck repair(JourneyId id) {
        state.check();
        Journey journey = journey(id);
        storage.rebuildDashboard(tenant, journey.id());
        return check(id);
    }

    private static Stage stage(Journey journey, StageId stage) {
        return journey.stage(stage).orElseThrow(() -> NotFoundException.stage(stage, JourneyRef.of(journey)));
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
}
