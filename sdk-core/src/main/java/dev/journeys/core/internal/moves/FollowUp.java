package dev.journeys.core.internal.moves;

import dev.journeys.api.TriggerEvent;
import dev.journeys.core.internal.storage.Commit;
import java.util.List;
import java.util.function.Function;

/**
 * What the after-commit step does beyond updating the cache and telling listeners, which it always does.
 *
 * @param events the trigger events the write itself caused (a status change's), offered to automations first
 * @param chainDepth the depth at which each move is offered to {@code journey.stage_changed}; 0 offers none
 * @param chainFailuresThrow whether a chain step that fails is the caller's to know (an event's, which its
 *        redelivery resumes) or only logged (anything else: the move stands and nothing delivers it again)
 */
public record FollowUp(Function<Commit.Applied, List<TriggerEvent>> events, int chainDepth, boolean chainFailuresThrow) {

    /** Cache and listeners only: the moves reach no automation. */
    public static final FollowUp QUIET = new FollowUp(applied -> List.of(), 0, false);

    /** Cache, listeners, and a chain step for each move, whose failure is logged. */
    public static final FollowUp CHAINED = new FollowUp(applied -> List.of(), 1, false);

    /** The moves of an event at {@code depth}: their chain steps run at {@code depth + 1}, failures thrown. */
    public static FollowUp ofEvent(int depth) {
        return new FollowUp(applied -> List.of(), depth + 1, true);
    }

    public FollowUp firing(Function<Commit.Applied, List<TriggerEvent>> caused) {
        return new FollowUp(caused, chainDepth, chainFailuresThrow);
    }
}
