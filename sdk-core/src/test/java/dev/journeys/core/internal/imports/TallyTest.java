package dev.journeys.core.internal.imports;

import static dev.journeys.core.testing.Property.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.RowRejection;
import dev.journeys.api.ReasonCode;
import dev.journeys.core.testing.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The counts of an import run, and the rejections it lists. */
@DisplayName("Tally, by example")
class TallyTest {

    static RowRejection rejection(long line) {
        return new RowRejection(line, Optional.of("stage"), Optional.of(""), ReasonCode.MISSING_VALUE, "the stage is empty");
    }

    @Test
    @DisplayName("a new tally has counted nothing")
    void empty() {
        Tally tally = new Tally(10);
        assertThat(tally.rows()).isZero();
        assertThat(tally.moved()).isZero();
        assertThat(tally.unchanged()).isZero();
        assertThat(tally.rejected()).isZero();
        assertThat(tally.lastLine()).isZero();
        assertThat(tally.listed()).isEmpty();
    }

    @Test
    @DisplayName("every row is counted once, as moved, unchanged or rejected, and the counts add up to the rows")
    void countsAddUp() {
        Tally tally = new Tally(10);
        tally.moved(2);
        tally.moved(3);
        tally.unchanged(4);
        tally.rejected(rejection(5));
        tally.moved(6);
        tally.rejected(rejection(7));

        assertThat(tally.moved()).isEqualTo(3);
        assertThat(tally.unchanged()).isEqualTo(1);
        assertThat(tally.rejected()).isEqualTo(2);
        assertThat(tally.rows()).isEqualTo(6).isEqualTo(tally.moved() + tally.unchanged() + tally.rejected());
        assertThat(tally.listed()).containsExactly(rejection(5), rejection(7));
    }

    @Test
    @DisplayName("the last line is the highest line decided, whatever the order rows were decided in")
    void lastLine() {
        Tally tally = new Tally(10);
        tally.moved(9);
        tally.rejected(rejection(4));
        tally.unchanged(7);
        assertThat(tally.lastLine()).isEqualTo(9);
        tally.rejected(rejection(12));
        assertThat(tally.lastLine()).isEqualTo(12);
    }

    @Test
    @DisplayName("lists at most maxListed rejections, the first ones, while still counting them all")
    void listedRejectionsAreCapped() {
        Tally tally = new Tally(3);
        for (long line = 2; line < 12; line++) {
            tally.rejected(rejection(line));
        }
        assertThat(tally.rejected()).isEqualTo(10);
        assertThat(tally.listed()).containsExactly(rejection(2), rejection(3), rejection(4));
        assertThat(tally.lastLine()).isEqualTo(11);
    }

    @Test
    @DisplayName("with maxListed 0 lists nothing but counts every rejection")
    void listingNothing() {
        Tally tally = new Tally(0);
        tally.rejected(rejection(2));
        tally.rejected(rejection(3));
        assertThat(tally.rejected()).isEqualTo(2);
        assertThat(tally.listed()).isEmpty();
    }

    @Test
    @DisplayName("the listed rejections are a snapshot that cannot change the tally")
    void listedIsASnapshot() {
        Tally tally = new Tally(10);
        tally.rejected(rejection(2));
        var listed = tally.listed();
        tally.rejected(rejection(3));
        assertThat(listed).containsExactly(rejection(2));
        assertThatThrownBy(() -> listed.add(rejection(9))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("a copy has the same counts, list and last line")
    void copyIsEqual() {
        Tally tally = new Tally(2);
        tally.moved(2);
        tally.unchanged(3);
        tally.rejected(rejection(4));
        tally.rejected(rejection(5));
        tally.rejected(rejection(6));

        Tally copy = tally.copy();

        assertThat(copy.moved()).isEqualTo(1);
        assertThat(copy.unchanged()).isEqualTo(1);
        assertThat(copy.rejected()).isEqualTo(3);
        assertThat(copy.rows()).isEqualTo(5);
        assertThat(copy.lastLine()).isEqualTo(6);
        assertThat(copy.listed()).containsExactly(rejection(4), rejection(5));
    }

    @Test
    @DisplayName("a copy is independent: counting on either changes neither the other's counts nor its list")
    void copyIsIndependent() {
        Tally tally = new Tally(3);
        tally.moved(2);
        tally.rejected(rejection(3));
        Tally copy = tally.copy();

        tally.moved(4);
        tally.rejected(rejection(5));
        copy.unchanged(6);
        copy.rejected(rejection(7));
        copy.rejected(rejection(8));

        assertThat(tally.moved()).isEqualTo(2);
        assertThat(tally.unchanged()).isZero();
        assertThat(tally.rejected()).isEqualTo(2);
        assertThat(tally.listed()).containsExactly(rejection(3), rejection(5));
        assertThat(tally.lastLine()).isEqualTo(5);

        assertThat(copy.moved()).isEqualTo(1);
        assertThat(copy.unchanged()).isEqualTo(1);
        assertThat(copy.rejected()).isEqualTo(3);
        assertThat(copy.listed()).as("the copy keeps the cap").containsExactly(rejection(3), rejection(7), rejection(8));
        assertThat(copy.lastLine()).isEqualTo(8);
    }

    /** A run: the cap on listed rejections, and each row's decision in file order (0 moved, 1 unchanged, 2 rejected). */
    record Run(int maxListed, List<Integer> decisions) {
    }

    @Test
    @DisplayName("for any run, the counts add up to the rows, the first maxListed rejections are listed, and a copy made midway is unaffected")
    void anyRun() {
        Gen<Run> runs = random -> {
            List<Integer> decisions = new ArrayList<>();
            int rows = random.nextInt(60);
            for (int i = 0; i < rows; i++) {
                decisions.add(random.nextInt(3));
            }
            return new Run(random.nextInt(10), decisions);
        };
        forAll(runs).cases(300).check(run -> {
            Tally tally = new Tally(run.maxListed());
            Tally copy = null;
            long copiedRows = 0;
            List<RowRejection> rejections = new ArrayList<>();
            long line = 2;
            for (int decision : run.decisions()) {
                if (copy == null && line - 2 == run.decisions().size() / 2) {
                    copy = tally.copy();
                    copiedRows = tally.rows();
                }
                switch (decision) {
                    case 0 -> tally.moved(line);
                    case 1 -> tally.unchanged(line);
                    default -> {
                        rejections.add(rejection(line));
                        tally.rejected(rejection(line));
                    }
                }
                line++;
            }
            long moved = run.decisions().stream().filter(d -> d == 0).count();
            long unchanged = run.decisions().stream().filter(d -> d == 1).count();
            assertThat(tally.moved()).isEqualTo(moved);
            assertThat(tally.unchanged()).isEqualTo(unchanged);
            assertThat(tally.rejected()).isEqualTo(rejections.size());
            assertThat(tally.rows()).isEqualTo(run.decisions().size());
            assertThat(tally.listed()).isEqualTo(rejections.subList(0, Math.min(run.maxListed(), rejections.size())));
            assertThat(tally.lastLine()).isEqualTo(run.decisions().isEmpty() ? 0 : line - 1);
            if (copy != null) {
                assertThat(copy.rows()).isEqualTo(copiedRows);
            }
        });
    }
}
