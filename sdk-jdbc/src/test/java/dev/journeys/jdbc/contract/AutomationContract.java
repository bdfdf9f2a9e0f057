package dev.journeys.jdbc.contract;

import dev.journeys.api.Actor;
import dev.journeys.api.ReasonCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.Automation;
import dev.journeys.api.AutomationService;
import dev.journeys.api.AutomationSpec;
import dev.journeys.api.Condition;
import dev.journeys.api.EventResult;
import dev.journeys.api.ImportMode;
import dev.journeys.api.ImportRequest;
import dev.journeys.api.ImportSource;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Outcome;
import dev.journeys.api.Placement;
import dev.journeys.api.RunDecision;
import dev.journeys.api.RunLogQuery;
import dev.journeys.api.RunRecord;
import dev.journeys.api.StorageException;
import dev.journeys.api.Transition;
import dev.journeys.api.TriggerEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Automations: events move contacts under the same rules as everyone, once per event id, and say why. */
abstract class AutomationContract extends ConcurrencyContract {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    private AutomationService automations() {
        return journeys.automations();
    }

    private static TriggerEvent order(String id, String contact, String status, String amount) {
        return TriggerEvent.of(id, TestTriggers.ORDER, contact, T0).with("status", status).with("amount", amount);
    }

    private Automation paidOrdersTo(Journey journey, int stage) {
        return automations().create(AutomationSpec.named("Paid orders").on(TestTriggers.ORDER)
                .when(Condition.equalTo("status", "paid"), Condition.greaterThan("amount", new BigDecimal("100")))
                .then(Outcome.moveTo(journey.id(), stage(journey, stage).id())));
    }

    private static RunDecision only(EventResult result) {
        assertThat(result.records()).hasSize(1);
        return result.records().get(0).decision();
    }

    @Test
    void a_matching_event_moves_the_contact_and_the_run_log_says_so() {
        Journey j = advocacy();
        Automation a = paidOrdersTo(j, 1);

        EventResult result = automations().publish(order("e1", "c1", "paid", "150.00"));

        assertThat(result.duplicate()).isFalse();
        RunDecision.Moved moved = (RunDecision.Moved) only(result);
        assertThat(moved.to()).isEqualTo(stage(j, 1).id());
        assertThat(moved.from()).isEmpty();
        Transition t = journeys.history("c1", j.id()).get(0);
        assertThat(moved.transitionId()).isEqualTo(t.id());
        assertThat(t.source()).isEqualTo(new MoveSource.Automation(a.id(), "e1"));
        assertThat(allRunLog(automations(), RunLogQuery.all().event("e1"))).isEqualTo(result.records());
    }

    @Test
    void a_condition_that_fails_is_named_in_the_run_log_and_nothing_moves() {
        Journey j = advocacy();
        paidOrdersTo(j, 1);

        RunDecision.NotMatched miss = (RunDecision.NotMatched) only(automations().publish(order("e1", "c1", "paid", "99.99")));

        assertThat(miss.conditionIndex()).isEqualTo(1);
        assertThat(miss.condition()).isEqualTo(new Condition("amount", dev.journeys.api.Operator.GREATER_THAN,
                List.of(new BigDecimal("100"))));
        assertThat(miss.detail()).contains("99.99");
        assertThat(journeys.history("c1", j.id())).isEmpty();
        assertThat(((RunDecision.NotMatched) allRunLog(automations(), RunLogQuery.all().contact("c1")).get(0).decision())
                .condition()).isEqualTo(miss.condition());
    }

