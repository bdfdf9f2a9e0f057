package dev.journeys.benchmarks;

import dev.journeys.api.Actor;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.MoveOutcome;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.StageId;

/** Moves through the public API, each step a real stage change between two stages of an unsequenced journey. */
final class SdkMover implements Mover {

    private static final Actor SOURCE = Actor.person("bench");

    private final JourneyService service;
    private final Journey journey;
    private final StageId a;
    private final StageId b;
    private final String[] contacts;
    private final boolean[] inB;
    private int next;

    /** Enters every contact into stage A first, so that measured moves update a placement, never insert one. */
    SdkMover(JourneyService service, Journey journey, String[] contacts) {
        this.service = service;
        this.journey = journey;
        this.a = journey.stages().get(0).id();
        this.b = journey.stages().get(1).id();
        this.contacts = contacts;
        this.inB = new boolean[contacts.length];
        for (String contact : contacts) {
            if (!service.move(MoveRequest.to(contact, journey.id(), a, SOURCE)).isMoved()) {
                throw new IllegalStateException("could not place " + contact);
            }
        }
    }

    @Override
    public boolean step() {
        int i = next;
        next = (i + 1) % contacts.length;
        StageId to = inB[i] ? a : b;
        MoveOutcome outcome = service.move(MoveRequest.to(contacts[i], journey.id(), to, SOURCE));
        if (!outcome.isMoved()) {
            // Each thread moves only its own contacts: anything but Moved is a failure the bench must name.
            throw new IllegalStateException("a move of " + contacts[i] + " came back " + outcome);
        }
        inB[i] = !inB[i];
        return true;
    }
}
