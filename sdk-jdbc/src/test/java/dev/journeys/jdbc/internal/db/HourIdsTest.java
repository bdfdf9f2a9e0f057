package dev.journeys.jdbc.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The packing of one hour's folded transition ids in {@code dash_hour_ids}. */
class HourIdsTest {

    private static String encode(long... ids) {
        StringBuilder packed = new StringBuilder();
        assertThat(HourIds.encode(ids, 0, ids.length, packed)).isEqualTo(ids.length);
        return packed.toString();
    }

    @Test
    void runs_of_consecutive_ids_pack_as_a_gap_and_a_count() {
        long[] ids = LongStream.concat(LongStream.rangeClosed(100, 150), LongStream.of(160, 170, 171)).toArray();
        assertThat(encode(ids)).isEqualTo("100+50,10,10+1");
        assertThat(HourIds.decode("100+50,10,10+1")).containsExactly(ids);
    }

    @Test
    void a_single_id_in_decimal_is_a_packing_of_itself() {
        assertThat(encode(42)).isEqualTo("42");
        assertThat(HourIds.decode("42")).containsExactly(42);
        assertThat(HourIds.decode("9223372036854775807")).containsExactly(Long.MAX_VALUE);
    }

    @Test
    void random_ascending_ids_come_back_as_they_went_in() {
        SplittableRandom random = new SplittableRandom(Long.getLong("journeys.seed", 17));
        for (int round = 0; round < 200; round++) {
            long[] ids = random.longs(1 + random.nextInt(2_000), 1, 5_000).distinct().sorted().toArray();
            assertThat(HourIds.decode(encode(ids))).as("round %d", round).containsExactly(ids);
        }
    }

    @Test
    void a_row_stops_after_its_most_runs_and_the_next_row_starts_from_zero() {
        long[] apart = LongStream.range(0, HourIds.MAX_RUNS + 3L).map(i -> 10 + 2 * i).toArray();
        StringBuilder first = new StringBuilder();
        int next = HourIds.encode(apart, 0, apart.length, first);
        assertThat(next).isEqualTo(HourIds.MAX_RUNS);
        StringBuilder second = new StringBuilder();
        assertThat(HourIds.encode(apart, next, apart.length, second)).isEqualTo(apart.length);
        long[] back = LongStream.concat(Arrays.stream(HourIds.decode(first.toString())),
                Arrays.stream(HourIds.decode(second.toString()))).toArray();
        assertThat(back).containsExactly(apart);
    }

    @Test
    void ids_out_of_order_are_refused() {
        assertThatThrownBy(() -> encode(5, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encode(5, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
