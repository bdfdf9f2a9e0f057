package dev.journeys.core.internal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.Actor;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.StageTime;
import dev.journeys.api.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Worked examples of time in stage; the general statements are in {@link StageTimesPropertyTest}. */
@DisplayName("StageTimes, by example")
class StageTimesTest {

    static final JourneyId SALES = new JourneyId(1);
    static final StageId LEAD = new StageId(31);
    static final StageId DEMO = new StageId(12);
    static final StageId TRIAL = new StageId(7);
    static final StageId REMOVED = new StageId(50);
    static final StageId ALSO_REMOVED = new StageId(51);
    static final Journey JOURNEY = new Journey(SALES, "Sales", Journey.Kind.CUSTOM, false, false, false, List.of(
            new Stage(LEAD, "Lead", 0), new Stage(DEMO, "Demo", 1), new Stage(TRIAL, "Trial", 2)), 1);

    static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

    /** Builds a chain of transitions; each {@code at} is hours after {@link #T0}. */
    static final class History {
        private final List<Transition> transitions = new ArrayList<>();
        private Optional<StageId> at = Optional.empty();

        History to(StageId stage, long hours) {
            return add(Optional.of(stage), hours);
        }

        History exit(long hours) {
            return add(Optional.empty(), hours);
        }

        private History add(Optional<StageId> to, long hours) {
            Instant when = T0.plus(Duration.ofHours(hours));
            transitions.add(new Transition(transitions.size() + 1, SALES, "contact-1", at, to, when, when,
                    Actor.person("ann"), Optional.empty(), transitions.size() + 1));
            at = to;
            return this;
        }

        List<StageTime> asOfHour(long hours) {
            return StageTimes.of(JOURNEY, transitions, T0.plus(Duration.ofHours(hours)));
        }
    }

    static History history() {
        return new History();
    }

    static Instant hour(long hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    @Test
    @DisplayName("no history, no facts")
    void emptyHistory() {
        assertThat(StageTimes.of(JOURNEY, List.of(), T0)).isEmpty();
    }

    @Test
    @DisplayName("during the first stay: one entry, no exit, no latest stay, time counted up to asOf")
    void firstStay() {
        assertThat(history().to(LEAD, 0).asOfHour(5)).containsExactly(
                new StageTime(LEAD, hour(0), Optional.empty(), Optional.empty(), Duration.ofHours(5), 1, true, hour(5)));
    }

    @Test
    @DisplayName("asked at the very moment of entry, the stay so far is zero")
    void askedAtEntry() {
        assertThat(history().to(LEAD, 3).asOfHour(3)).singleElement()
                .extracting(StageTime::cumulativeTimeIn).isEqualTo(Duration.ZERO);
    }

    @Test
    @DisplayName("after a move on, the left stage has a last exit and a latest stay, and is no longer current")
    void afterMovingOn() {
        assertThat(history().to(LEAD, 0).to(DEMO, 2).asOfHour(10)).containsExactly(
                new StageTime(LEAD, hour(0), Optional.of(hour(2)), Optional.of(Duration.ofHours(2)),
                        Duration.ofHours(2), 1, false, hour(10)),
                new StageTime(DEMO, hour(2), Optional.empty(), Optional.empty(), Duration.ofHours(8), 1, true, hour(10)));
    }

    @Test
    @DisplayName("on a return, entries add up, latest is the last ended stay, cumulative includes the current one")
    void returnToAStage() {
        List<StageTime> times = history().to(LEAD, 0).to(DEMO, 2).to(LEAD, 5).asOfHour(6);

        assertThat(times.get(0)).isEqualTo(new StageTime(LEAD, hour(0), Optional.of(hour(2)),
                Optional.of(Duration.ofHours(2)), Duration.ofHours(3), 2, true, hour(6)));
    }

    @Test
    @DisplayName("after leaving and re-entering the journey, the time outside counts for no stage")
    void exitAndReentry() {
        List<StageTime> times = history().to(LEAD, 0).exit(1).to(LEAD, 10).to(DEMO, 14).asOfHour(14);

        assertThat(times).containsExactly(
                new StageTime(LEAD, hour(0), Optional.of(hour(14)), Optional.of(Duration.ofHours(4)),
                        Duration.ofHours(5), 2, false, hour(14)),
                new StageTime(DEMO, hour(14), Optional.empty(), Optional.empty(), Duration.ZERO, 1, true, hour(14)));
    }

    @Test
    @DisplayName("after leaving the journey, no stage is current and time stops counting")
    void afterExit() {
        assertThat(history().to(LEAD, 0).exit(3).asOfHour(100)).containsExactly(
                new StageTime(LEAD, hour(0), Optional.of(hour(3)), Optional.of(Duration.ofHours(3)),
                        Duration.ofHours(3), 1, false, hour(100)));
    }

    @Test
    @DisplayName("a stay that ends the instant it began still counts as an ended stay of zero length")
    void zeroLengthStay() {
        assertThat(history().to(LEAD, 0).to(DEMO, 0).asOfHour(1).get(0).latestTimeIn())
                .contains(Duration.ZERO);
    }

    @Test
    @DisplayName("lists stages in the journey's order, whatever the order they were entered in")
    void journeyOrder() {
        assertThat(history().to(TRIAL, 0).to(LEAD, 1).to(DEMO, 2).asOfHour(3))
                .extracting(StageTime::stage).containsExactly(LEAD, DEMO, TRIAL);
    }

    @Test
    @DisplayName("lists stages removed since after the current ones, in order of first entry")
    void removedStagesLast() {
        assertThat(history().to(ALSO_REMOVED, 0).to(DEMO, 1).to(REMOVED, 2).to(LEAD, 3).asOfHour(4))
                .extracting(StageTime::stage).containsExactly(LEAD, DEMO, ALSO_REMOVED, REMOVED);
    }

    @Test
    @DisplayName("leaves out stages the contact never entered")
    void neverEntered() {
        assertThat(history().to(LEAD, 0).to(TRIAL, 1).asOfHour(2))
                .extracting(StageTime::stage).doesNotContain(DEMO);
    }
}
