package dev.journeys.api;

/** A compare-and-set guard on a move: where the caller believes the contact is now. */
public sealed interface ExpectedStage {

    /** No guard: the move applies to wherever the contact is. */
    record Any() implements ExpectedStage {
    }

    /** The contact must not be in the journey. */
    record NotInJourney() implements ExpectedStage {
    }

    /** The contact must be in this stage. */
    record InStage(StageId stage) implements ExpectedStage {
    }

    static ExpectedStage any() {
        return new Any();
    }

    static ExpectedStage notInJourney() {
        return new NotInJourney();
    }

    static ExpectedStage inStage(StageId stage) {
        return new InStage(stage);
    }
}
