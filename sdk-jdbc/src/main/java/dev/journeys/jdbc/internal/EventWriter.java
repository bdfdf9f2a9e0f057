package dev.journeys.jdbc.internal;

import dev.journeys.api.Transition;
import dev.journeys.api.RunDecision;
import dev.journeys.core.internal.storage.EventCommit;
import dev.journeys.core.internal.storage.EventWrite;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.core.internal.storage.RunRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Writes one event's effects in one transaction: each move by compare-and-set, then the run log, whose row
 * for an applied event is also its processed-event key. A second delivery fails on that key's unique index
 * and rolls back whatever it had written before.
 */
final class EventWriter {

    private final DataSource dataSource;
    private final MoveWriter moves;

    EventWriter(DataSource dataSource, MoveWriter moves) {
        this.dataSource = dataSource;
        this.moves = moves;
    }

    EventCommit apply(String tenant, EventWrite w) {
        // A unique violation before the run log is two first entries of one contact racing: a conflict.
        return Db.transaction(dataSource, "event " + w.eventId(), c -> write(c, tenant, w),
                commit -> commit instanceof EventCommit.Applied, EventCommit.Conflict::new);
    }

    private EventCommit write(Connection c, String tenant, EventWrite w) throws SQLException {
        List<Transition> transitions = new ArrayList<>();
        for (MoveWrite move : w.moves()) {
            Optional<Transition> written = moves.write(c, tenant, move);
            if (written.isEmpty()) {
                return new EventCommit.Conflict();
            }
            transitions.add(written.get());
        }
        try {
            return new EventCommit.Applied(transitions, RunLog.insert(c, tenant, List.of(attempt(w, transitions, 0))));
        } catch (SQLException e) {
            if (w.markProcessed() && Db.isUniqueViolation(e)) {
                return new EventCommit.Duplicate();
            }
            throw e;
        }
    }

    /** The event's run-log attempt; {@code offset} is where its moves start among {@code transitions}. */
    static RunLog.Attempt attempt(EventWrite w, List<Transition> transitions, int offset) {
        List<RunLogCodec.Entry> entries = new ArrayList<>(w.runs().size());
        for (RunRow run : w.runs()) {
            entries.add(new RunLogCodec.Entry(run.automationId(), decisionWithTransition(run, transitions, offset)));
        }
        return new RunLog.Attempt(w.eventId(), w.triggerType(), w.contactKey(), w.at(), w.chainDepth(), w.markProcessed(),
                entries);
    }

    /** A Moved decision learns its transition's id; {@code offset} is where the event's moves start. */
    static RunDecision decisionWithTransition(RunRow run, List<Transition> transitions, int offset) {
        return run.moveIndex() >= 0
                ? movedWithId((RunDecision.Moved) run.decision(), transitions.get(offset + run.moveIndex()).id())
                : run.decision();
    }

    private static RunDecision movedWithId(RunDecision.Moved moved, long transitionId) {
        return new RunDecision.Moved(moved.journey(), moved.from(), moved.to(), transitionId);
    }
}
