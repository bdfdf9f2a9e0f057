package dev.journeys.jdbc.internal;

import dev.journeys.api.RunDecision;
import dev.journeys.core.internal.storage.RunRow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * V12: copies the row-per-decision log of V3 into {@code run_log}, and the processed-event keys after it,
 * then drops both old tables. In Java, so that the old rows are packed by the same code as new ones, not by
 * SQL that could count a character differently. Old rows keep their order; their ids change, as record ids
 * are the new rows' ids and places.
 */
final class RunLogMigration implements JavaMigration {

    private static final int BATCH = 1000;

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

    /** Consecutive old rows of one event at one depth and tenant become one attempt, as they were written. */
    private static void copy(Connection c, ResultSet rs) throws SQLException {
        List<RunLog.Attempt> attempts = new ArrayList<>();
        int pending = 0;
        String tenant = null;
        RunLog.Attempt current = null;
        while (rs.next()) {
            String rowTenant = rs.getString("tenant_id");
            String event = rs.getString("event_id");
            int depth = rs.getInt("chain_depth");
            boolean same = current != null && rowTenant.equals(tenant) && current.eventId().equals(event)
                    && current.chainDepth() == depth;
            if (!same) {
                if (tenant != null && (!rowTenant.equals(tenant) || pending >= BATCH)) {
                    RunLog.insert(c, tenant, attempts);
                    attempts.clear();
                    pending = 0;
                }
                tenant = rowTenant;
                current = new RunLog.Attempt(event, rs.getString("trigger_type"), rs.getString("contact_key"),
                        Rows.instant(rs, "recorded_at"), depth, false, new ArrayList<>(), new ArrayList<>());
                attempts.add(current);
            }
            current.runs().add(new RunRow(rs.getLong("automation_id"), event, current.triggerType(),
                    current.contactKey(), current.at(), depth, null, -1));
            current.decisions().add(new RunLogCodec.RunColumns(rs.getString("decision"),
                    (Integer) rs.getObject("condition_index"), rs.getString("reason_code"), rs.getString("detail"),
                    nullableLong(rs, "journey_id"), nullableLong(rs, "from_stage_id"), nullableLong(rs, "to_stage_id"),
                    nullableLong(rs, "transition_id")).decision());
            pending++;
        }
        if (!attempts.isEmpty()) {
            RunLog.insert(c, tenant, attempts);
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
