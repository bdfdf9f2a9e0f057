package dev.journeys.jdbc.internal.moves;

import dev.journeys.api.StageId;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.storage.MoveWrite;
import dev.journeys.jdbc.internal.db.SourceCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a batch of moves on PostgreSQL with one statement per kind, whatever the batch's size: every
 * row's values go as arrays that the statement unnests. A JDBC batch of single-row statements pays the
 * executor's set-up once per row, which made an import of first entries cost about 1.7 times the same
 * rows inserted raw; the driver's multi-row rewrite cannot help, because it answers no per-row counts,
 * and the compare-and-set needs them.
 *
 * <p>The placement of a contact that moves several times in one batch is written once, from the version
 * the batch found to the one its last move leaves; its history gets one row per move, as always.
 */
final class PostgresBatchWriter {

    private static final String INSERT_FIRSTS = """
            insert into placements (journey_id, contact_key, tenant_id, stage_id, entered_at, version)
            select w.j, w.k, ?, w.s, w.e::timestamptz, w.v
              from unnest(?::bigint[], ?::varchar[], ?::bigint[], ?::text[], ?::bigint[]) as w(j, k, s, e, v)
             where exists (select 1 from journeys where id = w.j and tenant_id = ? and version = ?)
            on conflict do nothing""";
    private static final String UPDATE_PLACED = """
            update placements p set stage_id = w.s, entered_at = w.e::timestamptz, version = w.v
              from unnest(?::bigint[], ?::varchar[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[])
                   as w(j, k, s, e, v, expected)
             where p.journey_id = w.j and p.contact_key = w.k and p.version = w.expected
               and exists (select 1 from journeys where id = w.j and tenant_id = ? and version = ?)""";
    private static final String INSERT_HISTORY = """
            insert into transitions (tenant_id, journey_id, contact_key, from_stage_id, to_stage_id, effective_at,
              recorded_at, source_kind, source_ref, source_detail, note, placement_version, from_entered_at, actor_kind, tx_id)
            select ?, w.j, w.k, w.f, w.t, w.e::timestamptz, w.r::timestamptz, w.sk, w.sr, w.sd, w.n, w.v,
                   w.fe::timestamptz, w.ak, pg_current_xact_id()::text::bigint
              from unnest(?::bigint[], ?::varchar[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::varchar[],
                          ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::text[], ?::varchar[]) with ordinality
                   as w(j, k, f, t, e, r, sk, sr, sd, n, v, fe, ak, ord)
             order by w.ord
            returning id, contact_key, journey_id, placement_version""";

    private PostgresBatchWriter() {
    }

    /**
     * Whether {@link #write} can take these moves: one journey version per journey, and each contact's moves
     * chained version after version, as a batch planned on its own earlier moves is.
     */
    static boolean accepts(List<MoveWrite> writes) {
        Map<Long, Long> journeyVersions = new HashMap<>();
        Map<List<Object>, Long> reached = new HashMap<>();
        for (MoveWrite w : writes) {
            Long known = journeyVersions.putIfAbsent(w.journeyId().value(), w.journeyVersion());
            Long before = reached.put(List.of(w.journeyId().value(), w.contactKey()), w.expectedVersion() + 1);
            if (known != null && known != w.journeyVersion() || before != null && before != w.expectedVersion()) {
                return false;
            }
        }
        return true;
    }

    /** A contact's placement after the batch: where it ends, and the version it had before. */
    private record Placed(MoveWrite last, long expected, long version) {
    }

    private record Key(long journey, String contact, long version) {
    }

    /**
     * Writes the moves in the caller's transaction. All moves of a batch must share one journey version per
     * journey, as an import session holds them.
     *
     * @return the transitions in the moves' order, or empty when any compare-and-set failed; the caller
     *         must then roll back what this call wrote
     */
    static Optional<List<Transition>> write(Connection c, String tenant, List<MoveWrite> writes) throws SQLException {
        if (writes.isEmpty()) {
            return Optional.of(List.of());
        }
        Map<List<Object>, Placed> placed = new LinkedHashMap<>();
        for (MoveWrite w : writes) {
            List<Object> contact = List.of(w.journeyId().value(), w.contactKey());
            Placed before = placed.get(contact);
            long version = w.expectedVersion() + 1;
            if (before != null && before.version() != w.expectedVersion()) {
                throw new IllegalStateException("moves of " + w.contactKey() + " in one batch skip from version "
                        + before.version() + " to " + w.expectedVersion());
            }
            placed.put(contact, new Placed(w, before == null ? w.expectedVersion() : before.expected(), version));
        }
        Map<Long, Long> journeyVersions = new HashMap<>();
        for (MoveWrite w : writes) {
            Long known = journeyVersions.putIfAbsent(w.journeyId().value(), w.journeyVersion());
            if (known != null && known != w.journeyVersion()) {
                throw new IllegalStateException("one batch decided on two versions of journey " + w.journeyId());
            }
        }
        for (Map.Entry<Long, Long> journey : journeyVersions.entrySet()) {
            List<Placed> ofJourney = placed.values().stream().filter(p -> p.last().journeyId().value() == journey.getKey()).toList();
            if (!placements(c, tenant, journey.getValue(), ofJourney.stream().filter(p -> p.expected() == 0).toList(), true)
                    || !placements(c, tenant, journey.getValue(), ofJourney.stream().filter(p -> p.expected() != 0).toList(), false)) {
                return Optional.empty();
            }
        }
        return Optional.of(history(c, tenant, writes));
    }

