package dev.journeys.core.internal.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one write through {@link WriteTransaction#write} changes, in one transaction: the placements
 * by compare-and-set, one history row per move, and what travels with them. Nothing else writes
 * placements or history.
 *
 * @param moves the placements to change, in order; a contact may move more than once
 * @param runLog the run-log rows of the events that caused the moves; an applied event's row is also its
 *               key, so a second delivery of it is a {@link Commit.Duplicate}
 * @param status the contact's status change, when a status change caused the moves
 * @param job the import job's rejected rows and progress, when an import caused them
 * @param removal the stage to remove once the moves have taken its contacts elsewhere
 */
public record Batch(List<MoveWrite> moves, List<RunLogWrite> runLog, Optional<StatusRow> status,
                    Optional<JobRecord> job, Optional<StageRemoval> removal) {

    public Batch {
        moves = List.copyOf(moves);
        runLog = List.copyOf(runLog);
    }

    public static Batch of(List<MoveWrite> moves) {
        return new Batch(moves, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Batch of(MoveWrite move) {
        return of(List.of(move));
    }

    public Batch with(RunLogWrite row) {
        List<RunLogWrite> rows = new ArrayList<>(runLog);
        rows.add(row);
        return new Batch(moves, rows, status, job, removal);
    }

    public Batch with(StatusRow row) {
        return new Batch(moves, runLog, Optional.of(row), job, removal);
    }

    public Batch with(JobRecord record) {
        return new Batch(moves, runLog, status, Optional.of(record), removal);
    }

    public Batch with(StageRemoval stage) {
        return new Batch(moves, runLog, status, job, Optional.of(stage));
    }
}