    @Test
    void an_event_id_is_applied_once_however_often_it_is_delivered() throws Exception {
        Journey j = advocacy();
        paidOrdersTo(j, 1);
        automations().publish(order("e1", "c1", "paid", "150"));
        journeys.move(MoveRequest.to("c1", j.id(), stage(j, 0).id(), ANN));

        EventResult again = automations().publish(order("e1", "c1", "paid", "150"));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.records()).isEmpty();
        assertThat(journeys.placement("c1", j.id()).orElseThrow().stageId()).isEqualTo(stage(j, 0).id());
        assertThat(historyRowsOfTenant()).isEqualTo(2);
    }

    @Test
    void an_event_no_automation_considered_is_still_applied_once() {
        Journey j = advocacy();
        EventResult first = automations().publish(order("quiet", "c1", "paid", "150"));
        paidOrdersTo(j, 1);

        EventResult again = automations().publish(order("quiet", "c1", "paid", "150"));

        assertThat(first.duplicate()).isFalse();
        assertThat(first.records()).isEmpty();
        assertThat(again.duplicate()).isTrue();
        assertThat(journeys.placement("c1", j.id())).isEmpty();
        assertThat(allRunLog(automations(), RunLogQuery.all())).isEmpty();
    }

    @Test
    void an_event_whose_transaction_failed_is_applied_in_full_when_delivered_again() throws Exception {
        Journey j = advocacy();
        paidOrdersTo(j, 1);
        String constraint = "no_crash_" + Math.abs(tenant.hashCode());
        try (Connection c = rawConnection()) {
            c.createStatement().execute("alter table run_log add constraint " + constraint
                    + " check (contact_key <> 'crash-" + tenant + "')");
        }
        try {
            assertThatThrownBy(() -> automations().publish(order("e1", "crash-" + tenant, "paid", "150")))
                    .isInstanceOf(StorageException.class);
            assertThat(journeys.history("crash-" + tenant, j.id())).isEmpty();
            assertThat(count("select count(*) from run_log where applied and tenant_id = '" + tenant + "'")).isZero();
        } finally {
            try (Connection c = rawConnection()) {
                c.createStatement().execute("alter table run_log drop constraint " + constraint);
            }
        }

        EventResult redelivered = automations().publish(order("e1", "crash-" + tenant, "paid", "150"));

        assertThat(only(redelivered)).isInstanceOf(RunDecision.Moved.class);
        assertThat(journeys.history("crash-" + tenant, j.id())).hasSize(1);
    }

    @Test
    void automations_obey_the_journey_rules_and_say_why_they_skipped() {
        Journey s = sales();
        paidOrdersTo(s, 2);

        RunDecision.Skipped skipped = (RunDecision.Skipped) only(automations().publish(order("e1", "c1", "paid", "150")));

        assertThat(skipped.reasonCode()).isEqualTo(ReasonCode.OUT_OF_SEQUENCE);
        move("c2", s, 0);
        move("c2", s, 1);
        assertThat(only(automations().publish(order("e2", "c2", "paid", "150")))).isInstanceOf(RunDecision.Moved.class);
        assertThat(((RunDecision.Skipped) only(automations().publish(order("e3", "c2", "paid", "150")))).reasonCode())
                .isEqualTo(ReasonCode.ALREADY_IN_STAGE);
    }

    @Test
    void entering_at_the_first_stage_is_an_option_of_the_outcome() {
        Journey s = sales();
        automations().create(AutomationSpec.named("Enter").on(TestTriggers.ORDER)
                .then(new Outcome.MoveToStage(s.id(), stage(s, 1).id(), true)));

        automations().publish(order("e1", "c1", "paid", "1"));
        automations().publish(order("e2", "c1", "paid", "1"));

        assertThat(journeys.history("c1", s.id())).extracting(t -> t.to().orElseThrow())
                .containsExactly(stage(s, 0).id(), stage(s, 1).id());
    }

    @Test
    void stage_changes_chain_into_further_automations_until_the_loop_guard_stops_them() {
        Journey j = advocacy();
        automations().create(AutomationSpec.named("ping").on("journey.stage_changed")
                .when(Condition.equalTo("to_stage", "Case Study Submitted"))
                .then(Outcome.moveTo(j.id(), stage(j, 1).id())));
        automations().create(AutomationSpec.named("pong").on("journey.stage_changed")
                .when(Condition.equalTo("to_stage", "Testimonial Complete"))
                .then(Outcome.moveTo(j.id(), stage(j, 0).id())));

        move("c1", j, 0);

        // The manual move is depth 1; with a maximum depth of 3, three automated moves follow, then a stop.
        assertThat(journeys.history("c1", j.id())).hasSize(4);
        List<RunRecord> log = allRunLog(automations(), RunLogQuery.all().contact("c1"));
        assertThat(log).anySatisfy(r -> assertThat(r.decision()).isInstanceOf(RunDecision.LoopStopped.class));
        assertThat(log).extracting(RunRecord::chainDepth).contains(1, 2, 3, 4);
    }

    /**
     * Fails, in the database, every run-log row of this tenant that does not meet {@code condition}: the
     * chain steps it names die after the event committed, as in a process that dies there.
     */
    private String failRunLogRowsUnless(String condition) throws Exception {
        String constraint = "no_chain_" + Math.abs(tenant.hashCode());
        try (Connection c = rawConnection()) {
            c.createStatement().execute("alter table run_log add constraint " + constraint
                    + " check (tenant_id <> '" + tenant + "' or " + condition + ")");
        }
        return constraint;
    }

    private void allow(String constraint) throws Exception {
        try (Connection c = rawConnection()) {
            c.createStatement().execute("alter table run_log drop constraint " + constraint);
        }
    }

    @Test
    void a_chain_cut_short_after_its_event_committed_runs_its_missing_steps_when_the_event_comes_again() throws Exception {
        Journey j = advocacy();
        paidOrdersTo(j, 0);
        automations().create(AutomationSpec.named("next").on("journey.stage_changed")
                .when(Condition.equalTo("to_stage", "Case Study Submitted"))
                .then(Outcome.moveTo(j.id(), stage(j, 1).id())));
        String constraint = failRunLogRowsUnless("event_id not like 'journey.stage_changed:%'");
        try {
            assertThatThrownBy(() -> automations().publish(order("e1", "c1", "paid", "150")))
                    .isInstanceOf(StorageException.class);
        } finally {
            allow(constraint);
        }
        assertThat(journeys.history("c1", j.id())).as("the event's own move committed").hasSize(1);

        EventResult again = automations().publish(order("e1", "c1", "paid", "150"));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.records()).filteredOn(r -> r.decision() instanceof RunDecision.Moved)
                .singleElement().extracting(RunRecord::chainDepth).isEqualTo(1);
        assertThat(journeys.history("c1", j.id())).extracting(t -> t.to().orElseThrow())
                .containsExactly(stage(j, 0).id(), stage(j, 1).id());
        EventResult third = automations().publish(order("e1", "c1", "paid", "150"));
        assertThat(third.duplicate()).isTrue();
        assertThat(third.records()).isEmpty();
        assertThat(journeys.history("c1", j.id())).hasSize(2);
    }

    @Test
    void a_resumed_chain_walks_down_the_steps_that_ran_to_the_one_that_did_not() throws Exception {
        Journey j = advocacy();
        paidOrdersTo(j, 0);
        automations().create(AutomationSpec.named("second").on("journey.stage_changed")
                .when(Condition.equalTo("to_stage", "Case Study Submitted"))
                .then(Outcome.moveTo(j.id(), stage(j, 1).id())));
        // The first chain step commits; the second, and any after it, fail.
        String constraint = failRunLogRowsUnless("chain_depth < 2");
        automations().create(AutomationSpec.named("third").on("journey.stage_changed")
                .when(Condition.equalTo("to_stage", "Testimonial Complete"))
                .then(Outcome.moveTo(j.id(), stage(j, 2).id())));
        try {
            assertThatThrownBy(() -> automations().publish(order("e1", "c1", "paid", "150")))
                    .isInstanceOf(StorageException.class);
        } finally {
            allow(constraint);
        }
        assertThat(journeys.history("c1", j.id())).hasSize(2);

        EventResult again = automations().publish(order("e1", "c1", "paid", "150"));

        assertThat(again.records()).filteredOn(r -> r.decision() instanceof RunDecision.Moved)
                .singleElement().extracting(RunRecord::chainDepth).isEqualTo(2);
        assertThat(journeys.history("c1", j.id())).extracting(t -> t.to().orElseThrow())
                .containsExactly(stage(j, 0).id(), stage(j, 1).id(), stage(j, 2).id());
    }

    @Test
    void an_automation_created_after_a_move_does_not_run_for_it_when_its_event_comes_again() {
        Journey j = advocacy();
        paidOrdersTo(j, 0);
        automations().publish(order("e1", "c1", "paid", "150"));
        automations().create(AutomationSpec.named("later").on("journey.stage_changed")
                .then(Outcome.moveTo(j.id(), stage(j, 1).id())));

        EventResult again = automations().publish(order("e1", "c1", "paid", "150"));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.records()).isEmpty();
        assertThat(journeys.history("c1", j.id())).hasSize(1);
        assertThat(allRunLog(automations(), RunLogQuery.all().contact("c1"))).extracting(RunRecord::chainDepth)
                .containsOnly(0);
    }

    @Test
    void a_throwing_plugin_is_logged_as_failed_and_its_event_can_be_retried() {
        Journey j = advocacy();
        automations().create(AutomationSpec.named("flaky").on(TestTriggers.FLAKY)
                .then(Outcome.moveTo(j.id(), stage(j, 2).id())));
        paidOrdersTo(j, 1);

        EventResult failed = automations().publish(TriggerEvent.of("f1", TestTriggers.FLAKY, "c1", T0).with("explode", true));

        assertThat(only(failed)).isInstanceOf(RunDecision.Failed.class);
        assertThat(((RunDecision.Failed) only(failed)).error()).contains("plugin bug");
        assertThat(only(automations().publish(order("e1", "c1", "paid", "150")))).isInstanceOf(RunDecision.Moved.class);
        EventResult retried = automations().publish(TriggerEvent.of("f1", TestTriggers.FLAKY, "c1", T0).with("explode", false));
        assertThat(retried.duplicate()).isFalse();
        assertThat(only(retried)).isInstanceOf(RunDecision.Moved.class);
    }

    @Test
    void a_second_delivery_of_an_applied_event_is_a_duplicate_even_when_its_plugin_fails_this_time() {
        Journey j = advocacy();
        automations().create(AutomationSpec.named("flaky").on(TestTriggers.FLAKY)
                .then(Outcome.moveTo(j.id(), stage(j, 2).id())));
        automations().publish(TriggerEvent.of("f1", TestTriggers.FLAKY, "c1", T0).with("explode", false));

        EventResult again = automations().publish(TriggerEvent.of("f1", TestTriggers.FLAKY, "c1", T0).with("explode", true));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.records()).isEmpty();
        assertThat(allRunLog(automations(), RunLogQuery.all().event("f1"))).extracting(RunRecord::decision)
                .singleElement().isInstanceOf(RunDecision.Moved.class);
    }

    @Test
    void a_plugin_that_hangs_is_cut_off_logged_as_failed_and_its_event_can_be_retried() {
        Journey j = advocacy();
        automations().create(AutomationSpec.named("slow").on(TestTriggers.SLOW)
                .then(Outcome.moveTo(j.id(), stage(j, 2).id())));
        paidOrdersTo(j, 1);

        EventResult stalled = automations().publish(TriggerEvent.of("s1", TestTriggers.SLOW, "c1", T0).with("stall", true));

        assertThat(only(stalled)).isInstanceOf(RunDecision.Failed.class);
        assertThat(((RunDecision.Failed) only(stalled)).error())
                .contains("took longer than " + TestTriggers.PLUGIN_TIMEOUT.toMillis() + " ms");
        assertThat(journeys.placement("c1", j.id())).isEmpty();
        assertThat(only(automations().publish(order("e1", "c1", "paid", "150")))).isInstanceOf(RunDecision.Moved.class);
        EventResult retried = automations().publish(TriggerEvent.of("s1", TestTriggers.SLOW, "c1", T0).with("stall", false));
        assertThat(retried.duplicate()).isFalse();
        assertThat(only(retried)).isInstanceOf(RunDecision.Moved.class);
    }

    @Test
    void an_automation_whose_stage_was_removed_is_reported_and_skips_visibly() {
        Journey j = advocacy();
        Automation a = paidOrdersTo(j, 1);
        journeys.removeStage(j.id(), stage(j, 1).id());

        assertThat(automations().problems()).singleElement().asString()
                .contains("automation " + a.id()).contains("removed");
        assertThat(((RunDecision.Skipped) only(automations().publish(order("e1", "c1", "paid", "150")))).reasonCode())
                .isEqualTo(ReasonCode.UNKNOWN_STAGE);

        journeys.archiveJourney(j.id());
        assertThat(automations().problems()).singleElement().asString().contains("archived");
        assertThat(((RunDecision.Skipped) only(automations().publish(order("e2", "c1", "paid", "150")))).reasonCode())
                .isEqualTo(ReasonCode.JOURNEY_ARCHIVED);
    }

    @Test
    void a_disabled_automation_is_not_considered() {
        Journey j = advocacy();
        Automation a = paidOrdersTo(j, 1);
        automations().setEnabled(a.id(), false);

        assertThat(automations().publish(order("e1", "c1", "paid", "150")).records()).isEmpty();
        assertThat(automations().find(a.id()).orElseThrow().enabled()).isFalse();
        assertThat(automations().list()).hasSize(1);
    }

    @Test
    void an_automation_disabled_on_another_instance_stops_there_within_a_second_even_after_an_idle_spell()
            throws Exception {
        Journey j = advocacy();
        Automation a = paidOrdersTo(j, 1);
        try (JourneysSdk second = configure(jdbcUrl()).load()) {
            AutomationService other = second.tenant(tenant).automations();
            assertThat(only(other.publish(order("e1", "c1", "paid", "150")))).isInstanceOf(RunDecision.Moved.class);
            // The other instance's index entry is now older than its one-second bound.
            Thread.sleep(1_200);
            automations().setEnabled(a.id(), false);

            assertThat(other.publish(order("e2", "c2", "paid", "150")).records())
                    .as("the first event after the idle spell, on the instance that did not disable it").isEmpty();
        }
    }

    @Test
    void stage_changes_written_by_an_import_on_another_instance_carry_the_stage_names_of_now() throws Exception {
        Journey j = advocacy();
        try (JourneysSdk second = configure(jdbcUrl()).load()) {
            JourneyService other = second.tenant(tenant);
            assertThat(other.journey(j.id())).as("the other instance caches the journey as created").isPresent();
            journeys.renameStage(j.id(), stage(j, 1).id(), "Video Testimonial");
            Automation onVideo = automations().create(AutomationSpec.named("on video").on("journey.stage_changed")
                    .when(Condition.equalTo("to_stage", "Video Testimonial"))
                    .then(Outcome.moveTo(j.id(), stage(j, 2).id())));

            String csv = "contact,journey,stage\nc1,Advocacy,Video Testimonial\n";
            other.imports().run(ImportRequest.of("rows.csv", ImportSource.of(csv.getBytes(StandardCharsets.UTF_8)), Actor.person("ann"))
                    .mode(ImportMode.BEST_EFFORT));

            // Its own move to Reward Triggered is a stage change too, and rightly does not match.
            assertThat(allRunLog(automations(), RunLogQuery.all().automation(onVideo.id())))
                    .extracting(RunRecord::decision).hasAtLeastOneElementOfType(RunDecision.Moved.class);
            assertThat(journeys.placement("c1", j.id()).map(Placement::stageId)).contains(stage(j, 2).id());
        }
    }

    @Test
    void bad_events_fail_with_typed_errors_and_apply_nothing() throws Exception {
        Journey j = advocacy();
        paidOrdersTo(j, 1);
        List<TriggerEvent> bad = List.of(
                order("b1", "c1", "paid", "150").with("nope", "x"),
                TriggerEvent.of("b2", "no.such.trigger", "c1", T0),
                order("b3", " ", "paid", "150"),
                order("b4", "c1", "paid", "a lot"),
                TriggerEvent.of("b5", TestTriggers.ORDER, "c1", T0).with("status", "paid"),
                order("b6", "c1", "x".repeat(5000), "150"));
        for (TriggerEvent event : bad) {
            assertThatThrownBy(() -> automations().publish(event)).as(event.eventId()).isInstanceOf(InvalidInputException.class);
        }
        assertThat(historyRowsOfTenant()).isZero();
        assertThat(count("select count(*) from run_log where applied and tenant_id = '" + tenant + "'")).isZero();
    }

    @Test
    void automations_are_checked_against_their_trigger_and_journeys_when_created() {
        Journey j = advocacy();
        Journey other = sdk.tenant(tenant + "-other").createJourney(JourneySpec.named("Theirs").stages("X"));
        List<AutomationSpec> bad = List.of(
                AutomationSpec.named("no trigger").on("no.such.trigger").then(Outcome.moveTo(j.id(), stage(j, 0).id())),
                AutomationSpec.named("undeclared").on(TestTriggers.ORDER).when(Condition.equalTo("colour", "red"))
                        .then(Outcome.moveTo(j.id(), stage(j, 0).id())),
                AutomationSpec.named("wrong type").on(TestTriggers.ORDER).when(Condition.greaterThan("amount", "lots"))
                        .then(Outcome.moveTo(j.id(), stage(j, 0).id())),
                AutomationSpec.named("bad operator").on(TestTriggers.ORDER).when(Condition.contains("amount", "1"))
                        .then(Outcome.moveTo(j.id(), stage(j, 0).id())),
                AutomationSpec.named("no outcome").on(TestTriggers.ORDER),
                AutomationSpec.named("foreign journey").on(TestTriggers.ORDER).then(Outcome.moveTo(other.id(), stage(other, 0).id())),
                AutomationSpec.named("foreign stage").on(TestTriggers.ORDER).then(Outcome.moveTo(j.id(), stage(sales(), 0).id())));
        for (AutomationSpec spec : bad) {
            assertThatThrownBy(() -> automations().create(spec)).as(spec.name()).isInstanceOf(InvalidInputException.class);
        }
        assertThat(automations().list()).isEmpty();
    }

    @Test
    void the_run_log_answers_by_automation_contact_event_and_time() {
        Journey j = advocacy();
        Automation paid = paidOrdersTo(j, 1);
        Automation any = automations().create(AutomationSpec.named("Any order").on(TestTriggers.ORDER)
                .then(Outcome.moveTo(j.id(), stage(j, 2).id())));
        automations().publish(order("e1", "c1", "paid", "150"));
        automations().publish(order("e2", "c2", "open", "150"));

        assertThat(allRunLog(automations(), RunLogQuery.all().automation(paid.id()))).hasSize(2);
        assertThat(allRunLog(automations(), RunLogQuery.all().automation(any.id()).contact("c2"))).hasSize(1);
        assertThat(allRunLog(automations(), RunLogQuery.all().event("e2"))).extracting(RunRecord::automationId)
                .containsExactlyInAnyOrder(paid.id(), any.id());
        assertThat(allRunLog(automations(), RunLogQuery.all().between(Instant.now().minusSeconds(600), Instant.now().plusSeconds(60))))
                .hasSize(4);
        assertThat(allRunLog(automations(), RunLogQuery.all().between(T0.minusSeconds(60), T0))).isEmpty();
        assertThat(automations().runLog(RunLogQuery.all(), dev.journeys.api.PageRequest.first(1)).items()).hasSize(1);
    }

    /** The run log pages like every other listing: a cursor walks it whole, and later records never shift a page. */
    @Test
    void the_run_log_pages_with_a_cursor_past_any_number_of_records() throws Exception {
        Journey j = advocacy();
        Automation paid = paidOrdersTo(j, 1);
        automations().create(AutomationSpec.named("Any order").on(TestTriggers.ORDER).then(Outcome.moveTo(j.id(), stage(j, 2).id())));
        automations().create(AutomationSpec.named("Big ones").on(TestTriggers.ORDER)
                .when(Condition.greaterThan("amount", new BigDecimal("1000"))).then(Outcome.moveTo(j.id(), stage(j, 0).id())));
        for (int i = 0; i < 120; i++) {
            automations().publish(order("p" + i, i % 2 == 0 ? "c1" : "c2", i % 3 == 0 ? "paid" : "open", "150"));
        }

        List<RunRecord> all = allRunLog(automations(), RunLogQuery.all());
        assertThat(all).hasSize(360).doesNotHaveDuplicates();
        assertThat(all).extracting(RunRecord::id).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        dev.journeys.api.Page<RunRecord> first = automations().runLog(RunLogQuery.all(), dev.journeys.api.PageRequest.first(100));
        assertThat(first.items()).isEqualTo(all.subList(0, 100));
        automations().publish(order("later", "c1", "paid", "150"));
        assertThat(automations().runLog(RunLogQuery.all(), dev.journeys.api.PageRequest.after(first.next().orElseThrow(), 100))
                .items()).isEqualTo(all.subList(100, 200));

        awaitRunLogFiled();
        assertThat(allRunLog(automations(), RunLogQuery.all().contact("c1"))).hasSize(183)
                .allSatisfy(r -> assertThat(r.contactKey()).isEqualTo("c1"));
        assertThat(allRunLog(automations(), RunLogQuery.all().automation(paid.id()))).hasSize(121);
        assertThatThrownBy(() -> automations().runLog(RunLogQuery.all(), dev.journeys.api.PageRequest.after("x".repeat(500), 10)))
                .isInstanceOf(dev.journeys.api.InvalidInputException.class).hasMessageContaining("run log cursor")
                .extracting(Throwable::getMessage).asString().hasSizeLessThan(120);
    }

    /**
     * By contact the log reads the same whether its rows are filed yet or not: on H2 the filer takes them off
     * the events' path in the background, and a query joins the filed part to the tail; PostgreSQL indexes them.
     */
    @Test
    void the_run_log_by_contact_reads_the_same_before_and_after_it_is_filed() throws Exception {
        Journey j = advocacy();
        paidOrdersTo(j, 1);
        List<RunRecord> c1 = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            c1.addAll(0, automations().publish(order("a" + i, "c1", i % 3 == 0 ? "paid" : "open", "150")).records());
            automations().publish(order("b" + i, "c2", "open", "150"));
        }
        // The same contact key in another tenant is another contact.
        sdk.tenant(tenant + "-other").automations().publish(order("x", "c1", "open", "150"));
        RunLogQuery byC1 = RunLogQuery.all().contact("c1");
        assertThat(allRunLog(automations(), byC1)).isEqualTo(c1);

        awaitRunLogFiled();

        assertThat(allRunLog(automations(), byC1)).isEqualTo(c1);
        c1.addAll(0, automations().publish(order("after", "c1", "open", "150")).records());
        // Newest first across the tail and the filed part, a limit cutting either.
        assertThat(allRunLog(automations(), byC1)).isEqualTo(c1);
        assertThat(automations().runLog(RunLogQuery.all().contact("c1"), dev.journeys.api.PageRequest.first(3)).items()).isEqualTo(c1.subList(0, 3));
        assertThat(allRunLog(automations(), RunLogQuery.all().contact("c1").event("a3"))).isEqualTo(
                c1.stream().filter(r -> r.eventId().equals("a3")).toList());
        assertThat(allRunLog(automations(), RunLogQuery.all().contact("c2"))).hasSize(12)
                .allSatisfy(r -> assertThat(r.contactKey()).isEqualTo("c2"));
        assertThat(allRunLog(automations(), RunLogQuery.all().contact("nobody"))).isEmpty();
    }

    /** On H2, waits until the background filer has filed every run-log row; PostgreSQL files nothing. */
    private void awaitRunLogFiled() throws Exception {
        if (!jdbcUrl().startsWith("jdbc:h2:")) {
            return;
        }
        for (int i = 0; i < 300; i++) {
            if (count("select count(*) from run_log_filed where filed_to >= (select max(id) from run_log)") == 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run log was not filed within 30 s");
    }

    @Test
    void the_run_log_reads_back_what_publishing_returned_newest_first() {
        Journey j = advocacy();
        paidOrdersTo(j, 1);
        automations().create(AutomationSpec.named("Any order").on(TestTriggers.ORDER)
                .then(Outcome.moveTo(j.id(), stage(j, 2).id())));
        List<RunRecord> published = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            published.addAll(automations().publish(order("e" + i, "c" + i, i == 2 ? "open" : "paid", "150")).records());
        }

        List<RunRecord> log = allRunLog(automations(), RunLogQuery.all());

        java.util.Collections.reverse(published);
        assertThat(log).hasSize(6).isEqualTo(published);
        assertThat(log).extracting(RunRecord::id).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // A limit may end a page inside an event's decisions.
        assertThat(automations().runLog(RunLogQuery.all(), dev.journeys.api.PageRequest.first(3)).items()).isEqualTo(log.subList(0, 3));
    }

    @Test
    void the_run_log_of_an_automation_holds_only_the_events_it_was_considered_for() {
        Journey j = advocacy();
        Automation first = paidOrdersTo(j, 1);
        automations().publish(order("before", "c1", "paid", "150"));
        Automation later = automations().create(AutomationSpec.named("Any order").on(TestTriggers.ORDER)
                .then(Outcome.moveTo(j.id(), stage(j, 2).id())));
        automations().publish(order("both", "c2", "open", "150"));
        automations().setEnabled(first.id(), false);
        automations().publish(order("after", "c3", "paid", "150"));

        assertThat(allRunLog(automations(), RunLogQuery.all().automation(first.id())))
                .extracting(RunRecord::eventId).containsExactly("both", "before");
        assertThat(allRunLog(automations(), RunLogQuery.all().automation(later.id())))
                .extracting(RunRecord::eventId).containsExactly("after", "both");
        assertThat(automations().runLog(RunLogQuery.all().automation(first.id()), dev.journeys.api.PageRequest.first(1)).items())
                .extracting(RunRecord::eventId).containsExactly("both");
        assertThat(allRunLog(automations(), RunLogQuery.all().automation(first.id() + later.id() + 1000))).isEmpty();
    }

    @Test
    void run_log_details_keep_any_text_a_plugin_or_host_sends() {
        Journey j = advocacy();
        automations().create(AutomationSpec.named("Exact").on(TestTriggers.ORDER)
                .when(Condition.equalTo("status", "paid"))
                .then(Outcome.moveTo(j.id(), stage(j, 1).id())));
        String status = "12:~x\u0000 \uD83D\uDE80 ü\n\"quoted\"";

        RunRecord record = automations().publish(order("odd", "c1", status, "150")).records().get(0);

        assertThat(allRunLog(automations(), RunLogQuery.all().event("odd"))).containsExactly(record);
        RunDecision.NotMatched notMatched = (RunDecision.NotMatched) record.decision();
        // Control characters reach the detail escaped, as the condition's message writes them.
        assertThat(notMatched.detail()).contains("'12:~x\\u0000 \uD83D\uDE80 ü\\u000a\"quoted\"'");
    }

    @Test
    void two_instances_fed_the_same_event_stream_apply_each_event_once() throws Exception {
        Journey j = advocacy();
        automations().create(AutomationSpec.named("Any order").on(TestTriggers.ORDER)
                .then(new Outcome.MoveToStage(j.id(), stage(j, 1).id(), false)));
        int events = 120;
        try (JourneysSdk second = configure(jdbcUrl()).load()) {
            List<AutomationService> instances = List.of(automations(), second.tenant(tenant).automations());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<EventResult>> results = new ArrayList<>();
            for (int copy = 0; copy < 2; copy++) {
                for (int i = 0; i < events; i++) {
                    AutomationService target = instances.get((i + copy) % 2);
                    TriggerEvent event = order("s" + i, "c" + (i % 10), "paid", "5");
                    results.add(pool.submit(() -> target.publish(event)));
                }
            }
            int applied = 0;
            for (Future<EventResult> r : results) {
                if (!r.get(2, TimeUnit.MINUTES).duplicate()) {
                    applied++;
                }
            }
            pool.shutdown();

            assertThat(applied).isEqualTo(events);
            assertThat(count("select count(*) from run_log where applied and tenant_id = '" + tenant + "'")).isEqualTo(events);
            assertThat(count("select count(*) from run_log where tenant_id = '" + tenant + "'")).isEqualTo(events);
            // Each of the 10 contacts enters stage 1 once; every later event finds it there already.
            assertThat(historyRowsOfTenant()).isEqualTo(10);
        }
    }
}
