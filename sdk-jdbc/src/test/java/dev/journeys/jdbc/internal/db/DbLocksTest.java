package dev.journeys.jdbc.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** On embedded H2, the journey locks that keep a definition change from meeting a move of the same journey. */
class DbLocksTest {

    /** A database key of its own, so that no other test shares these locks. */
    private final Db db = new Db(null, Dialect.H2, new Object());

    /** Starts a definition change of {@code journey} on another thread; the latch opens once it has run. */
    private CountDownLatch changeOf(long journey) {
        CountDownLatch ran = new CountDownLatch(1);
        Thread change = new Thread(() -> db.asChange(journey, () -> {
            ran.countDown();
            return null;
        }));
        change.setDaemon(true);
        change.start();
        return ran;
    }

    @Test
    void moves_of_several_journeys_hold_off_changes_of_each_until_they_end() throws InterruptedException {
        CountDownLatch[] changes = new CountDownLatch[2];
        Writers.holdingMoveLocks(db, new long[] {5, 700, 5}, () -> {
            changes[0] = changeOf(5);
            changes[1] = changeOf(700);
            try {
                assertThat(changes[0].await(200, TimeUnit.MILLISECONDS)).as("change of journey 5 during the moves").isFalse();
                assertThat(changes[1].getCount()).as("change of journey 700 during the moves").isEqualTo(1);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return null;
        });
        assertThat(changes[0].await(10, TimeUnit.SECONDS)).as("change of journey 5 after the moves").isTrue();
        assertThat(changes[1].await(10, TimeUnit.SECONDS)).as("change of journey 700 after the moves").isTrue();
    }

    @Test
    void a_journey_no_move_touches_can_change_meanwhile() throws InterruptedException {
        CountDownLatch[] other = new CountDownLatch[1];
        Writers.holdingMoveLocks(db, new long[] {1, 2}, () -> {
            other[0] = changeOf(3);
            try {
                assertThat(other[0].await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return null;
        });
    }

    @Test
    void negative_ids_and_ids_past_the_stripes_lock_and_unlock_alike() throws InterruptedException {
        long[] journeys = {-1, 63, 64, 0, Long.MAX_VALUE, Long.MIN_VALUE};
        Writers.holdingMoveLocks(db, journeys, () -> null);
        for (long journey : journeys) {
            assertThat(changeOf(journey).await(10, TimeUnit.SECONDS)).as("change of %d after the moves", journey).isTrue();
        }
    }

    @Test
    void a_write_without_moves_still_holds_off_those_who_wait_for_every_writer() {
        // The run log's filer reads its mark while every writer is held off; a move-less event writes a row too.
        Writers.holdingMoveLocks(db, new long[0], () -> {
            assertThat(java.util.concurrent.CompletableFuture.supplyAsync(() -> db.withMovesHeldOff(50, () -> "held")).join())
                    .isEmpty();
            return null;
        });
        assertThat(db.withMovesHeldOff(50, () -> "held")).contains("held");
    }
}
