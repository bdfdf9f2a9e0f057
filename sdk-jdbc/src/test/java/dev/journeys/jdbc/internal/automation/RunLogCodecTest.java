package dev.journeys.jdbc.internal.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyRef;
import dev.journeys.api.ReasonCode;
import dev.journeys.api.RunDecision;
import dev.journeys.api.StageId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The packed column of the run log gives back every decision as it went in, whatever its text. */
class RunLogCodecTest {

    private static RunLogCodec.Entry entry(long automation, RunDecision decision) {
        return new RunLogCodec.Entry(automation, decision);
    }

    @Test
    void every_kind_of_decision_comes_back_equal() {
        List<RunLogCodec.Entry> entries = List.of(
                entry(1, new RunDecision.NotMatched(3, null, "amount 5 is not greater than 100")),
                entry(22, new RunDecision.Moved(new JourneyId(7), Optional.empty(), new StageId(70), 9001)),
                entry(333, new RunDecision.Moved(new JourneyId(7), Optional.of(new StageId(70)), new StageId(71), 9002)),
                entry(4, new RunDecision.Skipped(new JourneyId(8), ReasonCode.OUT_OF_SEQUENCE, "cannot skip from A to C")),
                entry(5, new RunDecision.Failed("trigger plugin failed: boom")),
                entry(Long.MAX_VALUE, new RunDecision.LoopStopped(11)));

        assertThat(RunLogCodec.decode(RunLogCodec.encode(entries))).isEqualTo(entries);
    }

    @Test
    void text_that_looks_like_the_format_itself_is_kept_as_text() {
        List<RunLogCodec.Entry> entries = List.of(
                entry(1, new RunDecision.Failed("~")),
                entry(2, new RunDecision.Failed("12:~~3:")),
                entry(3, new RunDecision.Failed("")),
                entry(4, new RunDecision.Skipped(new JourneyId(1), ReasonCode.CONTENTION, "line\nbreak \uD83D\uDE80 ü \"q\"")));

        assertThat(RunLogCodec.decode(RunLogCodec.encode(entries))).isEqualTo(entries);
    }

    @Test
    void nul_is_replaced_because_postgresql_text_cannot_hold_it() {
        String packed = RunLogCodec.encode(List.of(entry(1, new RunDecision.Failed("a\u0000b"))));

        assertThat(RunLogCodec.decode(packed)).containsExactly(entry(1, new RunDecision.Failed("a\uFFFDb")));
    }

    @Test
    void long_details_are_cut_at_a_whole_character() {
        String rocket = "\uD83D\uDE80";
        String detail = "x".repeat(RunLogCodec.RunColumns.MAX_DETAIL - 2) + rocket + "tail";

        String kept = ((RunDecision.Failed) RunLogCodec.decode(
                RunLogCodec.encode(List.of(entry(1, new RunDecision.Failed(detail))))).get(0).decision()).error();

        assertThat(kept).hasSizeLessThanOrEqualTo(RunLogCodec.RunColumns.MAX_DETAIL).endsWith("x…");
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 2))).isFalse();
    }

    @Test
    void a_decision_as_stored_keeps_its_condition_and_is_the_same_object_when_no_text_changes() {
        dev.journeys.api.Condition condition = dev.journeys.api.Condition.equalTo("status", "paid");
        RunDecision plain = new RunDecision.NotMatched(0, condition, "status was 'open'");
        RunDecision withNul = new RunDecision.NotMatched(0, condition, "status was 'a\u0000'");

        assertThat(RunLogCodec.RunColumns.asStored(plain)).isSameAs(plain);
        assertThat(RunLogCodec.RunColumns.asStored(withNul))
                .isEqualTo(new RunDecision.NotMatched(0, condition, "status was 'a\uFFFD'"));
        assertThat(RunLogCodec.RunColumns.asStored(new RunDecision.Failed("x".repeat(5000))))
                .isEqualTo(new RunDecision.Failed("x".repeat(RunLogCodec.RunColumns.MAX_DETAIL - 1) + "…"));
    }

    @Test
    void a_detail_of_exactly_the_limit_is_kept_whole_and_one_more_character_is_cut() {
        String atLimit = "y".repeat(RunLogCodec.RunColumns.MAX_DETAIL);

        assertThat(RunLogCodec.RunColumns.clip(atLimit)).isSameAs(atLimit);
        assertThat(RunLogCodec.RunColumns.clip(atLimit + "z"))
                .isEqualTo("y".repeat(RunLogCodec.RunColumns.MAX_DETAIL - 1) + "…");
        assertThat(RunLogCodec.RunColumns.clip(null)).isNull();
    }

    @Test
    void an_empty_column_holds_no_decisions() {
        assertThat(RunLogCodec.decode("")).isEmpty();
    }

    @Test
    void a_damaged_column_is_an_error_not_a_wrong_decision() {
        String packed = RunLogCodec.encode(List.of(entry(1, new RunDecision.Failed("boom"))));

        assertThatThrownBy(() -> RunLogCodec.decode(packed.substring(0, packed.length() - 2)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RunLogCodec.decode(packed + "1:"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RunLogCodec.decode("-3:abc~~~~~~~~"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RunLogCodec.decode("1:1~~~~~~~~"))
                .as("no kind").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RunLogCodec.decode("x:1~~~~~~~~"))
                .isInstanceOf(IllegalStateException.class);
    }
}
