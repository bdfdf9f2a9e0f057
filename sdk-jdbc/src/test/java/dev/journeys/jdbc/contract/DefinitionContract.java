package dev.journeys.jdbc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.Actor;
import dev.journeys.api.DuplicateNameException;
import dev.journeys.api.ErrorCode;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyRef;
import dev.journeys.api.JourneySpec;
import dev.journeys.api.JourneysException;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.NotFoundException;
import dev.journeys.api.Rejection;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.StageInUseException;
import dev.journeys.api.Transition;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Defining journeys: names, stages, order, removal and archiving. */
abstract class DefinitionContract extends ContractSupport {

    @Test
    void a_journey_keeps_its_stages_in_order_and_its_settings() {
        Journey sales = sales();

        assertThat(sales.name()).isEqualTo("Sales");
        assertThat(sales.kind()).isEqualTo(Journey.Kind.CUSTOM);
        assertThat(sales.requiresSequence()).isTrue();
        assertThat(sales.allowsBackward()).isFalse();
        assertThat(sales.archived()).isFalse();
        assertThat(sales.stages()).extracting(Stage::name)
                .containsExactly("Lead", "Demo Complete", "Trial", "Conversion", "Closed/Lost");
        assertThat(sales.stages()).extracting(Stage::position).containsExactly(0, 1, 2, 3, 4);
        assertThat(advocacy().requiresSequence()).isFalse();
    }

    @Test
    void journeys_are_found_by_id_and_by_name_ignoring_case_and_listed_by_name() {
        Journey sales = sales();
        Journey advocacy = advocacy();

        assertThat(journeys.journey(sales.id())).contains(sales);
        assertThat(journeys.journeyNamed("  sALES ")).contains(sales);
        assertThat(journeys.journeyNamed("Nope")).isEmpty();
        assertThat(journeys.journey(new JourneyId(Long.MAX_VALUE))).isEmpty();
        assertThat(journeys.journeys()).containsExactly(advocacy, sales);
    }

    @Test
    void names_are_trimmed() {
        Journey j = journeys.createJourney(JourneySpec.named("  Onboarding ").stages(" Enrolled ", "First Referral Sent"));

        assertThat(j.name()).isEqualTo("Onboarding");
        assertThat(j.stages().get(0).name()).isEqualTo("Enrolled");
    }

    @Test
    void journey_names_are_unique_per_tenant_ignoring_case() {
        sales();

        assertThatThrownBy(() -> journeys.createJourney(JourneySpec.named("SALES").stages("x")))
                .isInstanceOf(DuplicateNameException.class)
                .extracting(e -> ((JourneysException) e).code()).isEqualTo(ErrorCode.DUPLICATE_NAME);
        assertThat(journeys.journeys()).hasSize(1);
        assertThat(sdk.tenant(tenant + "-other").createJourney(JourneySpec.named("Sales").stages("x")).name())
                .isEqualTo("Sales");
    }

    @Test
    void stage_names_are_unique_per_journey_ignoring_case() {
        assertThatThrownBy(() -> journeys.createJourney(JourneySpec.named("J").stages("Lead", "lead")))
                .isInstanceOf(DuplicateNameException.class);
        Journey sales = sales();

        assertThatThrownBy(() -> journeys.addStage(sales.id(), "TRIAL")).isInstanceOf(DuplicateNameException.class);
        assertThatThrownBy(() -> journeys.renameStage(sales.id(), stage(sales, 0).id(), "trial"))
                .isInstanceOf(DuplicateNameException.class);
        assertThat(journeys.journey(sales.id())).contains(sales);
        assertThat(journeys.renameStage(sales.id(), stage(sales, 0).id(), "LEAD").stages().get(0).name())
                .isEqualTo("LEAD");
    }

    @Test
    void renaming_a_journey_to_a_taken_name_is_refused() {
        Journey sales = sales();
        advocacy();

        assertThatThrownBy(() -> journeys.renameJourney(sales.id(), "advocacy")).isInstanceOf(DuplicateNameException.class);
        Journey renamed = journeys.renameJourney(sales.id(), "Pipeline");
        assertThat(renamed.name()).isEqualTo("Pipeline");
        assertThat(renamed.version()).isGreaterThan(sales.version());
        assertThat(journeys.journeyNamed("pipeline")).contains(renamed);
        assertThat(journeys.journeyNamed("Sales")).isEmpty();
    }

    @Test
    void stages_are_added_at_the_end_renamed_and_reordered() {
        Journey j = advocacy();
        Journey added = journeys.addStage(j.id(), "Shared On Social");
        assertThat(added.stages()).extracting(Stage::name).containsExactly(
                "Case Study Submitted", "Testimonial Complete", "Reward Triggered", "Shared On Social");

        List<StageId> reversed = new java.util.ArrayList<>(added.stages().stream().map(Stage::id).toList());
        java.util.Collections.reverse(reversed);
        Journey reordered = journeys.reorderStages(j.id(), reversed);

        assertThat(reordered.stages()).extracting(Stage::id).containsExactlyElementsOf(reversed);
        assertThat(reordered.stages()).extracting(Stage::position).containsExactly(0, 1, 2, 3);
    }

