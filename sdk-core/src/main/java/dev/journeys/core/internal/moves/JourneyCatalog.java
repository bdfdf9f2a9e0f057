package dev.journeys.core.internal.moves;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.journeys.api.ConcurrentChangeException;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyRef;
import dev.journeys.api.NotFoundException;
import dev.journeys.api.ReadOnlyJourneyException;
import dev.journeys.core.internal.config.CoreSettings;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Function;

/**
 * Journey definitions, cached by id. A cached definition may lag another instance's change; that is
 * safe because every move is written only if the journey is still at the version it was checked against.
 */
@Singleton
public final class JourneyCatalog {

    private static final int CHANGE_ATTEMPTS = 3;

    private record Key(String tenant, long journeyId) {
    }

    private final Cache<Key, Journey> cache;
    private final JourneyStorage storage;

    @Inject
    JourneyCatalog(CoreSettings settings, JourneyStorage storage) {
        this.storage = storage;
        this.cache = Caffeine.newBuilder().maximumSize(settings.journeyCacheSize()).build();
    }

    /** The definition a write must be checked against: read afresh, and never one of a system journey. */
    public Journey editable(String tenant, JourneyId id) {
        Journey current = find(tenant, id, true).orElseThrow(() -> NotFoundException.journey(id));
        if (current.kind() == Journey.Kind.SYSTEM) {
            throw new ReadOnlyJourneyException("journey " + JourneyRef.of(current) + " is a system journey; its definition is"
                    + " managed by its plugin");
        }
        return current;
    }

    public Optional<Journey> find(String tenant, JourneyId id, boolean fresh) {
        if (!fresh) {
            Journey cached = cache.getIfPresent(new Key(tenant, id.value()));
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        return storage.findJourney(tenant, id).map(j -> offer(tenant, j));
    }

    public Journey offer(String tenant, Journey journey) {
        Journey kept = cache.asMap().merge(new Key(tenant, journey.id().value()), journey,
                (old, neu) -> neu.version() >= old.version() ? neu : old);
        return kept == null ? journey : kept;
    }

    /**
     * Applies a change built from the latest definition, retrying when another writer got in first.
     * {@code build} validates against the definition it is given and throws on bad input.
     */
    public Journey change(String tenant, JourneyId id, Function<Journey, JourneyChange> build) {
        for (int attempt = 1; ; attempt++) {
            Journey current = editable(tenant, id);
            JourneyChange change = build.apply(current);
            try {
                return offer(tenant, storage.changeJourney(tenant, id, current.version(), change));
            } catch (ConcurrentChangeException e) {
                if (attempt >= CHANGE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
