package dev.journeys.core.internal.storage;

import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.Placement;
import dev.journeys.api.StageId;
import dev.journeys.api.StatusChange;
import dev.journeys.api.Transition;
import dev.journeys.api.Outcome;
import dev.journeys.api.RunDecision;
import dev.journeys.api.RunLogQuery;
import dev.journeys.api.RunRecord;
import dev.journeys.api.ImportJob;
import dev.journeys.api.RowRejection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the engine asks of the database. Every method is scoped by tenant; no method returns
 * another tenant's rows whatever ids it is given. Failures surface as {@code JourneysException}s
 * and leave nothing written.
 */
public interface Storage {

    /**
     * Brings the schema up to date and starts following commits into {@code feed}; called once from
     * the runtime's start, never from wiring.
     */
    void start(PlacementFeed feed);

    void close();

    // ---- definitions

    /** @throws dev.journeys.api.DuplicateNameException if the name is taken in the tenant */
    Journey createJourney(String tenant, String name, Journey.Kind kind, boolean requiresSequence,
                          boolean allowsBackward, List<String> stageNames);

    Optional<Journey> findJourney(String tenant, JourneyId id);

    Optional<Journey> findJourneyByName(String tenant, String name);

    List<Journey> listJourneys(String tenant);

    /** The journey a stage belongs to, removed stages included. */
    Optional<JourneyId> journeyOfStage(String tenant, StageId stage);

    /**
     * Applies {@code change} if the journey is still at {@code expectedVersion}.
     *
     * @return the journey as changed
     * @throws dev.journeys.api.ConcurrentChangeException if it is not
     */
    Journey changeJourney(String tenant, JourneyId id, long expectedVersion, JourneyChange change);

    // ---- placements and history

    PlacementState loadPlacement(String tenant, JourneyId journey, String contactKey);

    /**
     * Opens the transaction through which placements and history are written. A read-only one, for a dry
     * run, takes no locks and refuses to write.
     */
    WriteTransaction begin(String tenant, boolean readOnly);

    List<Placement> placementsOfContact(String tenant, String contactKey);

    /**
     * Contacts in the stage, longest in it first (entry time, then contact key), past {@code after} when
     * present, and only those that entered it before {@code enteredBefore} when that is present.
     */
    List<Placement> placementsInStage(String tenant, JourneyId journey, StageId stage, Optional<Instant> enteredBefore,
                                      Optional<StagePosition> after, int limit);

    Map<StageId, Long> countByStage(String tenant, JourneyId journey);

    List<Transition> history(String tenant, JourneyId journey, String contactKey);

    // ---- tenants, system journeys and contact status

    /** Remembers a tenant; idempotent and safe when several instances do it at once. */
    void registerTenant(String tenant, Instant now);

    List<String> tenants();

    /**
     * Creates the tenant's copy of a system journey, or upgrades it in place to {@code definition}'s
     * version by appending the stages it lacks. Idempotent, and safe when several instances do it at once.
     */
    Journey provisionSystemJourney(String tenant, SystemJourneyDefinition definition, Instant now);

    StatusState loadStatus(String tenant, String contactKey);

    List<StatusChange> statusHistory(String tenant, String contactKey);

    // ---- automations and events

    StoredAutomation createAutomation(String tenant, String name, String triggerType, List<StoredCondition> conditions,
                                      List<Outcome> outcomes, boolean enabled, Instant now);

    /** The tenant's automations, of one trigger type when given, ordered by id. */
    List<StoredAutomation> automations(String tenant, Optional<String> triggerType);

    Optional<StoredAutomation> automation(String tenant, long id);

    Optional<StoredAutomation> setAutomationEnabled(String tenant, long id, boolean enabled);

    /** Newest first; {@link RunDecision.NotMatched} records carry a null condition for the engine to fill in. */
    List<RunRecord> runLog(String tenant, RunLogQuery query);

    /** Whether an attempt at the event applied it in the tenant: a later delivery is a duplicate. */
    boolean eventApplied(String tenant, String eventId);

    // ---- imports

    /** Records a new job as running, in a transaction of its own. */
    ImportJob createImportJob(String tenant, ImportJobStart start);

    /** Writes a job's progress or end in a transaction of its own. */
    void updateImportJob(String tenant, long jobId, JobProgress progress);

    /** Keeps rejected rows with the job, in a transaction of its own. */
    void recordRejections(String tenant, long jobId, List<RowRejection> rejections);

    Optional<ImportJob> importJob(String tenant, long jobId);

    /** Newest first, ids below {@code beforeId} when given. */
    List<ImportJob> importJobs(String tenant, Optional<Long> beforeId, int limit);

    /** In file order, lines after {@code afterLine}. */
    List<RowRejection> importRejections(String tenant, long jobId, long afterLine, int limit);

    /** Earlier jobs of the same bytes that wrote moves and were not undone, oldest first. */
    List<Long> importJobsOfFile(String tenant, String fingerprint);

    /** The job's transitions with ids in {@code (afterId, toId]}, in id order. */
    List<Transition> importTransitions(String tenant, long jobId, long afterId, long toId, int limit);

    /** Streams every contact the job moved, per journey, without holding them all in memory. */
    void forEachUndoTarget(String tenant, long jobId, Consumer<UndoTarget> target);

    /** Marks the job undone; false when it was already. */
    boolean claimUndo(String tenant, long jobId, Instant at);

    // ---- dashboard

    /**
     * Streams the journey's history in effective-time order (ties by placement version), moves effective
     * at or before {@code upTo} only when given.
     */
    void forEachTransitionByEffectiveTime(String tenant, JourneyId journey, Optional<Instant> upTo,
                                          Consumer<Transition> each);

    /** Streams the journey's current placements. */
    void forEachPlacement(String tenant, JourneyId journey, Consumer<Placement> each);

    /**
     * Folds the next bounded chunk of committed history not folded yet into the dashboard's aggregates, in
     * one transaction that also moves the fold's mark; call again while it returns true. Safe with
     * several instances: one folds, the others return at once. A storage may do other background
     * catching-up of its own on this cadence (the JDBC storage files H2's run log by contact here).
     *
     * @return true when it folded a full chunk, so that more history may be waiting; false when it folded
     *         the rest, found nothing, or another folder or the writers held it off
     */
    boolean foldDashboard();

    /**
     * Runs {@code reads} so that every read it makes through this storage, on this thread, sees one snapshot
     * of the database: a check that compares the aggregates with the history must not see a move land between.
     */
    <T> T readConsistently(java.util.function.Supplier<T> reads);

    /** Reads a journey's dashboard aggregates, and what is not folded yet, in one snapshot. */
    DashboardSlice readDashboard(String tenant, JourneyId journey, DashboardRead read);

    /**
     * Replaces the journey's aggregates with those of its folded history, under the fold's lock: the
     * repair when a check finds them wrong.
     */
    void rebuildDashboard(String tenant, JourneyId journey);
}
