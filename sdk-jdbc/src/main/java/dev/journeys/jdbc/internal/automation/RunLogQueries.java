package dev.journeys.jdbc.internal.automation;

import dev.journeys.api.RunLogQuery;
import dev.journeys.api.RunRecord;
import dev.journeys.jdbc.internal.db.Dialect;
import dev.journeys.jdbc.internal.db.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads the run log newest first: rows by id descending, and the decisions of a row from last to first.
 * Pages walk down the ids, except by contact on H2, where the rows come from the ids that
 * {@link RunLogContacts} filed and the tail it has not filed yet.
 */
final class RunLogQueries {

    /** The most ids one statement looks up when the candidates are known. */
    private static final int MAX_IDS_PER_PAGE = 1_000;

    private RunLogQueries() {
    }

    private record StoredRow(long id, String eventId, String triggerType, String contactKey, Instant at, int chainDepth,
                             String decisions) {
    }

    /** The query's conditions, beside the page's own, and what they bind. */
    private record Filters(String sql, String tenant, RunLogQuery q, Optional<String> trigger) {

        static Filters of(String tenant, RunLogQuery q, Optional<String> trigger) {
            // Rows that only key an applied event hold no decision; without this, a page of them yields nothing.
            StringBuilder sql = new StringBuilder("tenant_id = :tenant and decisions <> ''");
            // The automation's id as its entries begin, so the database hands over only rows that may hold one:
            // a new automation on a busy trigger would otherwise page through the trigger's whole history. Text
            // in a detail can match too; decoding drops those.
            trigger.ifPresent(x -> sql.append(" and trigger_type = :trigger and decisions like :entry"));
            q.contactKey().ifPresent(x -> sql.append(" and contact_key = :contact"));
            q.eventId().ifPresent(x -> sql.append(" and event_id = :event"));
            q.from().ifPresent(x -> sql.append(" and recorded_at >= :from"));
            q.until().ifPresent(x -> sql.append(" and recorded_at < :until"));
            return new Filters(sql.toString(), tenant, q, trigger);
        }

        Query bind(Query query) {
            query.bind("tenant", tenant);
            trigger.ifPresent(x -> query.bind("trigger", x).bind("entry",
                    "%" + Long.toString(q.automationId().orElseThrow()).length() + ":" + q.automationId().orElseThrow() + "%"));
            q.contactKey().ifPresent(x -> query.bind("contact", x));
            q.eventId().ifPresent(x -> query.bind("event", x));
            q.from().ifPresent(x -> query.bind("from", Rows.utc(x)));
            q.until().ifPresent(x -> query.bind("until", Rows.utc(x)));
            return query;
        }
    }

    /**
     * @param beforeId only records older than this record id, for the page after one that ended there
     * @param limit the most records returned
     */
    static List<RunRecord> query(Handle h, Dialect dialect, String tenant, RunLogQuery q, Optional<Long> beforeId,
                                 int limit) {
        Optional<String> trigger = Optional.empty();
        if (q.automationId().isPresent()) {
            // Every automation considered for an event listens on the event's trigger, whose type never changes.
            trigger = h.createQuery("select trigger_type from automations where id = :id and tenant_id = :tenant")
                    .bind("id", q.automationId().get()).bind("tenant", tenant).mapTo(String.class).findOne();
            if (trigger.isEmpty()) {
                return List.of();
            }
        }
        Filters filters = Filters.of(tenant, q, trigger);
        Page page = new Page(beforeId.orElse(Long.MAX_VALUE), limit);
        return dialect == Dialect.H2 && q.contactKey().isPresent()
                ? byKnownIds(h, filters, RunLogContacts.idsOf(h, tenant, q.contactKey().get()), page)
                : byIdRange(h, filters, page);
    }

    /** Where a page starts, as a record id, and how many records it holds at most. */
    private record Page(long beforeRecord, int limit) {
        /** The first row that may hold a record of the page: the row of the record before which it starts. */
        long beforeRow() {
            return beforeRecord == Long.MAX_VALUE ? Long.MAX_VALUE : (beforeRecord >> RunLog.POSITION_BITS) + 1;
        }
    }

    private static List<RunRecord> byIdRange(Handle h, Filters filters, Page page) {
        RunLogQuery q = filters.q();
        String sql = "select * from run_log where " + filters.sql() + " and id < :before order by id desc"
                + " fetch first :rows rows only";
        List<RunRecord> found = new ArrayList<>();
        long before = page.beforeRow();
        while (found.size() < page.limit()) {
            int wanted = page.limit() - found.size();
            // Every row read holds at least one record wanted, but for the rare false match of an automation's id.
            List<StoredRow> rows = read(filters.bind(h.createQuery(sql)).bind("before", before).bind("rows", wanted));
            addRecords(found, rows, q, page);
            if (rows.size() < wanted) {
                break;
            }
            before = rows.get(rows.size() - 1).id();
        }
        return found;
    }

    /** @param ids candidate rows, newest first */
    private static List<RunRecord> byKnownIds(Handle h, Filters filters, long[] ids, Page page) {
        RunLogQuery q = filters.q();
        String sql = "select * from run_log where " + filters.sql() + " and id in (<ids>) order by id desc";
        List<RunRecord> found = new ArrayList<>();
        int from = 0;
        while (from < ids.length && ids[from] >= page.beforeRow()) {
            from++;
        }
        while (from < ids.length && found.size() < page.limit()) {
            int to = Math.min(ids.length, from + Math.min(MAX_IDS_PER_PAGE, Math.max(16, page.limit() - found.size())));
            List<Long> candidates = Arrays.stream(ids, from, to).boxed().toList();
            addRecords(found, read(filters.bind(h.createQuery(sql)).bindList("ids", candidates)), q, page);
            from = to;
        }
        return found;
    }

    private static List<StoredRow> read(Query query) {
        return query.map((rs, ctx) -> new StoredRow(rs.getLong("id"), rs.getString("event_id"), rs.getString("trigger_type"),
                rs.getString("contact_key"), Rows.instant(rs, "recorded_at"), rs.getInt("chain_depth"),
                rs.getString("decisions"))).list();
    }

    private static void addRecords(List<RunRecord> found, List<StoredRow> rows, RunLogQuery q, Page page) {
        for (StoredRow row : rows) {
            List<RunLogCodec.Entry> entries = RunLogCodec.decode(row.decisions());
            for (int p = entries.size() - 1; p >= 0 && found.size() < page.limit(); p--) {
                RunLogCodec.Entry e = entries.get(p);
                if (RunLog.recordId(row.id(), p) >= page.beforeRecord()) {
                    continue;
                }
                if (q.automationId().isEmpty() || q.automationId().get() == e.automationId()) {
                    found.add(new RunRecord(RunLog.recordId(row.id(), p), e.automationId(), row.eventId(), row.triggerType(),
                            row.contactKey(), row.at(), row.chainDepth(), e.decision()));
                }
            }
        }
    }
}
