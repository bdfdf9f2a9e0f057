package dev.journeys.jdbc.internal.moves;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.JourneysSdk;
import dev.journeys.core.internal.storage.PlacementFeed;
import dev.journeys.core.internal.storage.PlacementState;
import dev.journeys.jdbc.contract.Databases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The commit poller against interleavings staged by hand on real PostgreSQL connections, at moments a
 * timer would hit only by luck.
 */
class PostgresCommitPollerTest {

    private static String url;

    private final String tenant = "poller-" + UUID.randomUUID();
    /** No journey row is needed; a journey id of its own keeps reruns on one database apart. */
    private final long journey = 1_000_000_000L + new Random().nextInt(1_000_000_000);
    private final List<PlacementState> delivered = new CopyOnWriteArrayList<>();
    private PostgresCommitPoller poller;

    @BeforeAll
    static void migrate() {
        url = Databases.postgresUrl();
        try (JourneysSdk sdk = Databases.postgres().load()) {
            assertThat(sdk).isNotNull();
        }
    }

    @BeforeEach
    void startPoller() {
        PlacementFeed feed = new PlacementFeed() {
            @Override
            public void committed(String t, PlacementState state) {
                if (t.equals(tenant)) {
                    delivered.add(state);
                }
            }

            @Override
            public void lostTrack() {
                throw new AssertionError("the database stayed up; the poller must not lose track");
            }
        };
        // An hour between timed polls: the test polls at the moments it stages.
        poller = new PostgresCommitPoller(Jdbi.create(url), feed, Duration.ofHours(1));
    }

    @AfterEach
    void stopPoller() {
        poller.close();
    }

    @Test
    void a_commit_in_flight_yet_unlisted_by_the_snapshot_is_still_delivered() throws SQLException {
        try (Connection older = open(); Connection newer = open()) {
            // The older transaction takes its xid first; the newer one takes a higher xid and draws a history
            // id before the older one does, so the older row gets the higher id.
            xid(older);
            xid(newer);
            append(newer, "late", 1);
            append(older, "early", 1);
            older.commit();
            // latestCompletedXid is now the older xid: the snapshot's xmax does not pass the newer one's xid,
            // so pg_snapshot_xip does not list it, though it is in flight and its row sits below max(id).
            poller.poll();
            assertThat(contacts()).containsExactly("early");

            newer.commit();
            poller.poll();
            assertThat(contacts()).containsExactly("early", "late");
        }
    }

    @Test
    void a_commit_listed_in_flight_is_delivered_once_it_commits() throws SQLException {
        try (Connection slow = open(); Connection fast = open()) {
            xid(slow);
            append(slow, "slow", 1);
            append(fast, "fast", 1);
            // The fast one took its xid after the slow one and completed, so the snapshot lists the slow one.
            fast.commit();
            poller.poll();
            assertThat(contacts()).containsExactly("fast");

            slow.commit();
            poller.poll();
            poller.poll();
            assertThat(contacts()).containsExactly("fast", "slow");
        }
    }

    @Test
    void every_commit_is_delivered_exactly_once_across_polls() throws SQLException {
        try (Connection c = open()) {
            for (int round = 0; round < 3; round++) {
                append(c, "c" + round, round + 1);
                c.commit();
                poller.poll();
            }
            poller.poll();
        }
        assertThat(contacts()).containsExactly("c0", "c1", "c2");
        assertThat(delivered).extracting(PlacementState::version).containsExactly(1L, 2L, 3L);
    }

    private List<String> contacts() {
        return delivered.stream().map(PlacementState::contactKey).toList();
    }

    private static Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        c.setAutoCommit(false);
        return c;
    }

    private static long xid(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_current_xact_id()::text::bigint");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A history row as the write paths append it: stamped with the writer's transaction. */
    private void append(Connection c, String contact, long version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into transitions (tenant_id, journey_id, contact_key, to_stage_id, effective_at, recorded_at,
                                         source_kind, source_ref, placement_version, tx_id)
                values (?, ?, ?, 7, now(), now(), 'MANUAL', 'test', ?, pg_current_xact_id()::text::bigint)""")) {
            s.setString(1, tenant);
            s.setLong(2, journey);
            s.setString(3, contact);
            s.setLong(4, version);
            s.executeUpdate();
        }
    }
}
