package dev.journeys.api;


/** What an automation does when its conditions hold. */
public sealed interface Outcome {

    /**
     * Moves the event's contact to {@code stage}, under the journey's usual rules.
     *
     * @param enterAtFirstStage when the contact is not in the journey yet, place it at the journey's
     *        first stage instead of {@code stage}
     */
    record MoveToStage(JourneyId journey, StageId stage, boolean enterAtFirstStage) implements Outcome {
    }

    static Outcome moveTo(JourneyId journey, StageId stage) {
        return new MoveToStage(journey, stage, false);
    }
}
