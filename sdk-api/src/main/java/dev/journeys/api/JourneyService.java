package dev.journeys.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything a host does with the journeys of one tenant.
 *
 * <p>Definition changes throw a {@link JourneysException} on bad input and write nothing.
 * Moves never throw for a refusal: they return a {@link MoveOutcome}, whose {@link MoveOutcome.Rejected}
 * case carries a typed {@link Rejection}. Limits: names up to {@value #MAX_NAME_LENGTH} characters,
 * contact keys up to {@value #MAX_CONTACT_KEY_LENGTH}, notes up to {@value #MAX_NOTE_LENGTH}.
 */
public interface JourneyService {

    int MAX_NAME_LENGTH = 200;
    int MAX_CONTACT_KEY_LENGTH = 255;
    int MAX_NOTE_LENGTH = 2000;

    /** The tenant this service is bound to. */
    String tenant();

    // ---- Definitions -------------------------------------------------------------------------

    /** Creates a custom journey; names are unique per tenant, stage names per journey, ignoring case. */
    Journey createJourney(JourneySpec spec);

    /** All journeys of the tenant, archived ones included, ordered by name. */
    List<Journey> journeys();

    Optional<Journey> journey(JourneyId id);

    /** Finds a journey by name, ignoring case and surrounding spaces. */
    Optional<Journey> journeyNamed(String name);

    Journey renameJourney(JourneyId id, String newName);

    /** Keeps the journey and its history readable, and refuses every further move, exits included. */
    Journey archiveJourney(JourneyId id);

    /** Appends a stage at the end of the journey. */
    Journey addStage(JourneyId id, String stageName);

    Journey renameStage(JourneyId id, StageId stage, String newName);

    /**
     * Puts the stages in the given order; the list must name every current stage exactly once.
     * History is never rewritten: earlier transitions keep pointing at the same stage ids.
     */
    Journey reorderStages(JourneyId id, List<StageId> order);

    /** Removes a stage that no contact is in; throws {@link StageInUseException} otherwise. */
    Journey removeStage(JourneyId id, StageId stage);

    /**
     * Removes a stage after moving every contact in it to {@code moveContactsTo}, all in the same transaction as
     * the removal. Each relocation is a move like any other, in an archived or sequenced journey too: it is
     * recorded in history as {@link MoveSource.StageRemoval} by {@code actor}, and listeners and
     * {@code journey.stage_changed} automations hear of it.
     */
    Journey removeStage(JourneyId id, StageId stage, StageId moveContactsTo, Actor actor);

    /**
     * Sets how many days a contact is expected to stay in a stage (1 to 3650), or clears it; the dashboard
     * counts longer stays as stalled.
     */
    Journey setExpectedDays(JourneyId id, StageId stage, OptionalInt days);

    // ---- Moves -------------------------------------------------------------------------------

    /** The one way a contact enters, moves within or leaves a journey. */
    MoveOutcome move(MoveRequest request);

    // ---- Queries -----------------------------------------------------------------------------

    /** Where the contact is now in one journey; served from cache when it can be. */
    Optional<Placement> placement(String contactKey, JourneyId journey);

    /** Where the contact is now in every journey of the tenant, ordered by journey id. */
    List<Placement> placements(String contactKey);

    /**
     * The contacts now in a stage, one page at a time, longest in the stage first: by the time they entered
     * it, then by contact key. A page's {@code next} is an opaque cursor for {@link PageRequest#after}.
     */
    Page<Placement> contactsInStage(JourneyId id, StageId stage, PageRequest page);

    /** Number of contacts in each current stage of a journey; stages with no contact map to zero. */
    Map<StageId, Long> stageCounts(JourneyId id);

    /** Every transition of the contact in the journey, oldest first. */
    List<Transition> history(String contactKey, JourneyId journey);

    /** Time-in-stage facts for each stage the contact has ever entered, in the journey's stage order. */
    List<StageTime> stageTimes(String contactKey, JourneyId journey);

    // ---- Contact status (drives system journeys such as Advocate Enrollment) ---------------

    /**
     * Sets a contact's status, e.g. {@code enrolled}, on behalf of {@code actor}. In one transaction it
     * records the change and moves the contact in every system journey that follows status; then it
     * fires {@code contact.status_changed} for automations. Setting the status the contact already has
     * changes nothing and returns empty.
     *
     * @throws InvalidInputException for a status no installed system journey knows
     */
    Optional<StatusChange> setStatus(String contactKey, String status, Actor actor);

    Optional<String> status(String contactKey);

    /** Every status change of the contact, oldest first. */
    List<StatusChange> statusHistory(String contactKey);

    // ---- Automations --------------------------------------------------------------------------

    /** The tenant's automations, the events that drive them, and their run log. */
    AutomationService automations();

    // ---- Dashboard ----------------------------------------------------------------------------

    /** Stage counts, populations over time, conversion, stalls and movement by source. */
    DashboardService dashboard();

    // ---- Imports ------------------------------------------------------------------------------

    /** Bulk moves from CSV files, their jobs and their undo. */
    ImportService imports();

    // ---- Listeners ---------------------------------------------------------------------------

    /**
     * Calls {@code listener} after each committed move in this tenant, on the thread that made the move.
     * A listener that throws is logged and skipped; the move stands and other listeners still run.
     */
    Registration onStageChange(StageChangeListener listener);
}
