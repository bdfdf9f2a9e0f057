package dev.journeys.api;

import java.util.Optional;

/**
 * A request to put a contact in a stage, or, made with {@link #exit}, to take it out of the journey.
 *
 * <pre>{@code
 * MoveRequest.to("contact-42", sales.id(), demo.id(), Actor.person("ann"))
 *            .expecting(ExpectedStage.inStage(lead.id()))
 *            .withNote("called back")
 * }</pre>
 *
 * @param target the stage to put the contact in; empty only for {@link #exit}
 * @param actor who acted; the move is recorded as theirs
 */
public record MoveRequest(
        String contactKey,
        JourneyId journeyId,
        Optional<StageId> target,
        Actor actor,
        ExpectedStage expected,
        Optional<String> note) {

    /**
     * @throws InvalidInputException if {@code stage} is null: a contact leaves a journey only by {@link #exit}
     */
    public static MoveRequest to(String contactKey, JourneyId journeyId, StageId stage, Actor actor) {
        if (stage == null) {
            throw new InvalidInputException("the stage to move to is required; to take a contact out of a journey,"
                    + " use MoveRequest.exit");
        }
        return new MoveRequest(contactKey, journeyId, Optional.of(stage), actor, ExpectedStage.any(), Optional.empty());
    }

    /** Takes the contact out of the journey; a contact not in it is left unchanged. */
    public static MoveRequest exit(String contactKey, JourneyId journeyId, Actor actor) {
        return new MoveRequest(contactKey, journeyId, Optional.empty(), actor, ExpectedStage.any(), Optional.empty());
    }

    public MoveRequest expecting(ExpectedStage expectation) {
        return new MoveRequest(contactKey, journeyId, target, actor, expectation, note);
    }

    public MoveRequest withNote(String text) {
        return new MoveRequest(contactKey, journeyId, target, actor, expected, Optional.ofNullable(text));
    }

    public boolean isExit() {
        return target.isEmpty();
    }
}
