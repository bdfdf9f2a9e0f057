package dev.journeys.jdbc.internal.dashboard;

import dev.journeys.api.Transition;
import dev.journeys.core.internal.dashboard.ContactFold;
import dev.journeys.jdbc.internal.db.Db;
import dev.journeys.jdbc.internal.db.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;

/** Reads what a {@link ContactFold} needs for a run of transitions, and writes what it adds up to. */
final class ContactFolding {

    private ContactFolding() {
    }

    private record Version(long journey, String contact, long version) {
    }

    /**
     * A transition as the fold reads it, with when its contact entered the stage it leaves: null for an
     * entry, and for rows written before the history kept that time (V13), which are looked up instead.
     */
    record Folded(Transition transition, Instant fromEnteredAt) {
    }

    static final RowMapper<Folded> FOLDED = (rs, ctx) ->
            new Folded(Rows.TRANSITION.map(rs, ctx), Rows.instantOrNull(rs, "from_entered_at"));

    private record TotalKey(long journey, long from, long to, int bucket) {
    }

    /**
     * Folds the transitions over the states and entry times they need, read on {@code c}.
     *
     * @param held states known to match {@code c}'s view of dash_contacts, or null to read them all
     */
    static ContactFold fold(Connection c, boolean postgres, List<Folded> rows, FoldedStates held) throws SQLException {
        Map<Long, Set<String>> contacts = new LinkedHashMap<>();
        Map<ContactFold.ContactKey, ContactFold.State> known = new HashMap<>();
        Set<ContactFold.ContactKey> seen = new HashSet<>();
        Map<Version, Instant> entries = new HashMap<>();
        List<Transition> run = new ArrayList<>(rows.size());
        for (Folded f : rows) {
            Transition t = f.transition();
            run.add(t);
            ContactFold.ContactKey key = new ContactFold.ContactKey(t.journeyId().value(), t.contactKey());
            // A contact's first row in the run says where its state comes from; its later rows follow it.
            if (seen.add(key)) {
                ContactFold.State state = held == null ? null : held.get(key);
                if (state != null) {
                    known.put(key, state);
                } else if (postgres || t.placementVersion() != 1) {
                    contacts.computeIfAbsent(t.journeyId().value(), k -> new LinkedHashSet<>()).add(t.contactKey());
                }
                // Otherwise its first placement ever in the journey: nothing was folded for it before. Only on
                // H2, which folds in id order, and a contact's later versions get higher ids. PostgreSQL folds
                // in transaction order, and an import's transaction that began before the entry committed can
                // write the contact's next version, so version 2 may be folded first.
            }
            entries.put(new Version(t.journeyId().value(), t.contactKey(), t.placementVersion()), t.effectiveAt());
            if (f.fromEnteredAt() != null && t.from().isPresent()) {
                entries.putIfAbsent(new Version(t.journeyId().value(), t.contactKey(), t.placementVersion() - 1),
                        f.fromEnteredAt());
            }
        }
        for (Map.Entry<Long, Set<String>> e : contacts.entrySet()) {
            readStates(c, postgres, e.getKey(), e.getValue(), known);
        }
        Map<Long, List<Version>> missing = new LinkedHashMap<>();
        for (Transition t : run) {
            Version previous = new Version(t.journeyId().value(), t.contactKey(), t.placementVersion() - 1);
            if (t.from().isPresent() && !entries.containsKey(previous)) {
                missing.computeIfAbsent(previous.journey(), k -> new ArrayList<>()).add(previous);
            }
        }
        for (Map.Entry<Long, List<Version>> e : missing.entrySet()) {
            readEntries(c, postgres, e.getKey(), e.getValue(), entries);
        }
        ContactFold fold = new ContactFold(known);
        for (Transition t : run) {
            fold.add(t, Optional.ofNullable(entries.get(new Version(t.journeyId().value(), t.contactKey(),
                    t.placementVersion() - 1))));
        }
        return fold.finish();
    }