    @Test
    void reordering_never_rewrites_history() {
        Journey j = advocacy();
        move("c1", j, 0);
        move("c1", j, 2);
        List<Transition> before = journeys.history("c1", j.id());

        journeys.reorderStages(j.id(), List.of(stage(j, 2).id(), stage(j, 1).id(), stage(j, 0).id()));

        assertThat(journeys.history("c1", j.id())).isEqualTo(before);
    }

    @Test
    void a_reorder_must_name_every_stage_once() {
        Journey j = advocacy();
        List<StageId> ids = j.stages().stream().map(Stage::id).toList();

        assertThatThrownBy(() -> journeys.reorderStages(j.id(), ids.subList(0, 2))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> journeys.reorderStages(j.id(), List.of(ids.get(0), ids.get(0), ids.get(1))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> journeys.reorderStages(j.id(), List.of(ids.get(0), ids.get(1), stage(sales(), 0).id())))
                .isInstanceOf(InvalidInputException.class);
        assertThat(journeys.journey(j.id())).contains(j);
    }

    @Test
    void an_empty_stage_can_be_removed_and_its_name_reused() {
        Journey j = advocacy();
        Journey after = journeys.removeStage(j.id(), stage(j, 1).id());

        assertThat(after.stages()).extracting(Stage::name).containsExactly("Case Study Submitted", "Reward Triggered");
        assertThat(after.stages()).extracting(Stage::position).containsExactly(0, 1);
        assertThat(journeys.addStage(j.id(), "testimonial complete").stages()).hasSize(3);
    }

    @Test
    void a_stage_with_contacts_is_removed_only_by_naming_where_they_go() throws Exception {
        Journey j = advocacy();
        move("c1", j, 1);
        move("c2", j, 1);
        long historyBefore = historyRowsOfTenant();

        assertThatThrownBy(() -> journeys.removeStage(j.id(), stage(j, 1).id()))
                .isInstanceOf(StageInUseException.class).hasMessageContaining("2 contact");
        assertThat(journeys.journey(j.id())).contains(j);
        assertThat(historyRowsOfTenant()).isEqualTo(historyBefore);

        Journey after = journeys.removeStage(j.id(), stage(j, 1).id(), stage(j, 2).id(), Actor.person("admin"));

        assertThat(after.stages()).hasSize(2);
        assertThat(journeys.placement("c1", j.id()).orElseThrow().stageId()).isEqualTo(stage(j, 2).id());
        Transition relocation = journeys.history("c2", j.id()).get(1);
        assertThat(relocation.from()).contains(stage(j, 1).id());
        assertThat(relocation.to()).contains(stage(j, 2).id());
        assertThat(relocation.source()).isEqualTo(new MoveSource.StageRemoval(stage(j, 1).id(), Actor.person("admin")));
        assertThat(relocation.note()).contains("stage '" + stage(j, 1).name() + "' removed");
        assertThat(historyRowsOfTenant()).isEqualTo(historyBefore + 2);
    }

    @Test
    void a_removed_stage_takes_no_moves_but_stays_in_history() {
        Journey j = advocacy();
        move("c1", j, 1);
        StageId removed = stage(j, 1).id();
        Journey after = journeys.removeStage(j.id(), removed, stage(j, 0).id(), ANN);

        assertThat(rejection(journeys.move(MoveRequest.to("c2", j.id(), removed, ANN))))
                .isInstanceOf(Rejection.UnknownStage.class);
        assertThat(journeys.history("c1", after.id())).first().extracting(Transition::to).isEqualTo(java.util.Optional.of(removed));
    }

    /**
     * Removing a stage relocates its contacts by moves like any other: judged by the rules (which let a
     * relocation go where the remover said, backward in a sequenced journey and in an archived one too),
     * recorded in history with their source, heard by listeners, and offered to journey.stage_changed.
     */
    private void relocationIsAMoveLikeAnyOther(Journey journey, StageId removed, StageId to, List<String> contacts) {
        Journey follow = journeys.createJourney(JourneySpec.named("Follow-up " + journey.name()).stages("Told"));
        journeys.automations().create(dev.journeys.api.AutomationSpec.named("on relocation").on("journey.stage_changed")
                .when(dev.journeys.api.Condition.equalTo("source", "STAGE_REMOVAL"))
                .then(dev.journeys.api.Outcome.moveTo(follow.id(), stage(follow, 0).id())));
        List<dev.journeys.api.StageChange> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.journeys.api.Registration listening = journeys.onStageChange(heard::add);
        try {
            Journey after = journeys.removeStage(journey.id(), removed, to, Actor.person("admin"));

            assertThat(after.stage(removed)).isEmpty();
            MoveSource relocation = new MoveSource.StageRemoval(removed, Actor.person("admin"));
            for (String contact : contacts) {
                assertThat(journeys.placement(contact, journey.id()).orElseThrow().stageId()).isEqualTo(to);
                Transition last = journeys.history(contact, journey.id()).get(journeys.history(contact, journey.id()).size() - 1);
                assertThat(last.from()).contains(removed);
                assertThat(last.to()).contains(to);
                assertThat(last.source()).isEqualTo(relocation);
                assertThat(journeys.placement(contact, follow.id())).as("the chain step ran for " + contact).isPresent();
            }
            assertThat(heard).filteredOn(c -> c.source().equals(relocation)).extracting(c -> c.transition().contactKey())
                    .containsExactlyInAnyOrderElementsOf(contacts);
        } finally {
            listening.close();
        }
    }

    @Test
    void removing_a_stage_of_a_sequenced_journey_relocates_backward_as_recorded_moves() {
        Journey s = sales();
        for (String contact : List.of("c1", "c2")) {
            move(contact, s, 0);
            move(contact, s, 1);
            move(contact, s, 2);
        }
        move("c3", s, 0);

        relocationIsAMoveLikeAnyOther(s, stage(s, 2).id(), stage(s, 0).id(), List.of("c1", "c2"));
        assertThat(journeys.history("c3", s.id())).hasSize(1);
    }

    @Test
    void removing_a_stage_of_an_archived_journey_relocates_as_recorded_moves() {
        Journey j = advocacy();
        move("c1", j, 1);
        move("c2", j, 1);
        journeys.archiveJourney(j.id());

        relocationIsAMoveLikeAnyOther(journeys.journey(j.id()).orElseThrow(), stage(j, 1).id(), stage(j, 2).id(),
                List.of("c1", "c2"));
        assertThat(rejection(move("c1", j, 0))).as("still archived").isInstanceOf(Rejection.JourneyArchived.class);
    }

    @Test
    void the_last_stage_cannot_be_removed() {
        Journey j = journeys.createJourney(JourneySpec.named("Solo").stages("Only"));

        assertThatThrownBy(() -> journeys.removeStage(j.id(), stage(j, 0).id())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void an_archived_journey_keeps_its_history_and_takes_no_moves() {
        Journey j = advocacy();
        move("c1", j, 0);
        Journey archived = journeys.archiveJourney(j.id());

        assertThat(archived.archived()).isTrue();
        assertThat(rejection(move("c1", j, 1))).isEqualTo(new Rejection.JourneyArchived(JourneyRef.of(j)));
        assertThat(rejection(journeys.move(MoveRequest.exit("c1", j.id(), ANN)))).isInstanceOf(Rejection.JourneyArchived.class);
        assertThat(journeys.history("c1", j.id())).hasSize(1);
        assertThat(journeys.placement("c1", j.id())).isPresent();
    }

    @Test
    void bad_definitions_fail_with_typed_errors_and_write_nothing() {
        String huge = "x".repeat(201);
        List<Runnable> bad = List.of(
                () -> journeys.createJourney(null),
                () -> journeys.createJourney(JourneySpec.named(null).stages("a")),
                () -> journeys.createJourney(JourneySpec.named("   ").stages("a")),
                () -> journeys.createJourney(JourneySpec.named(huge).stages("a")),
                () -> journeys.createJourney(JourneySpec.named("tab\there").stages("a")),
                () -> journeys.createJourney(JourneySpec.named("No stages")),
                () -> journeys.createJourney(JourneySpec.named("Null stage").stages(Arrays.asList("a", null))),
                () -> journeys.createJourney(JourneySpec.named("Blank stage").stages("a", " ")),
                () -> journeys.createJourney(JourneySpec.named("Huge stage").stages(huge)));
        for (Runnable call : bad) {
            assertThatThrownBy(call::run).isInstanceOf(InvalidInputException.class);
        }
        assertThat(journeys.journeys()).isEmpty();
    }

    @Test
    void unknown_ids_are_not_found() {
        Journey j = advocacy();
        JourneyId missing = new JourneyId(Long.MAX_VALUE);

        assertThatThrownBy(() -> journeys.renameJourney(missing, "x")).isInstanceOf(NotFoundException.class)
                .extracting(e -> ((JourneysException) e).code()).isEqualTo(ErrorCode.JOURNEY_NOT_FOUND);
        assertThatThrownBy(() -> journeys.renameStage(j.id(), new StageId(Long.MAX_VALUE), "x"))
                .isInstanceOf(NotFoundException.class)
                .extracting(e -> ((JourneysException) e).code()).isEqualTo(ErrorCode.STAGE_NOT_FOUND);
        assertThatThrownBy(() -> journeys.removeStage(j.id(), stage(sales(), 0).id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> journeys.stageCounts(missing)).isInstanceOf(NotFoundException.class);
    }
}
