package dev.journeys.samples.dashboard;

import dev.journeys.api.ConversionTime;
import dev.journeys.api.DashboardService;
import dev.journeys.api.Funnel;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.Movements;
import dev.journeys.api.PageRequest;
import dev.journeys.api.Populations;
import dev.journeys.api.Stage;
import dev.journeys.api.StageCounts;
import dev.journeys.api.StalledContact;
import dev.journeys.api.Stalls;
import dev.journeys.api.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the page shows about one journey, read from the SDK's {@link DashboardService}. Each part is
 * read on its own: one that fails shows its error in its own card and the rest of the page still renders.
 */
public record JourneyPanel(
        Journey journey,
        Instant asOf,
        Part<StageCounts> counts,
        Part<Funnel> funnel,
        Part<ConversionTime> conversion,
        Part<Populations> populations,
        Part<Stalls> stalls,
        Part<List<StalledContact>> oldestStalled,
        Part<Movements> lastDay,
        Part<Movements> lastWeek) {

    /** How many of the oldest stalled contacts the page lists. */
    public static final int OLDEST_STALLED = 6;

    private static final Logger LOG = LoggerFactory.getLogger(JourneyPanel.class);

    /** A value, or why there is none. */
    public record Part<T>(T value, String error) {
        public static <T> Part<T> of(T value) {
            return new Part<>(value, null);
        }

        public static <T> Part<T> failed(String error) {
            return new Part<>(null, error);
        }

        public boolean ok() {
            return error == null;
        }

        static <T> Part<T> read(String what, Supplier<T> reader) {
            try {
                return of(reader.get());
            } catch (RuntimeException e) {
                LOG.warn("dashboard: {} failed", what, e);
                return failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }
    }

    /** Reads the panel of {@code journey} as of {@code now}, for the view the reader picked. */
    public static JourneyPanel load(JourneyService journeys, Journey journey, ViewOptions view, Instant now) {
        DashboardService dashboard = journeys.dashboard();
        // Ranges end a second after now: a move committed just before this read is in them.
        Instant end = now.plusSeconds(1);
        Instant from = view.bucket().start(now.minus(view.range().length()));
        TimeRange populationRange = TimeRange.of(from, view.bucket().next(view.bucket().start(now)));
        Stage first = journey.stages().get(0);
        Stage last = journey.stages().get(journey.stages().size() - 1);
        Part<Stalls> stalls = Part.read("stalls", () -> dashboard.stalls(journey.id(), Optional.empty()));
        return new JourneyPanel(journey, now,
                Part.read("stage counts", () -> dashboard.stageCounts(journey.id())),
                Part.read("funnel", () -> dashboard.funnel(journey.id(), view.order(), Optional.empty())),
                journey.stages().size() < 2 ? Part.failed("needs two stages")
                        : Part.read("time to convert", () -> dashboard.timeToConvert(journey.id(), first.id(), last.id(),
                                Optional.empty())),
                Part.read("populations", () -> dashboard.populations(journey.id(), populationRange, view.bucket())),
                stalls,
                Part.read("stalled contacts", () -> oldestStalled(dashboard, journey, stalls)),
                Part.read("movements (24 h)", () -> dashboard.movements(journey.id(),
                        TimeRange.of(now.minus(Duration.ofHours(24)), end))),
                Part.read("movements (7 days)", () -> dashboard.movements(journey.id(),
                        TimeRange.of(now.minus(Duration.ofDays(7)), end))));
    }

    /** The oldest stalled contacts over all stages: the first few of each stage that has any, merged. */
    private static List<StalledContact> oldestStalled(DashboardService dashboard, Journey journey, Part<Stalls> stalls) {
        List<StalledContact> all = new ArrayList<>();
        for (Stage stage : journey.stages()) {
            boolean any = !stalls.ok() || stalls.value().stages().stream()
                    .anyMatch(s -> s.stage().equals(stage.id()) && s.stalled() > 0);
            if (any) {
                all.addAll(dashboard.stalledContacts(journey.id(), stage.id(), Optional.empty(),
                        PageRequest.first(OLDEST_STALLED)).items());
            }
        }
        all.sort(Comparator.comparing(StalledContact::timeInStage).reversed()
                .thenComparing(StalledContact::contactKey));
        return List.copyOf(all.subList(0, Math.min(OLDEST_STALLED, all.size())));
    }
}
