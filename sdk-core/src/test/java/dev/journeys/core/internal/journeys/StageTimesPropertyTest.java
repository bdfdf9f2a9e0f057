package dev.journeys.core.internal.journeys;

import static dev.journeys.core.internal.journeys.HistoryCase.histories;
import static dev.journeys.core.testing.Property.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.Journey;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.StageTime;
import dev.journeys.api.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Time in stage, stated as properties over random valid histories (see {@link HistoryCase#histories()}).
 * Worked examples live in {@link StageTimesTest}.
 */
@DisplayName("StageTimes, for every valid history")
class StageTimesPropertyTest {

    private static Map<StageId, StageTime> byStage(List<StageTime> times) {
        return times.stream().collect(Collectors.toMap(StageTime::stage, Function.identity()));
    }

    @Test
    @DisplayName("has exactly one StageTime per stage ever entered, and none for a stage never entered")
    void oneEntryPerEnteredStage() {
        forAll(histories()).check(c -> {
            List<StageId> entered = c.history().stream().flatMap(t -> t.to().stream()).distinct().toList();
            assertThat(c.stageTimes()).extracting(StageTime::stage).containsExactlyInAnyOrderElementsOf(entered);
        });
    }

    @Test
    @DisplayName("counts as entries the transitions into the stage")
    void entriesCountTransitionsIn() {
        forAll(histories()).check(c -> byStage(c.stageTimes()).forEach((stage, time) ->
                assertThat(time.entries()).as("entries of %s", stage)
                        .isEqualTo(c.history().stream().filter(t -> t.to().equals(Optional.of(stage))).count())));
    }

    @Test
    @DisplayName("was first entered at the first transition into the stage")
    void firstEnteredAtFirstEntry() {
        forAll(histories()).check(c -> byStage(c.stageTimes()).forEach((stage, time) ->
                assertThat(time.firstEnteredAt()).as("first entry into %s", stage).isEqualTo(c.history().stream()
                        .filter(t -> t.to().equals(Optional.of(stage))).findFirst().orElseThrow().effectiveAt())));
    }

    @Test
    @DisplayName("adds up every stay as cumulative time, the current one counted up to asOf")
    void cumulativeIsTheSumOfStays() {
        forAll(histories()).check(c -> {
            Map<StageId, StageTime> times = byStage(c.stageTimes());
            c.staysByStage().forEach((stage, stays) -> assertThat(times.get(stage).cumulativeTimeIn())
                    .as("cumulative time in %s over %s", stage, stays)
                    .isEqualTo(stays.stream().map(s -> s.length(c.asOf())).reduce(Duration.ZERO, Duration::plus)));
        });
    }

    @Test
    @DisplayName("has a latest time in a stage only once a stay there has ended, and then it is the last ended stay")
    void latestIsTheLastCompletedStay() {
        forAll(histories()).check(c -> {
            Map<StageId, StageTime> times = byStage(c.stageTimes());
            c.staysByStage().forEach((stage, stays) -> {
                Optional<Duration> lastCompleted = stays.stream().filter(s -> s.left().isPresent())
                        .reduce((a, b) -> b).map(s -> s.length(c.asOf()));
                assertThat(times.get(stage).latestTimeIn()).as("latest time in %s over %s", stage, stays)
                        .isEqualTo(lastCompleted);
            });
        });
    }

    @Test
    @DisplayName("was last exited at the last transition out of the stage, and never if none left it")
    void lastExitedAtTheLastExit() {
        forAll(histories()).check(c -> byStage(c.stageTimes()).forEach((stage, time) ->
                assertThat(time.lastExitedAt()).as("last exit from %s", stage).isEqualTo(c.history().stream()
                        .filter(t -> t.from().equals(Optional.of(stage)))
                        .reduce((a, b) -> b).map(Transition::effectiveAt))));
    }

    @Test
    @DisplayName("marks current only the stage the last transition went into, and echoes asOf")
    void currentIsWhereTheLastTransitionWent() {
        forAll(histories()).check(c -> {
            for (StageTime time : c.stageTimes()) {
                assertThat(time.current()).as("%s is current", time.stage())
                        .isEqualTo(c.currentStage().equals(Optional.of(time.stage())));
                assertThat(time.asOf()).isEqualTo(c.asOf());
            }
        });
    }

    @Test
    @DisplayName("accounts for all the time the contact spent in the journey, no more, no less")
    void totalTimeInJourney() {
        forAll(histories()).check(c -> {
            Duration inJourney = Duration.ZERO;
            List<Transition> history = c.history();
            for (int i = 0; i < history.size(); i++) {
                if (history.get(i).to().isPresent()) {
                    Instant until = i + 1 < history.size() ? history.get(i + 1).effectiveAt() : c.asOf();
                    inJourney = inJourney.plus(Duration.between(history.get(i).effectiveAt(), until));
                }
            }
            assertThat(c.stageTimes().stream().map(StageTime::cumulativeTimeIn).reduce(Duration.ZERO, Duration::plus))
                    .isEqualTo(inJourney);
        });
    }

    @Test
    @DisplayName("never reports a latest stay longer than the cumulative time, nor a negative time")
    void timesAreConsistent() {
        forAll(histories()).check(c -> c.stageTimes().forEach(time -> {
            assertThat(time.cumulativeTimeIn().isNegative()).as("cumulative time is negative").isFalse();
            time.latestTimeIn().ifPresent(latest -> {
                assertThat(latest.isNegative()).as("latest stay is negative").isFalse();
                assertThat(latest).isLessThanOrEqualTo(time.cumulativeTimeIn());
            });
            time.lastExitedAt().ifPresent(exit -> assertThat(exit).isAfterOrEqualTo(time.firstEnteredAt()));
        }));
    }

    @Test
    @DisplayName("lists the journey's current stages in its order, then removed stages in order of first entry")
    void order() {
        forAll(histories()).check(c -> {
            List<StageId> entered = c.history().stream().flatMap(t -> t.to().stream()).distinct().toList();
            List<StageId> expected = new ArrayList<>();
            c.journey().stages().stream().map(Stage::id).filter(entered::contains).forEach(expected::add);
            entered.stream().filter(s -> c.journey().stage(s).isEmpty()).forEach(expected::add);
            assertThat(c.stageTimes()).extracting(StageTime::stage).containsExactlyElementsOf(expected);
        });
    }

    @Test
    @DisplayName("depends on the journey's stage order for ordering only, never for the facts")
    void reorderingChangesOrderOnly() {
        forAll(histories()).when(c -> c.journey().stages().size() > 1).check(c -> {
            List<Stage> reversed = new ArrayList<>(c.journey().stages());
            Collections.reverse(reversed);
            List<Stage> renumbered = new ArrayList<>();
            for (int i = 0; i < reversed.size(); i++) {
                renumbered.add(new Stage(reversed.get(i).id(), reversed.get(i).name(), i));
            }
            Journey reordered = new Journey(c.journey().id(), c.journey().name(), c.journey().kind(),
                    c.journey().requiresSequence(), c.journey().allowsBackward(), c.journey().archived(),
                    renumbered, c.journey().version() + 1);
            assertThat(StageTimes.of(reordered, c.history(), c.asOf()))
                    .containsExactlyInAnyOrderElementsOf(c.stageTimes());
        });
    }
}
