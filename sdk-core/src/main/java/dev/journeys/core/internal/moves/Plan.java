package dev.journeys.core.internal.moves;

import dev.journeys.api.RunRecord;
import dev.journeys.core.internal.storage.Batch;
import dev.journeys.core.internal.storage.Commit;
import java.util.List;
import java.util.function.Supplier;

/** What a source's {@link Planner} makes of one attempt at its write. */
public sealed interface Plan<R> {

    /** Nothing to write: the answer is known, such as a refusal or a no-op decided on fresh reads. */
    record Done<R>(R result) implements Plan<R> {
    }

    /**
     * Decided on cached reads, in a way the write would not confirm (a refusal or a no-op is not checked by
     * a compare-and-set): plan again on fresh reads.
     */
    record Unsure<R>() implements Plan<R> {
    }

    /**
     * Write {@code batch}; once it has committed, {@code followUp} runs, and {@code applied} makes the answer
     * from the commit and the chain records of each of its moves.
     */
    record Write<R>(Batch batch, FollowUp followUp, Applied<R> applied, Supplier<R> duplicate) implements Plan<R> {
    }

    interface Applied<R> {
        R result(Commit.Applied commit, List<List<RunRecord>> chains);
    }

    static <R> Plan<R> done(R result) {
        return new Done<>(result);
    }

    static <R> Plan<R> unsure() {
        return new Unsure<>();
    }

    /** A write whose batch cannot be a duplicate: it carries no event key. */
    static <R> Plan<R> write(Batch batch, FollowUp followUp, Applied<R> applied) {
        return new Write<>(batch, followUp, applied, () -> {
            throw new IllegalStateException("a batch without an event key was reported a duplicate");
        });
    }
}
