package dev.journeys.api;

import java.util.List;

/**
 * What undoing an import did. Each contact the job moved is put back where it was before the job, by
 * compensating moves recorded as {@link MoveSource.ImportUndo}; history is never deleted.
 *
 * @param reverted contacts (per journey) put back
 * @param refused contacts left alone
 * @param refusals the first 1,000 of them, with why: usually that they moved after the job
 */
public record UndoReport(long jobId, long reverted, long refused, List<Refusal> refusals) {

    public static final int MAX_LISTED_REFUSALS = 1_000;

    public UndoReport {
        refusals = List.copyOf(refusals);
    }

    /** @param code {@link ReasonCode#MOVED_SINCE}, or the code of the {@link Rejection} of the compensating move */
    public record Refusal(String contactKey, JourneyId journey, ReasonCode code, String message) {
    }
}
