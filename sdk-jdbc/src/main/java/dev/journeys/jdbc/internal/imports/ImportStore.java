package dev.journeys.jdbc.internal.imports;

import dev.journeys.api.ImportJob;
import dev.journeys.api.ImportMode;
import dev.journeys.api.JourneyId;
import dev.journeys.api.ReasonCode;
import dev.journeys.api.RowRejection;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.imports.ImportJobStart;
import dev.journeys.core.internal.imports.ImportStorage;
import dev.journeys.core.internal.imports.UndoTarget;
import dev.journeys.core.internal.storage.JobProgress;
import dev.journeys.jdbc.internal.db.Database;
import dev.journeys.jdbc.internal.db.DatabaseErrors;
import dev.journeys.jdbc.internal.db.Db;
import dev.journeys.jdbc.internal.db.Rows;
import dev.journeys.jdbc.internal.db.SourceCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.mapper.RowMapper;

/** Import jobs, their rejected rows, and the reads that undo and re-runs need. */
public final class ImportStore implements ImportStorage {

    private final Database database;

    public ImportStore(Database database) {
        this.database = database;
    }

    private Db db() {
        return database.db();
    }

    @Override
    public ImportJob createImportJob(String tenant, ImportJobStart start) {
        long id = Db.call(() -> db().jdbi.withHandle(h -> h.createUpdate("""
                        insert into import_jobs (tenant_id, actor, actor_kind, file_name, mode, status, automations_suppressed,
                          fingerprint, started_at, updated_at, lines_done, rows_read, moved, unchanged, rejected)
                        values (:tenant, :actor, :actorKind, :file, :mode, 'RUNNING', :suppressed, :fingerprint, :at, :at, 0, 0, 0, 0, 0)""")
                .bind("tenant", tenant).bind("actor", start.actor().name()).bind("actorKind", SourceCodec.actorKind(start.actor())).bind("file", start.fileName())
                .bind("mode", start.mode().name()).bind("suppressed", start.suppressAutomations())
                .bind("fingerprint", start.fingerprint()).bind("at", Rows.utc(start.startedAt()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
        return importJob(tenant, id).orElseThrow();
    }

    @Override
    public void updateImportJob(String tenant, long jobId, JobProgress progress) {
        inTransaction("recording import job " + jobId, c -> updateJob(c, tenant, jobId, progress, 0, 0));
    }

    @Override
    public void recordRejections(String tenant, long jobId, List<RowRejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        inTransaction("recording rejected rows of import job " + jobId,
                c -> insertRejections(c, tenant, jobId, rejections));
    }

    /** The transition range only grows: a session passes the ids it wrote, others pass zeros. */
    public static void updateJob(Connection c, String tenant, long jobId, JobProgress p, long firstTransition,
                          long lastTransition) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update import_jobs set status = ?, lines_done = ?, rows_read = ?, moved = ?, unchanged = ?, rejected = ?,
                  failure = ?, updated_at = ?, finished_at = ?,
                  first_transition_id = coalesce(first_transition_id, ?),
                  last_transition_id = case when ? > coalesce(last_transition_id, 0) then ? else last_transition_id end
                 where id = ? and tenant_id = ?""")) {
            ps.setString(1, p.status().name());
            ps.setLong(2, p.linesDone());
            ps.setLong(3, p.rowsRead());
            ps.setLong(4, p.moved());
            ps.setLong(5, p.unchanged());
            ps.setLong(6, p.rejected());
            ps.setString(7, p.failure().map(f -> clip(f, 2000)).orElse(null));
            ps.setObject(8, Rows.utc(p.at()));
            ps.setObject(9, p.finishedAt().map(Rows::utc).orElse(null));
            if (firstTransition == 0) {
                ps.setNull(10, Types.BIGINT);
            } else {
                ps.setLong(10, firstTransition);
            }
            ps.setLong(11, lastTransition);
            ps.setLong(12, lastTransition);
            ps.setLong(13, jobId);
            ps.setString(14, tenant);
            ps.executeUpdate();
        }
    }

    public static void insertRejections(Connection c, String tenant, long jobId, List<RowRejection> rejections)
            throws SQLException {
        if (rejections.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into import_rejections (job_id, line, tenant_id, column_name, value_text, code, message)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            for (RowRejection r : rejections) {
                ps.setLong(1, jobId);
                ps.setLong(2, r.line());
                ps.setString(3, tenant);
                ps.setString(4, r.column().map(v -> clip(v, 200)).orElse(null));
                ps.setString(5, r.value().orElse(null));
                ps.setString(6, r.code().name());
                ps.setString(7, clip(r.message(), 2000));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<ImportJob> importJob(String tenant, long id) {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createQuery(
                        "select * from import_jobs where id = :id and tenant_id = :tenant")
                .bind("id", id).bind("tenant", tenant).map(JOB).findOne()));
    }

    @Override
    public List<ImportJob> importJobs(String tenant, Optional<Long> beforeId, int limit) {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createQuery("""
                        select * from import_jobs where tenant_id = :tenant and id < :before
                         order by id desc fetch first :limit rows only""")
                .bind("tenant", tenant).bind("before", beforeId.orElse(Long.MAX_VALUE)).bind("limit", limit)
                .map(JOB).list()));
    }

    @Override
    public List<RowRejection> importRejections(String tenant, long jobId, long afterLine, int limit) {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createQuery("""
                        select * from import_rejections where job_id = :job and tenant_id = :tenant and line > :after
                         order by line fetch first :limit rows only""")
                .bind("job", jobId).bind("tenant", tenant).bind("after", afterLine).bind("limit", limit)
                .map((rs, ctx) -> new RowRejection(rs.getLong("line"), Optional.ofNullable(rs.getString("column_name")),
                        Optional.ofNullable(rs.getString("value_text")), ReasonCode.valueOf(rs.getString("code")),
                        rs.getString("message")))
                .list()));
    }

    /** Earlier runs whose moves stand: best-effort jobs that wrote any, and completed atomic ones. */
    @Override
    public List<Long> importJobsOfFile(String tenant, String fingerprint) {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createQuery("""
                        select id from import_jobs
                         where tenant_id = :tenant and fingerprint = :fingerprint and undone_at is null
                           and last_transition_id is not null
                           and (mode = 'BEST_EFFORT' or status = 'COMPLETED')
                         order by id""")
                .bind("tenant", tenant).bind("fingerprint", fingerprint).mapTo(Long.class).list()));
    }

    @Override
    public List<Transition> importTransitions(String tenant, long jobId, long afterId, long toId, int limit) {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createQuery("""
                        select * from transitions
                         where id > :after and id <= :to and tenant_id = :tenant
                           and source_kind = 'IMPORT' and source_ref = :job
                         order by id fetch first :limit rows only""")
                .bind("after", afterId).bind("to", toId).bind("tenant", tenant).bind("job", Long.toString(jobId))
                .bind("limit", limit).map(Rows.TRANSITION).list()));
    }

    /**
     * Streams, per journey and contact, the stage before the job's first move and the version after its
     * last; a cursor keeps memory flat. The job's id range bounds the scan to its part of the history.
     */
    @Override
    public void forEachUndoTarget(String tenant, long jobId, Consumer<UndoTarget> target) {
        long[] range = Db.call(() -> db().jdbi.withHandle(h -> h.createQuery("""
                        select first_transition_id, last_transition_id from import_jobs where id = :id and tenant_id = :tenant""")
                .bind("id", jobId).bind("tenant", tenant)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne().orElse(new long[2])));
        if (range[1] == 0) {
            return;
        }
        // In a transaction: PostgreSQL streams through a cursor only inside one.
        Db.call(() -> db().jdbi.inTransaction(h -> {
            h.createQuery("""
                        select f.journey_id, f.contact_key, f.last_version, t.from_stage_id
                          from (select journey_id, contact_key, min(placement_version) as first_version,
                                       max(placement_version) as last_version
                                  from transitions
                                 where id between :first and :last and tenant_id = :tenant
                                   and source_kind = 'IMPORT' and source_ref = :job
                                 group by journey_id, contact_key) f
                          join transitions t on t.journey_id = f.journey_id and t.contact_key = f.contact_key
                                            and t.placement_version = f.first_version
                         order by f.journey_id, f.contact_key""")
                .bind("first", range[0]).bind("last", range[1]).bind("tenant", tenant).bind("job", Long.toString(jobId))
                .setFetchSize(1_000)
                .map((rs, ctx) -> new UndoTarget(new JourneyId(rs.getLong("journey_id")), rs.getString("contact_key"),
                        Rows.stage(rs, "from_stage_id"), rs.getLong("last_version")))
                .useStream(rows -> rows.forEach(target));
            return null;
        }));
    }

    @Override
    public boolean claimUndo(String tenant, long jobId, Instant at) {
        return Db.call(() -> db().jdbi.withHandle(h -> h.createUpdate(
                        "update import_jobs set undone_at = :at where id = :id and tenant_id = :tenant and undone_at is null")
                .bind("at", Rows.utc(at)).bind("id", jobId).bind("tenant", tenant).execute())) == 1;
    }

    private static final RowMapper<ImportJob> JOB = (ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) ->
            new ImportJob(rs.getLong("id"), rs.getString("tenant_id"),
                    SourceCodec.actor(rs.getString("actor_kind"), rs.getString("actor")), rs.getString("file_name"),
                    ImportMode.valueOf(rs.getString("mode")), ImportJob.Status.valueOf(rs.getString("status")),
                    rs.getBoolean("automations_suppressed"), Rows.instant(rs, "started_at"), Rows.instant(rs, "updated_at"),
                    optionalInstant(rs, "finished_at"), rs.getLong("lines_done"), rs.getLong("rows_read"),
                    rs.getLong("moved"), rs.getLong("unchanged"), rs.getLong("rejected"),
                    Optional.ofNullable(rs.getString("failure")), optionalInstant(rs, "undone_at"));

    private static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column) == null ? Optional.empty() : Optional.of(Rows.instant(rs, column));
    }

    private interface SqlStep {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(String what, SqlStep step) {
        Db.call(() -> db().jdbi.inTransaction(h -> {
            try {
                step.run(h.getConnection());
            } catch (SQLException e) {
                throw DatabaseErrors.failed(what, e);
            }
            return null;
        }));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
