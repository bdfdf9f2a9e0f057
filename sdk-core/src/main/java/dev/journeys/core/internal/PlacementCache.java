package dev.journeys.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.journeys.api.JourneyId;
import dev.journeys.core.internal.storage.PlacementFeed;
import dev.journeys.core.internal.storage.PlacementState;
import dev.journeys.core.internal.storage.Storage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Current placements, filled only from committed rows. Entries only ever move forward in version, so a
 * slow reader can never put an older placement over a newer one that a move just committed.
 */
@Singleton
final class PlacementCache implements PlacementFeed {

    private record Key(String tenant, long journeyId, String contactKey) {
    }

    private final Cache<Key, PlacementState> cache;
    private final Storage storage;

    @Inject
    PlacementCache(CoreSettings settings, Storage storage) {
        this.storage = storage;
        this.cache = Caffeine.newBuilder().maximumSize(settings.placementCacheSize()).build();
    }

    /** From cache when present; otherwise, or when {@code fresh}, from the database. */
    PlacementState get(String tenant, JourneyId journey, String contactKey, boolean fresh) {
        Key key = new Key(tenant, journey.value(), contactKey);
        if (!fresh) {
            PlacementState cached = cache.getIfPresent(key);
            if (cached != null) {
                return cached;
            }
        }
        return offer(tenant, storage.loadPlacement(tenant, journey, contactKey));
    }

    boolean contains(String tenant, JourneyId journey, String contactKey) {
        return cache.getIfPresent(new Key(tenant, journey.value(), contactKey)) != null;
    }

    /** Records a committed state; returns whichever of it and the cached state is newer. */
    PlacementState offer(String tenant, PlacementState committed) {
        Key key = new Key(tenant, committed.journeyId().value(), committed.contactKey());
        PlacementState kept = cache.asMap().merge(key, committed,
                (old, neu) -> neu.version() >= old.version() ? neu : old);
        return kept == null ? committed : kept;
    }

    /** Another writer's commit: refresh an entry this instance holds; load the rest on demand. */
    @Override
    public void committed(String tenant, PlacementState state) {
        cache.asMap().computeIfPresent(new Key(tenant, state.journeyId().value(), state.contactKey()),
                (key, old) -> state.version() > old.version() ? state : old);
    }

    @Override
    public void lostTrack() {
        cache.invalidateAll();
    }

    void invalidateJourney(String tenant, JourneyId journey) {
        cache.asMap().keySet().removeIf(k -> k.tenant().equals(tenant) && k.journeyId() == journey.value());
    }
}
