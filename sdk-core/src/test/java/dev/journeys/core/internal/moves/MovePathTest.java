package dev.journeys.core.internal.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.journeys.api.Actor;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.MoveOutcome;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Rejection;
import dev.journeys.api.Stage;
import dev.journeys.api.StageId;
import dev.journeys.api.StorageException;
import dev.journeys.api.Transition;
import dev.journeys.core.internal.config.CoreSettings;
import dev.journeys.core.internal.storage.Batch;
import dev.journeys.core.internal.storage.Commit;
import dev.journeys.core.internal.storage.MoveStorage;
import dev.journeys.core.internal.storage.PlacementState;
import dev.journeys.core.internal.storage.WriteTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The move path against a storage that misbehaves on purpose. */
class MovePathTest {

    private static final String TENANT = "acme";
    private static final JourneyId J = new JourneyId(1);
    private static final StageId A = new StageId(10);
    private static final StageId B = new StageId(11);
    private static final Journey JOURNEY = new Journey(J, "J", Journey.Kind.CUSTOM, false, false, false,
            List.of(new Stage(A, "A", 0), new Stage(B, "B", 1)), 1);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final MoveStorage storage = mock(MoveStorage.class);
    private final JourneyStorage journeys = mock(JourneyStorage.class);
    private final PlacementStorage reads = mock(PlacementStorage.class);
    private final WriteTransaction tx = mock(WriteTransaction.class);
    private final CoreSettings settings = new CoreSettings(Clock.fixed(NOW, ZoneOffset.UTC), 100, 100, 3, List.of(), List.of(), 5, CoreSettings.Async.defaults(),
            CoreSettings.DEFAULT_PLUGIN_TIMEOUT);
    private final PlacementCache cache = new PlacementCache(settings, reads);
    private final ListenerHub listeners = new ListenerHub();
    private final MovePath engine = new MovePath(storage, journeys, new JourneyCatalog(settings, journeys), cache, listeners, settings);
    private final List<Transition> heard = new ArrayList<>();

    @BeforeEach
    void setUp() {
        when(journeys.findJourney(TENANT, J)).thenReturn(Optional.of(JOURNEY));
        when(storage.begin(TENANT, false)).thenReturn(tx);
        listeners.add(TENANT, change -> heard.add(change.transition()));
    }

    private static PlacementState at(StageId stage, long version) {
        return new PlacementState(J, "c1", Optional.of(stage), NOW, version);
    }

    private static Commit moved(StageId from, StageId to, long version) {
        return new Commit.Applied(List.of(new Transition(7, J, "c1", Optional.of(from), Optional.of(to), NOW, NOW,
                Actor.person("ann"), Optional.empty(), version)), List.of(), Optional.empty(), Optional.empty());
    }

    private static Move move(StageId to) {
        return Move.to("c1", J, to, Actor.person("ann"));
    }

    @Test
    void a_failed_write_leaves_the_cache_as_it_was_and_tells_no_listener() {
        when(reads.loadPlacement(TENANT, J, "c1")).thenReturn(at(A, 1));
        when(tx.write(any())).thenThrow(new StorageException("connection reset"));

        assertThatThrownBy(() -> engine.move(TENANT, move(B))).isInstanceOf(StorageException.class);

        verify(tx, times(0)).commit();
        verify(tx).close();
        assertThat(cache.get(TENANT, J, "c1", false)).isEqualTo(at(A, 1));
        assertThat(heard).isEmpty();
    }

    @Test
    void a_lost_compare_and_set_rereads_and_decides_again() {
        when(reads.loadPlacement(TENANT, J, "c1")).thenReturn(at(A, 1), at(A, 2));
        when(tx.write(any(Batch.class))).thenReturn(new Commit.Conflict()).thenReturn(moved(A, B, 3));

        MoveOutcome outcome = engine.move(TENANT, move(B));

        assertThat(outcome.isMoved()).isTrue();
        verify(tx, times(2)).write(any());
        verify(tx).rollback();
        verify(tx).commit();
        assertThat(cache.get(TENANT, J, "c1", false).version()).isEqualTo(3);
        assertThat(heard).hasSize(1);
    }

    @Test
    void endless_conflicts_end_in_a_contention_rejection() {
        when(reads.loadPlacement(TENANT, J, "c1")).thenReturn(at(A, 1));
        when(tx.write(any())).thenReturn(new Commit.Conflict());

        MoveOutcome outcome = engine.move(TENANT, move(B));

        assertThat(outcome).isEqualTo(new MoveOutcome.Rejected(new Rejection.Contention(3)));
        assertThat(heard).isEmpty();
    }

    @Test
    void a_no_op_seen_in_the_cache_is_confirmed_against_the_database() {
        // Another instance moved c1 to B; this instance's cache still says A.
        when(reads.loadPlacement(TENANT, J, "c1")).thenReturn(at(A, 1), at(B, 2));
        cache.get(TENANT, J, "c1", false);
        when(tx.write(any())).thenReturn(moved(B, A, 3));

        MoveOutcome outcome = engine.move(TENANT, move(A));

        assertThat(outcome.isMoved()).as("the database says B, so a move to A is a real move").isTrue();
    }

    @Test
    void a_cached_placement_never_goes_back_in_version() {
        when(reads.loadPlacement(TENANT, J, "c1")).thenReturn(at(B, 5));
        cache.get(TENANT, J, "c1", false);
        cache.offer(TENANT, at(A, 4));
        cache.committed(TENANT, at(A, 3));

        assertThat(cache.get(TENANT, J, "c1", false)).isEqualTo(at(B, 5));
    }

    @Test
    void nothing_is_read_for_a_request_that_is_malformed() {
        assertThatThrownBy(() -> engine.move(TENANT, HostMoves.of(MoveRequest.to("", J, B, Actor.person("ann")))))
                .isInstanceOf(dev.journeys.api.InvalidInputException.class);
        verify(reads, times(0)).loadPlacement(anyString(), any(), anyString());
    }
}
