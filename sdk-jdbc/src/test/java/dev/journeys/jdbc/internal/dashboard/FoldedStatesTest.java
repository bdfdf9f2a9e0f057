package dev.journeys.jdbc.internal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.core.internal.dashboard.ContactFold;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** When the folder may trust the contact states it wrote, and when it must read them again. */
class FoldedStatesTest {

    private static final ContactFold.ContactKey ADA = new ContactFold.ContactKey(1, "ada");
    private static final ContactFold.ContactKey BOB = new ContactFold.ContactKey(1, "bob");

    private static ContactFold.State state(long stage) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new ContactFold.State(at, new TreeMap<>(Map.of(stage, at)));
    }

    private static FoldedStates.Point at(long tx, long id, long rebuilds) {
        return new FoldedStates.Point(new DashboardFold.Mark(tx, id), rebuilds);
    }

    /** A fold from {@code start} that writes ada's state and commits at {@code end}. */
    private static void foldAndCommit(FoldedStates states, FoldedStates.Point start, FoldedStates.Point end) {
        states.begin(start);
        states.putAll(Map.of(ADA, state(7)));
        states.committed(end);
    }

    @Test
    void the_next_fold_from_where_this_one_committed_keeps_the_states() {
        FoldedStates states = new FoldedStates();
        foldAndCommit(states, at(0, 0, 0), at(10, 0, 0));

        states.begin(at(10, 0, 0));

        assertThat(states.get(ADA)).isEqualTo(state(7));
    }

    @Test
    void a_fold_by_another_instance_moved_the_mark_so_nothing_is_kept() {
        FoldedStates states = new FoldedStates();
        foldAndCommit(states, at(0, 0, 0), at(10, 0, 0));

        states.begin(at(25, 0, 0));

        assertThat(states.get(ADA)).isNull();
        assertThat(states.size()).isZero();
    }

    @Test
    void a_repair_leaves_the_mark_but_counts_a_rebuild_so_nothing_is_kept() {
        FoldedStates states = new FoldedStates();
        foldAndCommit(states, at(0, 0, 0), at(10, 0, 0));

        states.begin(at(10, 0, 1));

        assertThat(states.get(ADA)).isNull();
    }

    @Test
    void a_mark_inside_a_transaction_is_compared_to_the_row() {
        FoldedStates states = new FoldedStates();
        foldAndCommit(states, at(0, 0, 0), at(10, 400, 0));

        states.begin(at(10, 401, 0));

        assertThat(states.get(ADA)).isNull();
    }

    @Test
    void a_fold_that_did_not_commit_is_not_trusted_even_from_the_same_point() {
        FoldedStates states = new FoldedStates();
        foldAndCommit(states, at(0, 0, 0), at(10, 0, 0));
        states.begin(at(10, 0, 0));
        states.putAll(Map.of(BOB, state(8)));
        states.forget();

        states.begin(at(10, 0, 0));

        assertThat(states.get(ADA)).isNull();
        assertThat(states.get(BOB)).isNull();
    }

    @Test
    void a_fold_in_progress_is_trusted_by_nobody_until_it_commits() {
        FoldedStates states = new FoldedStates();
        foldAndCommit(states, at(0, 0, 0), at(10, 0, 0));
        states.begin(at(10, 0, 0));
        // The fold in flight dies without forget (an Error, say): the next one must not trust what it left.

        states.begin(at(10, 0, 0));

        assertThat(states.get(ADA)).isNull();
    }

    @Test
    void within_a_fold_later_runs_see_the_states_earlier_runs_wrote() {
        FoldedStates states = new FoldedStates();
        states.begin(at(0, 0, 0));
        states.putAll(Map.of(ADA, state(7)));

        assertThat(states.get(ADA)).isEqualTo(state(7));
        states.putAll(Map.of(ADA, state(9)));
        assertThat(states.get(ADA)).isEqualTo(state(9));
    }

    @Test
    void a_fresh_folder_trusts_nothing() {
        FoldedStates states = new FoldedStates();

        states.begin(at(0, 0, 0));

        assertThat(states.size()).isZero();
    }

    @Test
    void it_holds_at_most_its_capacity_and_drops_the_least_recently_used() {
        FoldedStates states = new FoldedStates();
        states.begin(at(0, 0, 0));
        for (int i = 0; i < FoldedStates.CAPACITY; i++) {
            states.putAll(Map.of(new ContactFold.ContactKey(1, "c" + i), state(1)));
        }
        states.get(new ContactFold.ContactKey(1, "c0"));

        states.putAll(Map.of(ADA, state(7)));

        assertThat(states.size()).isEqualTo(FoldedStates.CAPACITY);
        assertThat(states.get(new ContactFold.ContactKey(1, "c0"))).as("used lately").isNotNull();
        assertThat(states.get(new ContactFold.ContactKey(1, "c1"))).as("least recently used").isNull();
        assertThat(states.get(ADA)).isNotNull();
    }
}