    private static void readStates(Connection c, boolean postgres, long journey, Set<String> contacts,
                                   Map<ContactFold.ContactKey, ContactFold.State> into) throws SQLException {
        String sql = postgres
                ? "select contact_key, cohort, reached from dash_contacts where journey_id = ? and contact_key = any(?)"
                : "select d.contact_key, d.cohort, d.reached from table(k varchar = ?) w"
                        + " join dash_contacts d on d.journey_id = ? and d.contact_key = w.k";
        try (PreparedStatement ps = Db.plannedEachTime(c.prepareStatement(sql))) {
            String[] keys = contacts.toArray(new String[0]);
            if (postgres) {
                ps.setLong(1, journey);
                ps.setArray(2, c.createArrayOf("varchar", keys));
            } else {
                ps.setObject(1, keys);
                ps.setLong(2, journey);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.put(new ContactFold.ContactKey(journey, rs.getString(1)),
                            ContactFold.State.decode(Rows.instant(rs, "cohort"), rs.getString(3)));
                }
            }
        }
    }

    private static void readEntries(Connection c, boolean postgres, long journey, List<Version> wanted,
                                    Map<Version, Instant> into) throws SQLException {
        // Each wanted (contact, version) is one probe of the unique index. On PostgreSQL the probe sits behind
        // LIMIT 1 so that the planner cannot flatten it into a join: joined, it scanned the journey's whole
        // history once per pair, and reading every version of the wanted contacts instead, as a second
        // version did, re-read each busy contact's whole history at every fold.
        String sql = postgres
                ? "select k.c, k.v, t.effective_at from unnest(?::varchar[], ?::bigint[]) as k(c, v)"
                        + " cross join lateral (select effective_at from transitions t where t.journey_id = ?"
                        + " and t.contact_key = k.c and t.placement_version = k.v limit 1) t"
                : "select t.contact_key, t.placement_version, t.effective_at from table(c varchar = ?, v bigint = ?) k"
                        + " join transitions t on t.journey_id = ? and t.contact_key = k.c and t.placement_version = k.v";
        try (PreparedStatement ps = Db.plannedEachTime(c.prepareStatement(sql))) {
            String[] keys = wanted.stream().map(Version::contact).toArray(String[]::new);
            Long[] versions = wanted.stream().map(Version::version).toArray(Long[]::new);
            if (postgres) {
                ps.setArray(1, c.createArrayOf("varchar", keys));
                ps.setArray(2, c.createArrayOf("bigint", versions));
            } else {
                ps.setObject(1, keys);
                ps.setObject(2, versions);
            }
            ps.setLong(3, journey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.put(new Version(journey, rs.getString(1), rs.getLong(2)), Rows.instant(rs, "effective_at"));
                }
            }
        }
    }

    /** Writes the fold's states and adds its sums; one folder at a time, so update-then-insert is safe. */
    static void apply(Connection c, ContactFold fold) throws SQLException {
        List<Object[]> states = new ArrayList<>();
        fold.changed().forEach((k, s) -> states.add(new Object[] {Rows.utc(s.cohort()), s.encode(), k.journey(), k.contact()}));
        DashboardFold.upsert(c, "update dash_contacts set cohort = ?, reached = ? where journey_id = ? and contact_key = ?",
                "insert into dash_contacts (cohort, reached, journey_id, contact_key) values (?, ?, ?, ?)", states);
        DashboardFold.upsert(c, "update dash_paths set contacts = contacts + ? where journey_id = ? and cohort_day = ? and path = ?",
                "insert into dash_paths (contacts, journey_id, cohort_day, path) values (?, ?, ?, ?)",
                fold.paths().entrySet().stream().filter(e -> e.getValue() != 0).map(e -> new Object[] {e.getValue(),
                        e.getKey().journey(), Rows.utc(e.getKey().cohortDay()), e.getKey().path()}).toList());
        DashboardFold.upsert(c, "update dash_conversions set contacts = contacts + ?, seconds = seconds + ? where journey_id = ?"
                        + " and cohort_day = ? and from_stage_id = ? and to_stage_id = ? and bucket = ?",
                "insert into dash_conversions (contacts, seconds, journey_id, cohort_day, from_stage_id, to_stage_id, bucket)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                fold.conversions().entrySet().stream().filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0)
                        .map(e -> new Object[] {e.getValue()[0], e.getValue()[1], e.getKey().journey(),
                                Rows.utc(e.getKey().cohortDay()), e.getKey().from(), e.getKey().to(), e.getKey().bucket()})
                        .toList());
        Map<TotalKey, long[]> totals = new HashMap<>();
        fold.conversions().forEach((k, v) -> {
            long[] sum = totals.computeIfAbsent(new TotalKey(k.journey(), k.from(), k.to(), k.bucket()), x -> new long[2]);
            sum[0] += v[0];
            sum[1] += v[1];
        });
        DashboardFold.upsert(c, "update dash_conversion_totals set contacts = contacts + ?, seconds = seconds + ?"
                        + " where journey_id = ? and from_stage_id = ? and to_stage_id = ? and bucket = ?",
                "insert into dash_conversion_totals (contacts, seconds, journey_id, from_stage_id, to_stage_id, bucket)"
                        + " values (?, ?, ?, ?, ?, ?)",
                totals.entrySet().stream().filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0)
                        .map(e -> new Object[] {e.getValue()[0], e.getValue()[1], e.getKey().journey(), e.getKey().from(),
                                e.getKey().to(), e.getKey().bucket()})
                        .toList());
        DashboardFold.upsert(c, "update dash_occupancy set contacts = contacts + ? where journey_id = ? and stage_id = ?"
                        + " and entered_hour = ?",
                "insert into dash_occupancy (contacts, journey_id, stage_id, entered_hour) values (?, ?, ?, ?)",
                fold.occupancy().entrySet().stream().filter(e -> e.getValue() != 0).map(e -> new Object[] {e.getValue(),
                        e.getKey().journey(), e.getKey().stage(), Rows.utc(e.getKey().enteredHour())}).toList());
    }
}
