package dev.journeys.core.internal.moves;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.journeys.api.JourneyId;
import dev.journeys.core.internal.config.CoreSettings;
import dev.journeys.core.internal.storage.PlacementFeed;
import dev.journeys.core.internal.storage.PlacementState;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Current placements, filled only from committed rows. Entries only ever move forward in version, so a
 * slow reader can never put an older placement over a newer one that a move just committed.
 *
 * <p>A commit reported for a key nobody caches is dropped, so a read that started before that commit
 * must not cache what it read: it would stay stale until the contact's next move (seen in the
 * two-instance concurrency contract). Every report bumps a counter of the key's stripe first; a read
 * takes the counter before it goes to the database and caches its result only if the counter is
 * unchanged, checked inside the same atomic map operation that a report's update takes.
 */
@Singleton
public final class PlacementCache implements PlacementFeed {

    private record Key(String tenant, long journeyId, String contactKey) {
    }

    /** Enough stripes that unrelated commits rarely keep a read from being cached. */
    private static final int STRIPES = 1024;

    private final Cache<Key, PlacementState> cache;
    private final PlacementStorage storage;
    /** Reports seen per stripe of keys; bumped before the report touches the map. */
    private final AtomicLongArray reports = new AtomicLongArray(STRIPES);

    @Inject
    PlacementCache(CoreSettings settings, PlacementStorage storage) {
        this.storage = storage;
        this.cache = Caffeine.newBuilder().maximumSize(settings.placementCacheSize()).build();
    }

    /** From cache when present; otherwise, or when {@code fresh}, from the database. */
    public PlacementState get(String tenant, JourneyId journey, String contactKey, boolean fresh) {
        Key key = new Key(tenant, journey.value(), contactKey);
        if (!fresh) {
            PlacementState cached = cache.getIfPresent(key);
            if (cached != null) {
                return cached;
            }
        }
        int stripe = stripe(key);
        long ticket = reports.get(stripe);
        PlacementState loaded = storage.loadPlacement(tenant, journey, contactKey);
        PlacementState kept = cache.asMap().compute(key, (k, old) -> {
            if (old != null) {
                return loaded.version() >= old.version() ? loaded : old;
            }
            // A commit reported during the read may be newer than what was read; let the next read load it.
            return reports.get(stripe) == ticket ? loaded : null;
        });
        return kept == null ? loaded : kept;
    }

    public boolean contains(String tenant, JourneyId journey, String contactKey) {
        return cache.getIfPresent(new Key(tenant, journey.value(), contactKey)) != null;
    }

    /**
     * This instance's own commit: advances an entry held. An entry not held is left to the next read, as
     * for a report: between this commit and this call another instance may have committed a newer one.
     */
    void offer(String tenant, PlacementState committed) {
        advance(new Key(tenant, committed.journeyId().value(), committed.contactKey()), committed);
    }

    /** Another writer's commit: refresh an entry this instance holds; load the rest on demand. */
    @Override
    public void committed(String tenant, PlacementState state) {
        Key key = new Key(tenant, state.journeyId().value(), state.contactKey());
        reports.incrementAndGet(stripe(key));
        advance(key, state);
    }

    private void advance(Key key, PlacementState state) {
        cache.asMap().computeIfPresent(key, (k, old) -> state.version() > old.version() ? state : old);
    }

    @Override
    public void lostTrack() {
        bumpAll();
        cache.invalidateAll();
    }

    void invalidateJourney(String tenant, JourneyId journey) {
        bumpAll();
        cache.asMap().keySet().removeIf(k -> k.tenant().equals(tenant) && k.journeyId() == journey.value());
    }

    /** Reads in flight may have read what is being dropped; none of them may cache it. */
    private void bumpAll() {
        for (int i = 0; i < STRIPES; i++) {
            reports.incrementAndGet(i);
        }
    }

    private static int stripe(Key key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}
