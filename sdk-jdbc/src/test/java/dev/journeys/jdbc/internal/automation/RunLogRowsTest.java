package dev.journeys.jdbc.internal.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.RunDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How attempts are laid out in rows, which row keys an applied event, and the record ids that follow. */
class RunLogRowsTest {

    private static final Instant AT = Instant.parse("2026-06-01T10:00:00Z");

    private static RunLogCodec.Entry run(long automation, String detail) {
        return new RunLogCodec.Entry(automation, new RunDecision.Failed(detail));
    }

    private static RunLog.Attempt attempt(String event, boolean applied, List<RunLogCodec.Entry> entries) {
        return new RunLog.Attempt(event, "order.created", "c1", AT, 0, applied, entries);
    }

    @Test
    void each_attempt_gets_its_own_row_and_only_an_applied_one_is_marked() {
        List<RunLog.Row> rows = RunLog.rows(List.of(
                attempt("e1", true, List.of(run(1, "x"), run(2, "y"))),
                attempt("e2", false, List.of(run(1, "z")))));

        assertThat(rows).extracting(RunLog.Row::size).containsExactly(2, 1);
        assertThat(rows).extracting(RunLog.Row::applied).containsExactly(true, false);
        assertThat(RunLogCodec.decode(rows.get(0).decisions())).extracting(RunLogCodec.Entry::automationId)
                .containsExactly(1L, 2L);
    }

    @Test
    void an_applied_event_without_decisions_still_gets_its_key_and_a_failed_one_gets_nothing() {
        List<RunLog.Row> rows = RunLog.rows(List.of(attempt("quiet", true, List.of()), attempt("lost", false, List.of())));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).applied()).isTrue();
        assertThat(rows.get(0).decisions()).isEmpty();
    }

    @Test
    void a_row_holds_at_most_its_share_of_decisions_and_only_the_first_is_the_key() {
        List<RunLogCodec.Entry> runs = Collections.nCopies(RunLog.MAX_PER_ROW * 2 + 1, run(9, "x"));

        List<RunLog.Row> rows = RunLog.rows(List.of(attempt("e1", true, runs)));

        assertThat(rows).extracting(RunLog.Row::size).containsExactly(RunLog.MAX_PER_ROW, RunLog.MAX_PER_ROW, 1);
        assertThat(rows).extracting(RunLog.Row::applied).containsExactly(true, false, false);
    }

    @Test
    void a_row_grows_only_a_little_past_its_size_in_characters() {
        List<RunLogCodec.Entry> runs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            runs.add(run(i, "y".repeat(1999)));
        }

        List<RunLog.Row> rows = RunLog.rows(List.of(attempt("e1", false, runs)));

        assertThat(rows).hasSizeGreaterThan(1);
        assertThat(rows).allSatisfy(row -> assertThat(row.decisions().length()).isLessThan(RunLog.MAX_CHARS + 2100));
        assertThat(rows.stream().mapToInt(RunLog.Row::size).sum()).isEqualTo(200);
    }

    @Test
    void record_ids_order_rows_first_then_places_within_a_row() {
        assertThat(RunLog.recordId(5, RunLog.MAX_PER_ROW - 1)).isLessThan(RunLog.recordId(6, 0));
        assertThat(RunLog.recordId(6, 0)).isLessThan(RunLog.recordId(6, 1));
    }
}
