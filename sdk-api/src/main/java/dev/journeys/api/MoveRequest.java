package dev.journeys.api;

import java.util.Optional;

/**
 * A request to put a contact in a stage, or take it out of the journey when {@code target} is empty.
 *
 * <pre>{@code
 * MoveRequest.to("contact-42", sales.id(), demo.id(), MoveSource.manual("ann"))
 *            .expecting(ExpectedStage.inStage(lead.id()))
 *            .withNote("called back")
 * }</pre>
 */
public record MoveRequest(
        String contactKey,
        JourneyId journeyId,
        Optional<StageId> target,
        MoveSource source,
        ExpectedStage expected,
        Optional<String> note) {

    public static MoveRequest to(String contactKey, JourneyId journeyId, StageId stage, MoveSource source) {
        return new MoveRequest(contactKey, journeyId, Optional.ofNullable(stage), source,
                ExpectedStage.any(), Optional.empty());
    }

    /** Takes the contact out of the journey; a contact not in it is left unchanged. */
    public static MoveRequest exit(String contactKey, JourneyId journeyId, MoveSource source) {
        return new MoveRequest(contactKey, journeyId, Optional.empty(), source, ExpectedStage.any(), Optional.empty());
    }

    public MoveRequest expecting(ExpectedStage expectation) {
        return new MoveRequest(contactKey, journeyId, target, source, expectation, note);
    }

    public MoveRequest withNote(String text) {
        return new MoveRequest(contactKey, journeyId, target, source, expected, Optional.ofNullable(text));
    }

    public boolean isExit() {
        return target.isEmpty();
    }
}
