package dev.journeys.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.Actor;
import dev.journeys.api.ReasonCode;
import dev.journeys.api.ExpectedStage;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyRef;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.MoveOutcome;
import dev.journeys.api.MoveRejectedException;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Rejection;
import dev.journeys.api.StageId;
import dev.journeys.api.StageRef;
import dev.journeys.api.Transition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Moving contacts: the rules every source obeys, and the history every accepted move appends. */
abstract class MoveContract extends DefinitionContract {

    @Test
    void an_accepted_move_places_the_contact_and_appends_one_transition() throws Exception {
        Journey j = advocacy();
        MoveOutcome outcome = journeys.move(MoveRequest.to("c1", j.id(), stage(j, 1).id(), ANN).withNote("hello"));

        Transition t = ((MoveOutcome.Moved) outcome).transition();
        assertThat(t.journeyId()).isEqualTo(j.id());
        assertThat(t.contactKey()).isEqualTo("c1");
        assertThat(t.from()).isEmpty();
        assertThat(t.to()).contains(stage(j, 1).id());
        assertThat(t.source()).isEqualTo(ANN);
        assertThat(t.note()).contains("hello");
        assertThat(t.placementVersion()).isEqualTo(1);
        assertThat(journeys.history("c1", j.id())).containsExactly(t);
        assertThat(journeys.placement("c1", j.id()).orElseThrow().stageId()).isEqualTo(stage(j, 1).id());
        assertThat(historyRowsOfTenant()).isEqualTo(1);
    }

    @Test
    void a_move_to_the_current_stage_is_a_no_op_with_no_history() throws Exception {
        Journey j = advocacy();
        move("c1", j, 1);

        MoveOutcome again = move("c1", j, 1);

        assertThat(again).isInstanceOf(MoveOutcome.Unchanged.class);
        assertThat(((MoveOutcome.Unchanged) again).current().orElseThrow().stageId()).isEqualTo(stage(j, 1).id());
        assertThat(historyRowsOfTenant()).isEqualTo(1);
    }

    @Test
    void a_sequenced_journey_is_entered_only_at_its_first_stage() {
        Journey s = sales();

        Rejection refused = rejection(move("c1", s, 1));
        assertThat(refused).isEqualTo(new Rejection.OutOfSequence(JourneyRef.of(s), Optional.empty(),
                StageRef.of(stage(s, 1)), StageRef.of(stage(s, 0))));
        assertThat(refused.message()).isEqualTo("a contact enters 'Sales' (" + s.id() + ") at its first stage 'Lead' ("
                + stage(s, 0).id() + "), not at 'Demo Complete' (" + stage(s, 1).id() + ")");
        assertThat(move("c1", s, 0).isMoved()).isTrue();
    }

    @Test
    void a_sequenced_journey_advances_one_stage_at_a_time() {
        Journey s = sales();
        move("c1", s, 0);

        Rejection refused = rejection(move("c1", s, 2));
        assertThat(refused).isEqualTo(new Rejection.OutOfSequence(JourneyRef.of(s), Optional.of(StageRef.of(stage(s, 0))),
                StageRef.of(stage(s, 2)), StageRef.of(stage(s, 1))));
        assertThat(refused.message()).startsWith("cannot skip from 'Lead' (" + stage(s, 0).id() + ") to 'Trial' ("
                + stage(s, 2).id() + ")").endsWith("; the next stage is 'Demo Complete' (" + stage(s, 1).id() + ")");
        for (int i = 1; i < 5; i++) {
            assertThat(move("c1", s, i).isMoved()).isTrue();
        }
        assertThat(journeys.history("c1", s.id())).hasSize(5);
    }

    @Test
    void a_backward_move_is_refused_unless_the_journey_allows_it() {
        Journey s = sales();
        move("c1", s, 0);
        move("c1", s, 1);
        move("c1", s, 2);

        assertThat(rejection(move("c1", s, 0)))
                .isEqualTo(new Rejection.BackwardNotAllowed(JourneyRef.of(s), StageRef.of(stage(s, 2)), StageRef.of(stage(s, 0))))
                .extracting(Rejection::message).asString().contains("from 'Trial'", "to 'Lead'", "'Sales'");

        Journey loose = journeys.createJourney(JourneySpec.named("Loose").stages("A", "B", "C").requireSequence().allowBackward());
        move("c1", loose, 0);
        move("c1", loose, 1);
        move("c1", loose, 2);
        assertThat(move("c1", loose, 0).isMoved()).isTrue();
        assertThat(rejection(move("c1", loose, 2))).isInstanceOf(Rejection.OutOfSequence.class);
    }

    @Test
    void a_journey_without_sequence_lets_contacts_enter_any_stage_in_any_order() {
        Journey j = advocacy();

        assertThat(move("c1", j, 2).isMoved()).isTrue();
        assertThat(move("c1", j, 0).isMoved()).isTrue();
        assertThat(move("c1", j, 1).isMoved()).isTrue();
    }

    @Test
    void an_exit_is_recorded_and_a_later_entry_starts_again_at_the_first_stage() {
        Journey s = sales();
        move("c1", s, 0);
        move("c1", s, 1);

        Transition exit = ((MoveOutcome.Moved) journeys.move(MoveRequest.exit("c1", s.id(), ANN))).transition();

        assertThat(exit.from()).contains(stage(s, 1).id());
        assertThat(exit.to()).isEmpty();
        assertThat(journeys.placement("c1", s.id())).isEmpty();
        assertThat(journeys.placements("c1")).isEmpty();
        assertThat(journeys.move(MoveRequest.exit("c1", s.id(), ANN))).isInstanceOf(MoveOutcome.Unchanged.class);
        assertThat(rejection(move("c1", s, 2))).isInstanceOf(Rejection.OutOfSequence.class);
        Transition back = ((MoveOutcome.Moved) move("c1", s, 0)).transition();
        assertThat(back.from()).isEmpty();
        assertThat(back.placementVersion()).isEqualTo(4);
    }