    private static boolean placements(Connection c, String tenant, long journeyVersion, List<Placed> rows, boolean firsts)
            throws SQLException {
        if (rows.isEmpty()) {
            return true;
        }
        int n = rows.size();
        Long[] journeys = new Long[n];
        String[] contacts = new String[n];
        Long[] stages = new Long[n];
        String[] entered = new String[n];
        Long[] versions = new Long[n];
        Long[] expected = new Long[n];
        for (int i = 0; i < n; i++) {
            Placed p = rows.get(i);
            journeys[i] = p.last().journeyId().value();
            contacts[i] = p.last().contactKey();
            stages[i] = p.last().to().map(StageId::value).orElse(null);
            entered[i] = p.last().effectiveAt().toString();
            versions[i] = p.version();
            expected[i] = p.expected();
        }
        try (PreparedStatement ps = c.prepareStatement(firsts ? INSERT_FIRSTS : UPDATE_PLACED)) {
            int next = 1;
            if (firsts) {
                ps.setString(next++, tenant);
            }
            ps.setArray(next++, c.createArrayOf("bigint", journeys));
            ps.setArray(next++, c.createArrayOf("varchar", contacts));
            ps.setArray(next++, c.createArrayOf("bigint", stages));
            ps.setArray(next++, c.createArrayOf("text", entered));
            ps.setArray(next++, c.createArrayOf("bigint", versions));
            if (!firsts) {
                ps.setArray(next++, c.createArrayOf("bigint", expected));
            }
            ps.setString(next++, tenant);
            ps.setLong(next, journeyVersion);
            return ps.executeUpdate() == n;
        }
    }

    private static List<Transition> history(Connection c, String tenant, List<MoveWrite> writes) throws SQLException {
        int n = writes.size();
        Long[] journeys = new Long[n];
        String[] contacts = new String[n];
        Long[] from = new Long[n];
        Long[] to = new Long[n];
        String[] effective = new String[n];
        String[] recorded = new String[n];
        String[] kinds = new String[n];
        String[] refs = new String[n];
        String[] details = new String[n];
        String[] notes = new String[n];
        Long[] versions = new Long[n];
        String[] fromEntered = new String[n];
        String[] actorKinds = new String[n];
        for (int i = 0; i < n; i++) {
            MoveWrite w = writes.get(i);
            SourceCodec.Columns source = SourceCodec.encode(w.source());
            journeys[i] = w.journeyId().value();
            contacts[i] = w.contactKey();
            from[i] = w.from().map(StageId::value).orElse(null);
            to[i] = w.to().map(StageId::value).orElse(null);
            effective[i] = w.effectiveAt().toString();
            recorded[i] = w.recordedAt().toString();
            kinds[i] = source.kind();
            refs[i] = source.ref();
            details[i] = source.detail();
            notes[i] = w.note().orElse(null);
            versions[i] = w.expectedVersion() + 1;
            fromEntered[i] = w.from().isPresent() ? w.since().toString() : null;
            actorKinds[i] = source.actorKind();
        }
        Map<Key, Long> ids = new HashMap<>(n * 2);
        try (PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
            ps.setString(1, tenant);
            ps.setArray(2, c.createArrayOf("bigint", journeys));
            ps.setArray(3, c.createArrayOf("varchar", contacts));
            ps.setArray(4, c.createArrayOf("bigint", from));
            ps.setArray(5, c.createArrayOf("bigint", to));
            ps.setArray(6, c.createArrayOf("text", effective));
            ps.setArray(7, c.createArrayOf("text", recorded));
            ps.setArray(8, c.createArrayOf("varchar", kinds));
            ps.setArray(9, c.createArrayOf("varchar", refs));
            ps.setArray(10, c.createArrayOf("varchar", details));
            ps.setArray(11, c.createArrayOf("varchar", notes));
            ps.setArray(12, c.createArrayOf("bigint", versions));
            ps.setArray(13, c.createArrayOf("text", fromEntered));
            ps.setArray(14, c.createArrayOf("varchar", actorKinds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(new Key(rs.getLong(3), rs.getString(2), rs.getLong(4)), rs.getLong(1));
                }
            }
        }
        List<Transition> written = new ArrayList<>(n);
        for (MoveWrite w : writes) {
            long version = w.expectedVersion() + 1;
            Long id = ids.get(new Key(w.journeyId().value(), w.contactKey(), version));
            if (id == null) {
                throw new IllegalStateException("no history row came back for " + w.contactKey() + " version " + version);
            }
            written.add(MoveWriter.transition(id, w, version));
        }
        return written;
    }
}
