package dev.journeys.core.internal.moves;

import dev.journeys.api.JourneyId;
import dev.journeys.api.RunRecord;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.storage.Batch;
import dev.journeys.core.internal.storage.Commit;
import dev.journeys.core.internal.storage.PlacementState;
import dev.journeys.core.internal.storage.WriteTransaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A transaction of the move path held open across several writes, for a source that decides on locked reads
 * (an import, an undo). Each write goes through the storage's one entry; {@link #commit()} commits and then
 * runs the after-commit step for everything written since the last commit.
 */
public final class MoveTransaction implements AutoCloseable {

    /** Beyond this many moves waiting for a commit, they are read back after it instead of held. */
    static final int MAX_HELD = 10_000;

    /** Reads back, page by page, the moves of a transaction too large to hold. */
    public interface ReadBack {
        void pages(Consumer<List<Transition>> page);
    }

    private record Pending(Commit.Applied applied, FollowUp followUp) {
    }

    private final MovePath path;
    private final String tenant;
    private final WriteTransaction tx;
    private final Optional<ReadBack> readBack;
    private final List<Pending> pending = new ArrayList<>();
    private int held;
    private FollowUp overflowed;

    MoveTransaction(MovePath path, String tenant, WriteTransaction tx, Optional<ReadBack> readBack) {
        this.path = path;
        this.tenant = tenant;
        this.tx = tx;
        this.readBack = readBack;
    }

    String tenant() {
        return tenant;
    }

    public long lockJourney(JourneyId journey) {
        return tx.lockJourney(journey);
    }

    public Map<String, PlacementState> placements(JourneyId journey, Collection<String> contacts) {
        return tx.placements(journey, contacts);
    }

    public Map<String, Set<Long>> linesApplied(List<Long> jobIds, JourneyId journey, Collection<String> contacts) {
        return tx.linesApplied(jobIds, journey, contacts);
    }

    public long[] transitionRange() {
        return tx.transitionRange();
    }

    /** Writes through the storage's one entry; what applied waits for the commit to be followed up. */
    Commit write(Batch batch, FollowUp followUp) {
        Commit commit = tx.write(batch);
        if (commit instanceof Commit.Applied applied) {
            if (overflowed == null && held + applied.transitions().size() <= MAX_HELD) {
                pending.add(new Pending(applied, followUp));
                held += applied.transitions().size();
            } else {
                if (readBack.isEmpty()) {
                    throw new IllegalStateException("more than " + MAX_HELD + " moves in one transaction, and no way to read them back");
                }
                overflowed = followUp;
                pending.clear();
            }
        }
        return commit;
    }

    /** Commits, then runs the after-commit step; returns the chain records of each move, in order. */
    public List<List<RunRecord>> commit() {
        tx.commit();
        List<Pending> done = List.copyOf(pending);
        FollowUp overflow = overflowed;
        forget();
        if (overflow != null) {
            readBack.orElseThrow().pages(page -> path.follow(tenant, page, overflow));
            return List.of();
        }
        List<List<RunRecord>> chains = new ArrayList<>();
        for (Pending p : done) {
            chains.addAll(path.follow(tenant, p.applied(), p.followUp()));
        }
        return chains;
    }

    public void rollback() {
        forget();
        tx.rollback();
    }

    private void forget() {
        pending.clear();
        held = 0;
        overflowed = null;
    }

    @Override
    public void close() {
        forget();
        tx.close();
    }
}
