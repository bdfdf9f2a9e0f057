package dev.journeys.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the journeys of a tenant look like: how many contacts are in each stage, how that changes over
 * time, where contacts convert or stall, and what moved them. Every answer is live: a move committed
 * before the call is in it. Times are the moves' effective times, so backfilled imports land where they
 * belong.
 *
 * <p>The answers come from aggregates that a background fold keeps from the history, a second or so
 * behind, plus what the history not folded yet adds; their size grows with stages, time buckets and
 * cohort days, not with contacts. {@link #check} holds them to a replay of the history, and
 * {@link #repair} rebuilds them from it.
 *
 * @throws NotFoundException from every method, for a journey or stage not in this tenant
 */
public interface DashboardService {

    /** Contacts in each stage now. */
    StageCounts stageCounts(JourneyId journey);

    /** Contacts in each current stage at a past instant, as the history tells it. */
    StageCounts stageCountsAt(JourneyId journey, Instant at);

    /** Populations at the end of each bucket of the range, with entries and exits per bucket. */
    Populations populations(JourneyId journey, TimeRange range, Bucket bucket);

    /** Step and cumulative conversion, optionally for a cohort of contacts that entered in a range. */
    Funnel funnel(JourneyId journey, Funnel.Order order, Optional<TimeRange> cohort);

    /** Median, p90 and mean time from first entering {@code from} to first entering {@code to}. */
    ConversionTime timeToConvert(JourneyId journey, StageId from, StageId to, Optional<TimeRange> cohort);

    /**
     * Per stage: how many contacts have been in it longer than {@code threshold}, or, when it is empty,
     * than the stage's expected days; and the median time in the stage. Time in stage is counted to the
     * hour: a contact is stalled when it entered before the start of the hour holding now minus the threshold.
     */
    Stalls stalls(JourneyId journey, Optional<Duration> threshold);

    /** The contacts in a stage for longer than the threshold (as for {@link #stalls}), oldest first. */
    Page<StalledContact> stalledContacts(JourneyId journey, StageId stage, Optional<Duration> threshold,
                                         PageRequest page);

    /** The moves effective in a range, by source. */
    Movements movements(JourneyId journey, TimeRange range);

    /**
     * Compares the journey's maintained aggregates with its history replayed from the start. Costs time in
     * proportion to the history: an operator's tool, not a page's.
     */
    DashboardCheck check(JourneyId journey);

    /** Rebuilds the journey's aggregates from its history, then checks them. */
    DashboardCheck repair(JourneyId journey);
}