    @Test
    void moves_naming_unknown_things_are_rejected_with_a_precise_reason() {
        Journey j = advocacy();
        Journey other = sales();
        StageId foreign = stage(other, 0).id();

        assertThat(rejection(journeys.move(MoveRequest.to("c1", new JourneyId(Long.MAX_VALUE), foreign, ANN))))
                .isEqualTo(new Rejection.UnknownJourney(new JourneyId(Long.MAX_VALUE)));
        assertThat(rejection(journeys.move(MoveRequest.to("c1", j.id(), new StageId(Long.MAX_VALUE), ANN))))
                .isEqualTo(new Rejection.UnknownStage(JourneyRef.of(j), new StageId(Long.MAX_VALUE)));
        assertThat(rejection(journeys.move(MoveRequest.to("c1", j.id(), foreign, ANN))))
                .isEqualTo(new Rejection.StageOfAnotherJourney(JourneyRef.of(j), StageRef.of(stage(other, 0)),
                        JourneyRef.of(other)))
                .extracting(Rejection::message).asString().contains("'Lead'", "'Sales'", "not to 'Advocacy'");
    }

    @Test
    void a_compare_and_set_mismatch_is_a_typed_outcome_and_writes_nothing() throws Exception {
        Journey j = advocacy();
        move("c1", j, 0);

        MoveOutcome stale = journeys.move(MoveRequest.to("c1", j.id(), stage(j, 2).id(), ANN)
                .expecting(ExpectedStage.inStage(stage(j, 1).id())));
        assertThat(rejection(stale)).isEqualTo(new Rejection.UnexpectedStage(JourneyRef.of(j),
                ExpectedStage.inStage(stage(j, 1).id()), Optional.of(StageRef.of(stage(j, 1))),
                Optional.of(StageRef.of(stage(j, 0)))));
        assertThat(rejection(stale).message()).isEqualTo("expected the contact in 'Testimonial Complete' ("
                + stage(j, 1).id() + ") but it is in 'Case Study Submitted' (" + stage(j, 0).id() + ")");
        assertThat(rejection(journeys.move(MoveRequest.to("c1", j.id(), stage(j, 2).id(), ANN)
                .expecting(ExpectedStage.notInJourney())))).isInstanceOf(Rejection.UnexpectedStage.class);
        assertThat(historyRowsOfTenant()).isEqualTo(1);

        assertThat(journeys.move(MoveRequest.to("c1", j.id(), stage(j, 2).id(), ANN)
                .expecting(ExpectedStage.inStage(stage(j, 0).id()))).isMoved()).isTrue();
        assertThat(journeys.move(MoveRequest.to("c2", j.id(), stage(j, 2).id(), ANN)
                .expecting(ExpectedStage.notInJourney())).isMoved()).isTrue();
    }

    @Test
    void every_actor_is_recorded_as_given_person_or_integration() {
        Journey j = advocacy();
        List<Actor> actors = List.of(Actor.person("ann"), Actor.integration("hubspot-sync"), Actor.person(" bob "));
        for (int i = 0; i < actors.size(); i++) {
            journeys.move(MoveRequest.to("c1", j.id(), stage(j, i).id(), actors.get(i)));
        }

        assertThat(journeys.history("c1", j.id())).extracting(Transition::source)
                .containsExactly(Actor.person("ann"), Actor.integration("hubspot-sync"), Actor.person("bob"));
    }

    @Test
    void rejections_can_be_turned_into_exceptions_with_a_stable_code() {
        Journey s = sales();

        assertThatThrownBy(() -> move("c1", s, 3).orThrow())
                .isInstanceOf(MoveRejectedException.class)
                .hasMessageContaining("OUT_OF_SEQUENCE")
                .extracting(e -> ((MoveRejectedException) e).rejection().code()).isEqualTo(ReasonCode.OUT_OF_SEQUENCE);
    }

    @Test
    void bad_move_requests_fail_with_typed_errors_and_write_nothing() throws Exception {
        Journey j = advocacy();
        StageId s0 = stage(j, 0).id();
        List<Runnable> bad = List.of(
                () -> journeys.move(null),
                () -> journeys.move(MoveRequest.to(null, j.id(), s0, ANN)),
                () -> journeys.move(MoveRequest.to(" ", j.id(), s0, ANN)),
                () -> journeys.move(MoveRequest.to("k".repeat(256), j.id(), s0, ANN)),
                () -> journeys.move(MoveRequest.to("c1", null, s0, ANN)),
                () -> journeys.move(MoveRequest.to("c1", j.id(), s0, null)),
                () -> journeys.move(MoveRequest.to("c1", j.id(), s0, Actor.person(" "))),
                () -> journeys.move(MoveRequest.to("c1", j.id(), null, ANN)),
                () -> journeys.move(new MoveRequest("c1", j.id(), null, ANN, ExpectedStage.any(), Optional.empty())),
                () -> journeys.move(MoveRequest.to("c1", j.id(), s0, ANN).withNote("n".repeat(2001))));
        for (Runnable call : bad) {
            assertThatThrownBy(call::run).isInstanceOf(InvalidInputException.class);
        }
        assertThat(historyRowsOfTenant()).isZero();
    }
}
