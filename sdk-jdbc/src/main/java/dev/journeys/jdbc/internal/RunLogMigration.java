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
 * V12: copies the row-per-decision log of V3 into {@code run_log} and drops it. In Java, so that the old
 * rows are packed by the same code as new ones, not by SQL that could count a character differently.
 * Old rows keep their order; their ids change, as record ids are the new rows' ids and places.
 */
final class RunLogMigration implements JavaMigration {

    private static final int BATCH = 1000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("12");
    }

    @Override
    public String getDescription() {
        return "copy automation runs into run log";
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
        try (Statement drop = c.createStatement()) {
            drop.execute("drop table automation_runs");
        }
    }

    private static void copy(Connection c, ResultSet rs) throws SQLException {
        List<RunRow> runs = new ArrayList<>();
        List<RunDecision> decisions = new ArrayList<>();
        String tenant = null;
        while (rs.next()) {
            String rowTenant = rs.getString("tenant_id");
            // Rows of one event, written together, share a row again; a new tenant ends a batch.
            if (tenant != null && (!tenant.equals(rowTenant) || runs.size() >= BATCH && !sameEvent(runs, rs))) {
                RunLog.insert(c, tenant, runs, decisions);
                runs.clear();
                decisions.clear();
            }
            tenant = rowTenant;
            runs.add(new RunRow(rs.getLong("automation_id"), rs.getString("event_id"), rs.getString("trigger_type"),
                    rs.getString("contact_key"), Rows.instant(rs, "recorded_at"), rs.getInt("chain_depth"), null, -1));
            decisions.add(new RunLogCodec.RunColumns(rs.getString("decision"), (Integer) rs.getObject("condition_index"),
                    rs.getString("reason_code"), rs.getString("detail"), nullableLong(rs, "journey_id"),
                    nullableLong(rs, "from_stage_id"), nullableLong(rs, "to_stage_id"),
                    nullableLong(rs, "transition_id")).decision());
        }
        if (!runs.isEmpty()) {
            RunLog.insert(c, tenant, runs, decisions);
        }
    }

    private static boolean sameEvent(List<RunRow> runs, ResultSet rs) throws SQLException {
        RunRow last = runs.get(runs.size() - 1);
        return last.eventId().equals(rs.getString("event_id")) && last.chainDepth() == rs.getInt("chain_depth");
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
