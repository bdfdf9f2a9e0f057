package dev.journeys.benchmarks;

import dev.journeys.api.Actor;
import dev.journeys.api.AutomationService;
import dev.journeys.api.EventResult;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.RunDecision;
import dev.journeys.api.RunRecord;
import dev.journeys.api.TriggerEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One producer thread of the event bench: publishes events for its own contacts, synchronously, each with a new
 * event id and the status that makes one automation move the contact to the stage it is not in. A step counts
 * only if the event was applied and moved the contact; a duplicate or a missing move is a failure.
 */
final class EventPublisher implements Mover {

    private final AutomationService automations;
    private final String trigger;
    private final String[] contacts;
    private final boolean[] inB;
    private final String idPrefix;
    private final int expectedRecords;
    private long sequence;
    private int next;
    private long[] latencies = new long[0];
    private int recorded = -1;

    /**
     * Enters every contact into stage A first, so that measured events update a placement, never insert one.
     *
     * @param idPrefix unique to this publisher in the run: event ids are this prefix and a sequence number
     * @param expectedRecords run-log records one event must produce (the automations on the trigger); 0 skips the check
     */
    EventPublisher(JourneyService service, Journey journey, String trigger, String[] contacts, String idPrefix,
                   int expectedRecords) {
        this.automations = service.automations();
        this.trigger = trigger;
        this.contacts = contacts;
        this.inB = new boolean[contacts.length];
        this.idPrefix = idPrefix;
        this.expectedRecords = expectedRecords;
        Actor source = Actor.person("bench");
        for (String contact : contacts) {
            if (!service.move(MoveRequest.to(contact, journey.id(), journey.stages().get(0).id(), source)).isMoved()) {
                throw new IllegalStateException("could not place " + contact);
            }
        }
    }

    /** Publishes one event and checks, once, that it produced one record per automation and exactly one move. */
    void check() {
        EventResult result = publish();
        long moved = result.records().stream().filter(r -> r.decision() instanceof RunDecision.Moved).count();
        long notMatched = result.records().stream().filter(r -> r.decision() instanceof RunDecision.NotMatched).count();
        if (result.duplicate() || moved != 1 || (expectedRecords > 0 && result.records().size() != expectedRecords)) {
            throw new IllegalStateException("bench event " + result.eventId() + " gave " + result.records().size()
                    + " records (" + moved + " moved, " + notMatched + " not matched), expected " + expectedRecords
                    + " with 1 move: " + result.records().stream().limit(3).toList());
        }
    }

    /** From now on, keeps each publish's wall time; {@link #latencies()} returns them. */
    void recordLatencies() {
        latencies = new long[4096];
        recorded = 0;
    }

    long[] latencies() {
        return recorded < 0 ? new long[0] : Arrays.copyOf(latencies, recorded);
    }

    @Override
    public boolean step() {
        long begin = recorded >= 0 ? System.nanoTime() : 0;
        EventResult result = publish();
        if (recorded >= 0) {
            if (recorded == latencies.length) {
                latencies = Arrays.copyOf(latencies, recorded * 2);
            }
            latencies[recorded++] = System.nanoTime() - begin;
        }
        return !result.duplicate() && moved(result);
    }

    private EventResult publish() {
        int i = next;
        next = (i + 1) % contacts.length;
        Map<String, Object> attributes = new LinkedHashMap<>(4);
        attributes.put("status", inB[i] ? BenchAutomations.TO_A : BenchAutomations.TO_B);
        attributes.put("amount", BenchAutomations.AMOUNT);
        attributes.put("n", i);
        EventResult result = automations.publish(
                new TriggerEvent(idPrefix + sequence++, trigger, contacts[i], Instant.now(), attributes));
        // A failed event may be published again; here it simply leaves the contact where it was.
        if (!result.duplicate() && moved(result)) {
            inB[i] = !inB[i];
        }
        return result;
    }

    private static boolean moved(EventResult result) {
        for (RunRecord r : result.records()) {
            if (r.decision() instanceof RunDecision.Moved) {
                return true;
            }
        }
        return false;
    }
}
