package dev.journeys.jdbc.internal.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.RunDecision;
import dev.journeys.jdbc.internal.Migrations;
import dev.journeys.jdbc.internal.db.Db;
import dev.journeys.jdbc.internal.db.Dialect;
import dev.journeys.jdbc.internal.db.Writers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On H2 the run log by contact is filed in chunks off the events' path, and read as the filed ids plus the
 * tail past the mark: a reader must find every row committed before it started, whenever the filer runs.
 */
class RunLogContactsTest {

    private final Migrations.Scratch scratch = Migrations.Scratch.of("h2");
    private final JdbcDataSource dataSource = new JdbcDataSource();
    /** A database key of its own, so that no other test shares these locks or this filer. */
    private final Db db;
    private final Jdbi jdbi;

    RunLogContactsTest() {
        scratch.migrateTo("latest");
        dataSource.setURL(scratch.url());
        jdbi = Jdbi.create(dataSource);
        db = new Db(jdbi, Dialect.H2, new Object());
    }

    @AfterEach
    void dropDatabase() {
        jdbi.useHandle(h -> h.execute("drop all objects"));
    }

    /** Writes one attempt's row as the SDK does, under a stripe; answers its id (-1 for a row without decisions). */
    private long write(String tenant, String contact, String event, boolean withDecision) {
        List<RunLogCodec.Entry> entries = withDecision
                ? List.of(new RunLogCodec.Entry(1, new RunDecision.NotMatched(0, null, "status was 'open'")))
                : List.of();
        RunLog.Attempt attempt = new RunLog.Attempt(event, "order.created", contact, Instant.now(), 0, true, entries);
        List<dev.journeys.api.RunRecord> records = Writers.holdingMoveLocks(db, new long[0], () -> Writers.committed(dataSource,
                c -> RunLog.insert(c, tenant, List.of(attempt))));
        return records.isEmpty() ? -1 : records.get(0).id() >> RunLog.POSITION_BITS;
    }

    private long[] idsOf(String tenant, String contact) {
        try (Handle h = jdbi.open()) {
            return RunLogContacts.idsOf(h, tenant, contact);
        }
    }

    private static long[] newestFirst(List<Long> ids) {
        return ids.stream().sorted(java.util.Comparator.reverseOrder()).mapToLong(Long::longValue).toArray();
    }

    @Test
    void rows_are_found_by_tenant_and_contact_before_during_and_after_filing() {
        RunLogContacts filer = new RunLogContacts(db, dataSource, 7);
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        List<Long> otherTenant = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            a.add(write("t1", "a", "a" + i, true));
            b.add(write("t1", "b", "b" + i, true));
            otherTenant.add(write("t2", "a", "x" + i, true));
        }
        // A row that only keys an applied event holds no decision to find.
        write("t1", "a", "key-only", false);

        assertThat(idsOf("t1", "a")).as("nothing filed").containsExactly(newestFirst(a));
        assertThat(filer.file()).isEqualTo(7);
        assertThat(idsOf("t1", "a")).as("one chunk filed").containsExactly(newestFirst(a));
        long filed;
        int calls = 1;
        while ((filed = filer.file()) > 0) {
            assertThat(filed).isLessThanOrEqualTo(7);
            calls++;
        }
        assertThat(filed).isZero();
        assertThat(calls).isEqualTo(5);
        assertThat(idsOf("t1", "a")).as("all filed").containsExactly(newestFirst(a));
        assertThat(idsOf("t1", "b")).containsExactly(newestFirst(b));
        assertThat(idsOf("t2", "a")).containsExactly(newestFirst(otherTenant));
        assertThat(idsOf("t1", "nobody")).isEmpty();

        a.add(write("t1", "a", "after", true));
        assertThat(idsOf("t1", "a")).as("filed and tail").containsExactly(newestFirst(a));
        // One row per contact and chunk at most, each packing that contact's ids of the chunk.
        long rows = jdbi.withHandle(h -> h.createQuery("select count(*) from run_log_contacts where tenant_id = 't1'"
                + " and contact_key = 'a'").mapTo(Long.class).one());
        assertThat(rows).isBetween(1L, 5L);
    }

    @Test
    void a_reader_racing_writers_and_the_filer_finds_every_row_committed_before_it_started() throws Exception {
        RunLogContacts filer = new RunLogContacts(db, dataSource, 5);
        NavigableSet<Long> committed = new ConcurrentSkipListSet<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        committed.add(write("t", "c", "w" + writer + "-" + i, true));
                        write("t", "noise-" + (i % 7), "n" + writer + "-" + i, true);
                    }
                }));
            }
            Future<Long> filing = pool.submit(() -> {
                long filedCalls = 0;
                // At least once, however the threads are scheduled.
                do {
                    if (filer.file() > 0) {
                        filedCalls++;
                    }
                } while (writing.get());
                return filedCalls;
            });
            Future<Integer> reading = pool.submit(() -> {
                int reads = 0;
                do {
                    List<Long> before = new ArrayList<>(committed);
                    long[] found = idsOf("t", "c");
                    assertThat(found).as("newest first, each once").isSortedAccordingTo((x, y) -> Long.compare(y, x))
                            .doesNotHaveDuplicates();
                    assertThat(found).as("read %d", reads).contains(before.stream().mapToLong(Long::longValue).toArray());
                    reads++;
                } while (writing.get());
                return reads;
            });
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            assertThat(reading.get(1, TimeUnit.MINUTES)).isPositive();
            assertThat(filing.get(1, TimeUnit.MINUTES)).as("filer calls that filed something").isPositive();
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        assertThat(idsOf("t", "c")).containsExactly(newestFirst(new ArrayList<>(committed)));
        while (filer.file() > 0) {
            // Files the rest.
        }
        assertThat(idsOf("t", "c")).as("all filed").hasSize(900)
                .containsExactly(newestFirst(new ArrayList<>(committed)));
    }

    @Test
    void a_row_still_being_written_holds_the_mark_back_until_it_commits() throws Exception {
        RunLogContacts filer = new RunLogContacts(db, dataSource, 100);
        java.util.concurrent.CountDownLatch inserted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        RunLog.Attempt slow = new RunLog.Attempt("slow", "order.created", "c", Instant.now(), 0, true,
                List.of(new RunLogCodec.Entry(1, new RunDecision.Failed("x"))));
        java.util.concurrent.CompletableFuture<List<dev.journeys.api.RunRecord>> slowWrite =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> Writers.holdingMoveLocks(db, new long[0], () -> Writers.committed(
                        dataSource, c -> {
                            List<dev.journeys.api.RunRecord> records = RunLog.insert(c, "t", List.of(slow));
                            inserted.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                            return records;
                        })));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
        // A later row commits first: a mark read now would pass over the slow one's lower id.
        long later = write("t", "c", "later", true);

        assertThat(filer.file()).as("writers do not yield").isEqualTo(-1);

        release.countDown();
        long slowId = slowWrite.get(10, TimeUnit.SECONDS).get(0).id() >> RunLog.POSITION_BITS;
        assertThat(slowId).isLessThan(later);
        assertThat(filer.file()).isEqualTo(2);
        assertThat(idsOf("t", "c")).containsExactly(later, slowId);
    }
}
