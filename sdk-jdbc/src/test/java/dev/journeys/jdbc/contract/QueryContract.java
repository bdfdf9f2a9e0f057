package dev.journeys.jdbc.contract;

import dev.journeys.api.Actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.journeys.api.ImportReport;
import dev.journeys.api.ImportRequest;
import dev.journeys.api.ImportSource;
import dev.journeys.api.InvalidInputException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.MoveOutcome;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.NotFoundException;
import dev.journeys.api.Page;
import dev.journeys.api.PageRequest;
import dev.journeys.api.Placement;
import dev.journeys.api.Rejection;
import dev.journeys.api.Registration;
import dev.journeys.api.StageChange;
import dev.journeys.api.StorageException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Reading placements and history, listening to moves, tenants, and failure leaving nothing behind. */
abstract class QueryContract extends MoveContract {

    @Test
    void a_contact_can_be_in_many_journeys_at_once() {
        Journey s = sales();
        Journey a = advocacy();
        move("c1", s, 0);
        move("c1", a, 2);

        assertThat(journeys.placements("c1")).extracting(Placement::journeyId).containsExactlyInAnyOrder(s.id(), a.id());
        assertThat(journeys.placements("nobody")).isEmpty();
    }

    @Test
    void contacts_in_a_stage_are_paged_longest_in_it_first_ties_by_contact_key() {
        Journey j = advocacy();
        String entries = """
                contact,stage,occurred_at
                x,Testimonial Complete,2020-01-03T00:00:00Z
                y,Testimonial Complete,2020-01-01T00:00:00Z
                z,Testimonial Complete,2020-01-02T00:00:00Z
                a,Testimonial Complete,2020-01-02T00:00:00Z
                other,Case Study Submitted,2020-01-01T00:00:00Z
                """;
        ImportReport report = journeys.imports().run(ImportRequest.of("entries.csv",
                ImportSource.of(entries.getBytes(StandardCharsets.UTF_8)), Actor.person("ann")).intoJourney(j.id()));
        assertThat(report.moved()).as("%s", report.rejections()).isEqualTo(5);
        move("late", j, 1);

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        Page<Placement> page = journeys.contactsInStage(j.id(), stage(j, 1).id(), PageRequest.first(2));
        while (true) {
            pageSizes.add(page.items().size());
            seen.addAll(page.items().stream().map(Placement::contactKey).toList());
            if (page.next().isEmpty()) {
                break;
            }
            page = journeys.contactsInStage(j.id(), stage(j, 1).id(), PageRequest.after(page.next().get(), 2));
        }

        // "a" and "z" entered at the same instant and straddle the first page's end.
        assertThat(seen).containsExactly("y", "a", "z", "x", "late");
        assertThat(pageSizes).containsExactly(2, 2, 1);
    }

