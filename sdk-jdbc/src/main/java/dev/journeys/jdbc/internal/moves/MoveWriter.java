package dev.journeys.jdbc.internal.moves;

import dev.journeys.api.StageId;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.jdbc.internal.db.Dialect;
import dev.journeys.jdbc.internal.db.Rows;
import dev.journeys.jdbc.internal.db.SourceCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements of a move: placement by compare-and-set, then its history row, inside the transaction of
 * the {@link BatchWriter}, which is their only caller.
 *
 * <p>Plain JDBC rather than Jdbi, on purpose: this is the only hot write, and profiling the move
 * benchmark put most of the SDK's extra client CPU per move in Jdbi's per-statement set-up (argument
 * binding lookup, generated-key mapping, per-handle configuration copies). The SQL stays in this module.
 */
public final class MoveWriter {

    static final String INSERT_IF_JOURNEY_AT = """
            insert into placements (journey_id, contact_key, tenant_id, stage_id, entered_at, version)
            select id, ?, tenant_id, ?, ?, 1 from journeys where id = ? and tenant_id = ? and version = ?""";
    static final String UPDATE_IF_VERSIONS_AT = """
            update placements set stage_id = ?, entered_at = ?, version = version + 1
             where journey_id = ? and contact_key = ? and version = ?
               and exists (select 1 from journeys where id = ? and tenant_id = ? and version = ?)""";

    final String insertHistory;
    /** For batches: on PostgreSQL a racing first entry must not abort the whole transaction, only miss. */
    private final String insertIfJourneyAt;

    public MoveWriter(Dialect dialect) {
        this.insertIfJourneyAt = dialect == Dialect.POSTGRES ? INSERT_IF_JOURNEY_AT + " on conflict do nothing" : INSERT_IF_JOURNEY_AT;
        this.insertHistory = """
                insert into transitions (tenant_id, journey_id, contact_key, from_stage_id, to_stage_id, effective_at,
                  recorded_at, source_kind, source_ref, source_detail, note, placement_version, from_entered_at, actor_kind"""
                + dialect.historyTxColumn + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + dialect.historyTxValue + ")";
    }

    /**
     * Writes one move inside the caller's transaction.
     *
     * @return the transition, or empty when the compare-and-set failed and nothing was written
     */
    Optional<Transition> write(Connection c, String tenant, MoveWrite w) throws SQLException {
        if (!writePlacement(c, tenant, w)) {
            return Optional.empty();
        }
        return Optional.of(appendHistory(c, tenant, w, w.expectedVersion() + 1));
    }

    /**
     * Writes several moves inside the caller's transaction with one round trip per statement kind: first
     * entries, then updates, then history. A contact may appear more than once; its writes keep their order.
     *
     * H2's imports use it; PostgreSQL's use {@link PostgresBatchWriter}.
     *
     * @return the transitions in order, or empty when any compare-and-set failed; the caller must then
     *         roll back what this call wrote
     */
    Optional<List<Transition>> writeBatch(Connection c, String tenant, List<MoveWrite> writes) throws SQLException {
        if (writes.isEmpty()) {
            return Optional.of(List.of());
        }
        if (!placementBatch(c, tenant, writes, true) || !placementBatch(c, tenant, writes, false)) {
            return Optional.empty();
        }
        List<Transition> written = new ArrayList<>(writes.size());
        try (PreparedStatement ps = c.prepareStatement(insertHistory, new String[] {"id"})) {
            for (MoveWrite w : writes) {
                bindHistory(ps, tenant, w, w.expectedVersion() + 1);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                for (MoveWrite w : writes) {
                    keys.next();
                    written.add(transition(keys.getLong(1), w, w.expectedVersion() + 1));
                }
            }
        }
        return Optional.of(written);
    }

    private boolean placementBatch(Connection c, String tenant, List<MoveWrite> writes, boolean firsts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(firsts ? insertIfJourneyAt : UPDATE_IF_VERSIONS_AT)) {
            int n = 0;
            for (MoveWrite w : writes) {
                if ((w.expectedVersion() == 0) == firsts) {
                    bindPlacement(ps, tenant, w);
                    ps.addBatch();
                    n++;
                }
            }
            if (n == 0) {
                return true;
            }
            for (int count : ps.executeBatch()) {
                if (count != 1) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean writePlacement(Connection c, String tenant, MoveWrite w) throws SQLException {
        boolean first = w.expectedVersion() == 0;
        try (PreparedStatement ps = c.prepareStatement(first ? INSERT_IF_JOURNEY_AT : UPDATE_IF_VERSIONS_AT)) {
            bindPlacement(ps, tenant, w);
            return ps.executeUpdate() == 1;
        }
    }

    /** Binds INSERT_IF_JOURNEY_AT for a first entry, UPDATE_IF_VERSIONS_AT otherwise. */
    static void bindPlacement(PreparedStatement ps, String tenant, MoveWrite w) throws SQLException {
        if (w.expectedVersion() == 0) {
            ps.setString(1, w.contactKey());
            setStage(ps, 2, w.to());
            ps.setObject(3, Rows.utc(w.effectiveAt()));
            ps.setLong(4, w.journeyId().value());
            ps.setString(5, tenant);
            ps.setLong(6, w.journeyVersion());
            return;
        }
        setStage(ps, 1, w.to());
        ps.setObject(2, Rows.utc(w.effectiveAt()));
        ps.setLong(3, w.journeyId().value());
        ps.setString(4, w.contactKey());
        ps.setLong(5, w.expectedVersion());
        ps.setLong(6, w.journeyId().value());
        ps.setString(7, tenant);
        ps.setLong(8, w.journeyVersion());
    }

    /** Appends one history row; the caller's transaction has already moved the placement to {@code version}. */
    Transition appendHistory(Connection c, String tenant, MoveWrite w, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertHistory, new String[] {"id"})) {
            bindHistory(ps, tenant, w, version);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return transition(keys.getLong(1), w, version);
            }
        }
    }

    static Transition transition(long id, MoveWrite w, long version) {
        return new Transition(id, w.journeyId(), w.contactKey(), w.from(), w.to(), w.effectiveAt(), w.recordedAt(),
                w.source(), w.note(), version);
    }

    static void bindHistory(PreparedStatement ps, String tenant, MoveWrite w, long version) throws SQLException {
        SourceCodec.Columns source = SourceCodec.encode(w.source());
        ps.setString(1, tenant);
        ps.setLong(2, w.journeyId().value());
        ps.setString(3, w.contactKey());
        setStage(ps, 4, w.from());
        setStage(ps, 5, w.to());
        ps.setObject(6, Rows.utc(w.effectiveAt()));
        ps.setObject(7, Rows.utc(w.recordedAt()));
        ps.setString(8, source.kind());
        ps.setString(9, source.ref());
        ps.setString(10, source.detail());
        ps.setString(11, w.note().orElse(null));
        ps.setLong(12, version);
        ps.setObject(13, w.from().isPresent() ? Rows.utc(w.since()) : null, Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(14, source.actorKind());
    }

    private static void setStage(PreparedStatement ps, int index, Optional<StageId> stage) throws SQLException {
        if (stage.isPresent()) {
            ps.setLong(index, stage.get().value());
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }
}
