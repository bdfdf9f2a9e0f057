package dev.journeys.core.internal.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.journeys.api.JourneyId;
import dev.journeys.api.StageId;
import dev.journeys.core.internal.config.CoreSettings;
import dev.journeys.core.internal.storage.PlacementState;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The placement cache never holds a state older than one it has been told of: not when reports and reads
 * race, and not after it loses track. Races are staged inside the storage read, where they happen.
 */
class PlacementCacheTest {

    private static final String TENANT = "t";
    private static final JourneyId JOURNEY = new JourneyId(1);
    private static final String CONTACT = "ada";

    private final PlacementStorage storage = mock(PlacementStorage.class);
    private final PlacementCache cache = new PlacementCache(CoreSettings.defaults(), storage);

    @Test
    void a_read_is_cached_and_served_without_the_database() {
        when(storage.loadPlacement(TENANT, JOURNEY, CONTACT)).thenReturn(at(10, 1));

        assertThat(cache.get(TENANT, JOURNEY, CONTACT, false)).isEqualTo(at(10, 1));
        assertThat(cache.get(TENANT, JOURNEY, CONTACT, false)).isEqualTo(at(10, 1));

        verify(storage, times(1)).loadPlacement(TENANT, JOURNEY, CONTACT);
    }

    @Test
    void a_commit_reported_while_a_read_is_in_flight_keeps_the_read_out_of_the_cache() {
        // The read saw version 1; another instance's version 2 was reported before the read returned.
        when(storage.loadPlacement(TENANT, JOURNEY, CONTACT))
                .thenAnswer(read -> {
                    cache.committed(TENANT, at(11, 2));
                    return at(10, 1);
                })
                .thenReturn(at(11, 2));

        assertThat(cache.get(TENANT, JOURNEY, CONTACT, false)).as("what the database said").isEqualTo(at(10, 1));
        assertThat(cache.get(TENANT, JOURNEY, CONTACT, false)).as("read again, not the stale read").isEqualTo(at(11, 2));
    }

    @Test
    void a_report_for_a_held_entry_advances_it_and_an_older_one_never_moves_it_back() {
        when(storage.loadPlacement(TENANT, JOURNEY, CONTACT)).thenReturn(at(10, 1));
        cache.get(TENANT, JOURNEY, CONTACT, false);

        cache.committed(TENANT, at(12, 3));
        cache.committed(TENANT, at(11, 2));

        assertThat(cache.get(TENANT, JOURNEY, CONTACT, false)).isEqualTo(at(12, 3));
        verify(storage, times(1)).loadPlacement(TENANT, JOURNEY, CONTACT);
    }

    @Test
    void a_fresh_read_older_than_the_held_entry_keeps_the_newer() {
        when(storage.loadPlacement(TENANT, JOURNEY, CONTACT)).thenReturn(at(10, 1));
        cache.get(TENANT, JOURNEY, CONTACT, false);
        cache.committed(TENANT, at(11, 2));

        assertThat(cache.get(TENANT, JOURNEY, CONTACT, true)).isEqualTo(at(11, 2));
        assertThat(cache.get(TENANT, JOURNEY, CONTACT, false)).isEqualTo(at(11, 2));
    }

    @Test
    void losing_track_while_a_read_is_in_flight_keeps_the_read_out_of_the_cache() {
        when(storage.loadPlacement(TENANT, JOURNEY, CONTACT))
                .thenAnswer(read -> {
                    cache.lostTrack();
                    return at(10, 1);
                })
                .thenReturn(at(11, 2));

        cache.get(TENANT, JOURNEY, CONTACT, false);

        assertThat(cache.contains(TENANT, JOURNEY, CONTACT)).isFalse();
        assertThat(cache.get(TENANT, JOURNEY, CONTACT, false)).isEqualTo(at(11, 2));
    }

    @Test
    void dropping_a_journey_while_a_read_of_it_is_in_flight_keeps_the_read_out_of_the_cache() {
        when(storage.loadPlacement(TENANT, JOURNEY, CONTACT))
                .thenAnswer(read -> {
                    cache.invalidateJourney(TENANT, JOURNEY);
                    return at(10, 1);
                })
                .thenReturn(at(13, 2));

        cache.get(TENANT, JOURNEY, CONTACT, false);

        assertThat(cache.get(TENANT, JOURNEY, CONTACT, false)).isEqualTo(at(13, 2));
    }

    @Test
    void losing_track_drops_every_entry() {
        when(storage.loadPlacement(TENANT, JOURNEY, CONTACT)).thenReturn(at(10, 1));
        cache.get(TENANT, JOURNEY, CONTACT, false);

        cache.lostTrack();

        assertThat(cache.contains(TENANT, JOURNEY, CONTACT)).isFalse();
    }

    @Test
    void an_own_commit_advances_a_held_entry_and_leaves_one_not_held_to_the_next_read() {
        when(storage.loadPlacement(TENANT, JOURNEY, CONTACT)).thenReturn(at(10, 1));
        cache.offer(TENANT, at(11, 2));
        assertThat(cache.contains(TENANT, JOURNEY, CONTACT)).as("not held, so not taken").isFalse();

        cache.get(TENANT, JOURNEY, CONTACT, false);
        cache.offer(TENANT, at(11, 2));

        assertThat(cache.get(TENANT, JOURNEY, CONTACT, false)).isEqualTo(at(11, 2));
    }

    @Test
    void entries_of_other_contacts_are_not_disturbed_by_a_report() {
        when(storage.loadPlacement(TENANT, JOURNEY, CONTACT)).thenReturn(at(10, 1));
        cache.get(TENANT, JOURNEY, CONTACT, false);

        cache.committed(TENANT, new PlacementState(JOURNEY, "grace", Optional.of(new StageId(11)), Instant.EPOCH, 5));

        assertThat(cache.contains(TENANT, JOURNEY, "grace")).isFalse();
        assertThat(cache.get(TENANT, JOURNEY, CONTACT, false)).isEqualTo(at(10, 1));
    }

    private static PlacementState at(long stage, long version) {
        return new PlacementState(JOURNEY, CONTACT, Optional.of(new StageId(stage)), Instant.EPOCH.plusSeconds(version),
                version);
    }
}