    @Test
    void a_page_cursor_that_the_service_did_not_write_is_refused() {
        Journey j = advocacy();
        move("c1", j, 1);

        assertThatThrownBy(() -> journeys.contactsInStage(j.id(), stage(j, 1).id(), PageRequest.after("c0", 10)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("c0");
    }

    @Test
    void stage_counts_cover_every_stage() {
        Journey j = advocacy();
        move("c1", j, 0);
        move("c2", j, 0);
        move("c3", j, 2);
        journeys.move(MoveRequest.exit("c3", j.id(), ANN));

        assertThat(journeys.stageCounts(j.id())).containsExactly(
                Map.entry(stage(j, 0).id(), 2L), Map.entry(stage(j, 1).id(), 0L), Map.entry(stage(j, 2).id(), 0L));
    }

    @Test
    void listeners_hear_committed_moves_only_and_one_failing_listener_stops_nothing() {
        Journey j = advocacy();
        List<StageChange> heard = new CopyOnWriteArrayList<>();
        Registration failing = journeys.onStageChange(change -> {
            throw new IllegalStateException("listener bug");
        });
        Registration listening = journeys.onStageChange(heard::add);
        sdk.tenant(tenant + "-other").onStageChange(change -> heard.add(null));

        move("c1", j, 0);
        move("c1", j, 0);
        move("c1", j, 2);
        journeys.move(MoveRequest.to("c1", j.id(), stage(sales(), 0).id(), ANN));

        assertThat(heard).hasSize(2);
        assertThat(heard.get(1).tenant()).isEqualTo(tenant);
        assertThat(heard.get(1).from()).contains(stage(j, 0).id());
        assertThat(heard.get(1).to()).contains(stage(j, 2).id());
        assertThat(heard.get(1).source()).isEqualTo(ANN);
        assertThat(journeys.placement("c1", j.id()).orElseThrow().stageId()).isEqualTo(stage(j, 2).id());

        listening.close();
        failing.close();
        move("c1", j, 1);
        assertThat(heard).hasSize(2);
    }

    @Test
    void nothing_of_one_tenant_is_visible_or_movable_through_another() {
        Journey j = advocacy();
        move("c1", j, 0);
        JourneyService intruder = sdk.tenant(tenant + "-intruder");

        assertThat(intruder.journey(j.id())).isEmpty();
        assertThat(intruder.journeyNamed("Advocacy")).isEmpty();
        assertThat(intruder.journeys()).isEmpty();
        assertThat(intruder.placement("c1", j.id())).isEmpty();
        assertThat(intruder.placements("c1")).isEmpty();
        assertThat(intruder.history("c1", j.id())).isEmpty();
        assertThat(intruder.contactsInStage(j.id(), stage(j, 0).id(), PageRequest.first(10)).items()).isEmpty();
        assertThat(rejection(intruder.move(MoveRequest.to("c1", j.id(), stage(j, 1).id(), ANN))))
                .isInstanceOf(Rejection.UnknownJourney.class);
        assertThatThrownBy(() -> intruder.renameJourney(j.id(), "Mine")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> intruder.archiveJourney(j.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> intruder.stageCounts(j.id())).isInstanceOf(NotFoundException.class);

        Journey theirs = intruder.createJourney(dev.journeys.api.JourneySpec.named("Theirs").stages("X"));
        assertThat(rejection(journeys.move(MoveRequest.to("c1", j.id(), stage(theirs, 0).id(), ANN))))
                .isInstanceOf(Rejection.UnknownStage.class);
        assertThat(journeys.journey(j.id()).orElseThrow().name()).isEqualTo("Advocacy");
        assertThat(journeys.placement("c1", j.id()).orElseThrow().stageId()).isEqualTo(stage(j, 0).id());
    }

    @Test
    void a_failed_transaction_leaves_database_and_cache_unchanged() throws Exception {
        Journey j = advocacy();
        move("c1", j, 0);
        List<StageChange> heard = new CopyOnWriteArrayList<>();
        journeys.onStageChange(heard::add);
        // The placement update succeeds, then the history insert fails: the whole move must roll back.
        try (Connection c = rawConnection()) {
            c.createStatement().execute("alter table transitions add constraint no_boom_" + Math.abs(tenant.hashCode())
                    + " check (note is null or note <> 'boom-" + tenant + "')");
        }

        assertThatThrownBy(() -> journeys.move(MoveRequest.to("c1", j.id(), stage(j, 2).id(), ANN)
                .withNote("boom-" + tenant))).isInstanceOf(StorageException.class);

        assertThat(journeys.placement("c1", j.id()).orElseThrow().stageId()).isEqualTo(stage(j, 0).id());
        assertThat(count("select stage_id from placements where tenant_id = '" + tenant + "'"))
                .isEqualTo(stage(j, 0).id().value());
        assertThat(historyRowsOfTenant()).isEqualTo(1);
        assertThat(heard).isEmpty();
        MoveOutcome retry = journeys.move(MoveRequest.to("c1", j.id(), stage(j, 2).id(), ANN));
        assertThat(((MoveOutcome.Moved) retry).transition().placementVersion()).isEqualTo(2);
    }

    @Test
    void stage_times_follow_history_and_invent_nothing_for_skipped_stages() {
        Journey j = advocacy();
        move("c1", j, 0);
        move("c1", j, 2);
        move("c1", j, 0);

        var times = journeys.stageTimes("c1", j.id());

        assertThat(times).extracting(t -> t.stage()).containsExactly(stage(j, 0).id(), stage(j, 2).id());
        var first = times.get(0);
        var history = journeys.history("c1", j.id());
        assertThat(first.entries()).isEqualTo(2);
        assertThat(first.firstEnteredAt()).isEqualTo(history.get(0).effectiveAt());
        assertThat(first.lastExitedAt()).contains(history.get(1).effectiveAt());
        assertThat(first.latestTimeIn()).contains(java.time.Duration.between(
                history.get(0).effectiveAt(), history.get(1).effectiveAt()));
        assertThat(first.current()).isTrue();
        assertThat(first.cumulativeTimeIn()).isGreaterThanOrEqualTo(first.latestTimeIn().get());
        var third = times.get(1);
        assertThat(third.entries()).isEqualTo(1);
        assertThat(third.current()).isFalse();
        assertThat(third.latestTimeIn()).isPresent();
        assertThat(third.cumulativeTimeIn()).isEqualTo(third.latestTimeIn().get());
        assertThat(journeys.stageTimes("nobody", j.id())).isEmpty();
    }
}
