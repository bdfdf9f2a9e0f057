package dev.journeys.core.internal.moves;

import dev.journeys.api.Rejection;
import dev.journeys.api.StageId;
import java.util.Optional;

/** What the rules say about a move, before anything is written. */
public sealed interface Decision {

    /** Write a transition from {@code from} to {@code to} (empty {@code to}: exit). */
    record Accept(Optional<StageId> from, Optional<StageId> to) implements Decision {
    }

    /** Already there: write nothing, fire nothing. */
    record NoOp() implements Decision {
    }

    record Refuse(Rejection reason) implements Decision {
    }
}
