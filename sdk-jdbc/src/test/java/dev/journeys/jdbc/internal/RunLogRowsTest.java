package dev.journeys.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.RunDecision;
import dev.journeys.core.internal.storage.RunRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How decisions are laid out in rows, and the record ids that follow from it. */
class RunLogRowsTest {

    private static final Instant AT = Instant.parse("2026-06-01T10:00:00Z");

    private static RunRow run(long automation, String event, int depth) {
        return new RunRow(automation, event, "order.created", "c1", AT, depth, new RunDecision.Failed("x"), -1);
    }

    private static List<RunDecision> decisionsOf(List<RunRow> runs) {
        return runs.stream().map(RunRow::decision).toList();
    }

    @Test
    void the_decisions_of_one_event_share_a_row_and_another_event_or_depth_starts_one() {
        List<RunRow> runs = List.of(run(1, "e1", 0), run(2, "e1", 0), run(1, "e1", 1), run(1, "e2", 0));

        List<RunLog.Row> rows = RunLog.rows(runs, decisionsOf(runs));

        assertThat(rows).extracting(RunLog.Row::start).containsExactly(0, 2, 3);
        assertThat(rows).extracting(RunLog.Row::size).containsExactly(2, 1, 1);
        assertThat(RunLogCodec.decode(rows.get(0).decisions())).extracting(RunLogCodec.Entry::automationId)
                .containsExactly(1L, 2L);
    }

    @Test
    void a_row_holds_at_most_its_share_of_decisions() {
        List<RunRow> runs = Collections.nCopies(RunLog.MAX_PER_ROW * 2 + 1, run(9, "e1", 0));

        assertThat(RunLog.rows(runs, decisionsOf(runs))).extracting(RunLog.Row::size)
                .containsExactly(RunLog.MAX_PER_ROW, RunLog.MAX_PER_ROW, 1);
    }

    @Test
    void a_row_grows_only_a_little_past_its_size_in_characters() {
        List<RunRow> runs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            runs.add(new RunRow(i, "e1", "order.created", "c1", AT, 0, new RunDecision.Failed("y".repeat(1999)), -1));
        }

        List<RunLog.Row> rows = RunLog.rows(runs, decisionsOf(runs));

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
