package dev.journeys.api;

import java.util.List;
import java.util.Optional;

/** The automations of one tenant, the events that drive them, and the log of what they decided. */
public interface AutomationService {

    /**
     * Stores an automation after checking it against its trigger's declared attributes and the journeys
     * it moves contacts in.
     *
     * @throws dev.journeys.api.InvalidInputException naming the first problem found
     */
    Automation create(AutomationSpec spec);

    List<Automation> list();

    Optional<Automation> find(long id);

    Automation setEnabled(long id, boolean enabled);

    /**
     * Automations that can no longer do what they say, each with the reason: a target stage removed, a
     * journey archived. They keep running and log a skip each time; this is where a team finds them first.
     */
    List<String> problems();

    /**
     * Processes an event now, on the caller's thread: matches the tenant's automations on its trigger,
     * applies their outcomes, and logs every decision. Idempotent on the event id.
     *
     * <p>The event's moves commit before their {@code journey.stage_changed} chain runs. When the chain
     * cannot finish (the process dies, or this call throws a {@link StorageException} from a chain step),
     * delivering the event again runs the steps that never ran, once each, and returns their records.
     *
     * @throws dev.journeys.api.InvalidInputException for an unknown trigger, a missing contact, wrong
     *         attribute types or an oversized payload; nothing is applied
     * @throws StorageException when the database fails; deliver the event again
     */
    EventResult publish(TriggerEvent event);

    /**
     * Queues an event for background processing and returns at once, unless the queue is full: then it
     * waits for room, so a producer can never outrun the database. Queued events are written many to a
     * transaction; each still gets its own result, run log and idempotency exactly as with
     * {@link #publish}. Closing the SDK processes everything already queued before it returns.
     *
     * @return completes with the event's result, or exceptionally with the error {@link #publish} would throw
     * @throws ClosedException once the SDK is closing
     */
    java.util.concurrent.CompletableFuture<EventResult> publishAsync(TriggerEvent event);

    /**
     * The records the query matches, newest first, one page at a time: a page's {@code next} is an opaque cursor
     * for {@link PageRequest#after}, and records written after the first page never shift the pages that follow.
     */
    Page<RunRecord> runLog(RunLogQuery query, PageRequest page);
}
