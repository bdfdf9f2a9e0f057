package dev.journeys.jdbc.internal.automation;

import dev.journeys.jdbc.internal.db.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * V12: copies the row-per-decision log of V3 into {@code run_log}, and the processed-event keys after it,
 * then drops both old tables. In Java, so that the old rows are packed by the same code as new ones, not by
 * SQL that could count a character differently. Old rows keep their order; their ids change, as record ids
 * are the new rows' ids and places.
 */
public final class RunLogMigration implements JavaMigration {

    private static final int BATCH = 1000;
    private static final int MAX_HELD = 20_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("12");
    }

    @Override
    public String getDescription() {
        return "copy automation runs and processed events into run log";
    }

    @Override
    public Integer getChecksum() {
        return 12;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement read = c.createStatement()) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery("select * from automation_runs order by id")) {
                copy(c, rs);
            }
        }
        try (Statement s = c.createStatement()) {
            // An event applied before the upgrade keeps its key: a row without decisions, so no query shows it.
            // Its contact was never recorded with it; no contact key is empty, so none finds it either.
            s.executeUpdate("""
                    insert into run_log (tenant_id, event_id, trigger_type, contact_key, recorded_at, chain_depth,
                      decisions, applied)
                    select tenant_id, event_id, trigger_type, '', processed_at, 0, '', true
                      from processed_events order by processed_at""");
            s.execute("drop table automation_runs");
            s.execute("drop table processed_events");
        }
    }

    /**
     * Rows of one attempt were written together, in the order of their automations, within moments. So a row
     * continues the attempt before it when it has the same tenant, event and depth, an automation not before
     * the last one's, and a time within a second of the attempt's; a retry of the event starts a new one.
     * Attempts are written in batches per tenant, so a log whose tenants interleave still copies in batches.
     */
    private static void copy(Connection c, ResultSet rs) throws SQLException {
        Map<String, List<RunLog.Attempt>> pending = new LinkedHashMap<>();
        Map<String, RunLog.Attempt> current = new HashMap<>();
        int held = 0;
        while (rs.next()) {
            String tenant = rs.getString("tenant_id");
            String event = rs.getString("event_id");
            int depth = rs.getInt("chain_depth");
            long automation = rs.getLong("automation_id");
            Instant at = Rows.instant(rs, "recorded_at");
            RunLog.Attempt attempt = current.get(tenant);
            boolean continues = attempt != null && attempt.eventId().equals(event) && attempt.chainDepth() == depth
                    && automation >= attempt.entries().get(attempt.entries().size() - 1).automationId()
                    && Duration.between(attempt.at(), at).abs().compareTo(Duration.ofSeconds(1)) <= 0;
            if (!continues) {
                List<RunLog.Attempt> batch = pending.computeIfAbsent(tenant, k -> new ArrayList<>());
                if (batch.size() >= BATCH) {
                    held -= batch.size();
                    RunLog.insert(c, tenant, batch);
                    batch.clear();
                }
                if (held >= MAX_HELD) {
                    // Many tenants, each short of a batch: write them all rather than hold the log in memory.
                    flush(c, pending);
                    held = 0;
                    // Written attempts take no more rows; one cut short here goes on in a row of its own.
                    current.clear();
                }
                held++;
                attempt = new RunLog.Attempt(event, rs.getString("trigger_type"), rs.getString("contact_key"), at, depth,
                        false, new ArrayList<>());
                batch.add(attempt);
                current.put(tenant, attempt);
            }
            attempt.entries().add(new RunLogCodec.Entry(automation, new RunLogCodec.RunColumns(rs.getString("decision"),
                    (Integer) rs.getObject("condition_index"), rs.getString("reason_code"), rs.getString("detail"),
                    nullableLong(rs, "journey_id"), nullableLong(rs, "from_stage_id"), nullableLong(rs, "to_stage_id"),
                    nullableLong(rs, "transition_id")).decision()));
        }
        flush(c, pending);
    }

    private static void flush(Connection c, Map<String, List<RunLog.Attempt>> pending) throws SQLException {
        for (Map.Entry<String, List<RunLog.Attempt>> batch : pending.entrySet()) {
            RunLog.insert(c, batch.getKey(), batch.getValue());
            batch.getValue().clear();
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
