package dev.journeys.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The import bench's baseline: plain JDBC inserting, for each row, the placement and the history row an import
 * writes for a first entry, into the SDK's own tables, with the same columns and values of the same kind (source
 * IMPORT, job id, line number; on PostgreSQL the transaction id too, as {@code Dialect.POSTGRES} writes it).
 * One batch of each per {@code batch} rows, one commit per batch; nothing read, no generated keys, no job row.
 * On PostgreSQL the connection has {@code reWriteBatchedInserts=true}, so each batch goes as multi-row inserts.
 */
final class RawImporter {

    /**
     * @param rewritten PostgreSQL only: whether the driver sent the batches as multi-row inserts
     * @param cpuAtEnd taken before the connection closes: its PostgreSQL backend, and the CPU it used, go with it
     */
    record Result(long rows, long nanos, boolean rewritten, CpuMeter.Sample cpuAtEnd) {
    }

    private RawImporter() {
    }

    /** The baseline's connection URL: the bench database's, with batch rewriting on for PostgreSQL. */
    static String url(BenchDatabase db) {
        return postgres(db) ? withParameter(db.url(), "reWriteBatchedInserts=true") : db.url();
    }

    static String withParameter(String url, String parameter) {
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }

    static boolean postgres(BenchDatabase db) {
        return db.url().startsWith("jdbc:postgresql:");
    }

    /**
     * @param stages the journey's stage ids; row i goes to stage i mod their count
     * @param sourceRef what an import writes as source_ref: its job id
     */
    static Result run(BenchDatabase db, long journeyId, String tenant, long[] stages, String contactTag, int rows, int batch,
                      String sourceRef) throws SQLException {
        boolean pg = postgres(db);
        long begin = System.nanoTime();
        long nanos;
        CpuMeter.Sample cpuAtEnd;
        boolean rewritten = false;
        try (Connection c = DriverManager.getConnection(url(db))) {
            c.setAutoCommit(false);
            try (PreparedStatement place = c.prepareStatement("""
                    insert into placements (journey_id, contact_key, tenant_id, stage_id, entered_at, version)
                    values (?, ?, ?, ?, ?, ?)""");
                 PreparedStatement history = c.prepareStatement("""
                         insert into transitions (tenant_id, journey_id, contact_key, from_stage_id, to_stage_id,
                           effective_at, recorded_at, source_kind, source_ref, source_detail, note, placement_version"""
                         + (pg ? ", tx_id" : "") + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                         + (pg ? ", pg_current_xact_id()::text::bigint" : "") + ")")) {
                StringBuilder key = new StringBuilder(32);
                OffsetDateTime now = now();
                int inBatch = 0;
                for (int i = 0; i < rows; i++) {
                    key.setLength(0);
                    String contact = ImportCsv.contactKey(key, contactTag, i).toString();
                    long stage = stages[i % stages.length];
                    place.setLong(1, journeyId);
                    place.setString(2, contact);
                    place.setString(3, tenant);
                    place.setLong(4, stage);
                    place.setObject(5, now);
                    place.setLong(6, 1);
                    place.addBatch();
                    history.setString(1, tenant);
                    history.setLong(2, journeyId);
                    history.setString(3, contact);
                    history.setNull(4, Types.BIGINT);
                    history.setLong(5, stage);
                    history.setObject(6, now);
                    history.setObject(7, now);
                    history.setString(8, "IMPORT");
                    history.setString(9, sourceRef);
                    // The file line: the header is line 1.
                    history.setString(10, Long.toString(i + 2L));
                    history.setNull(11, Types.VARCHAR);
                    history.setLong(12, 1);
                    history.addBatch();
                    if (++inBatch == batch || i == rows - 1) {
                        place.executeBatch();
                        int[] counts = history.executeBatch();
                        // pgjdbc answers SUCCESS_NO_INFO for the rows of a rewritten (multi-row) insert.
                        rewritten |= counts.length > 1 && counts[0] == Statement.SUCCESS_NO_INFO;
                        c.commit();
                        inBatch = 0;
                        // A new time per batch, as the import takes one per batch.
                        now = now();
                    }
                }
            }
            nanos = System.nanoTime() - begin;
            cpuAtEnd = CpuMeter.sample();
        }
        return new Result(rows, nanos, rewritten, cpuAtEnd);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
