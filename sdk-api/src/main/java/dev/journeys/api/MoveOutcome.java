package dev.journeys.api;

import java.util.Optional;

/** What became of a {@link MoveRequest}. */
public sealed interface MoveOutcome {

    /** The move committed and appended {@code transition} to the history. */
    record Moved(Transition transition) implements MoveOutcome {
    }

    /** The contact already was where the request pointed; nothing was written and no event fired. */
    record Unchanged(Optional<Placement> current) implements MoveOutcome {
    }

    /** The move was refused; nothing was written. */
    record Rejected(Rejection reason) implements MoveOutcome {
    }

    default boolean isMoved() {
        return this instanceof Moved;
    }

    /**
     * For callers who prefer exceptions: returns this outcome unless it is a rejection.
     *
     * @throws MoveRejectedException carrying the rejection
     */
    default MoveOutcome orThrow() {
        if (this instanceof Rejected rejected) {
            throw new MoveRejectedException(rejected.reason());
        }
        return this;
    }
}
