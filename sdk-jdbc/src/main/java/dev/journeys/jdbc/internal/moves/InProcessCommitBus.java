package dev.journeys.jdbc.internal.moves;

import dev.journeys.api.Transition;
import dev.journeys.core.internal.storage.PlacementFeed;
import dev.journeys.jdbc.internal.db.CommitFollower;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Embedded H2 belongs to one process, so every SDK instance that can write it lives in this JVM; they
 * share commits through this bus, keyed by database, with no lag.
 */
public final class InProcessCommitBus implements CommitFollower {

    private static final ConcurrentHashMap<Object, Set<PlacementFeed>> FEEDS = new ConcurrentHashMap<>();

    private final Object database;
    private final PlacementFeed feed;

    public InProcessCommitBus(Object database, PlacementFeed feed) {
        this.database = database;
        this.feed = feed;
        FEEDS.computeIfAbsent(database, k -> new CopyOnWriteArraySet<>()).add(feed);
    }

    @Override
    public void published(String tenant, Transition transition) {
        for (PlacementFeed each : FEEDS.getOrDefault(database, Set.of())) {
            each.committed(tenant, CommitFollower.stateAfter(transition));
        }
    }

    @Override
    public void publishedTooMany() {
        FEEDS.getOrDefault(database, Set.of()).forEach(PlacementFeed::lostTrack);
    }

    @Override
    public void close() {
        FEEDS.computeIfPresent(database, (k, feeds) -> {
            feeds.remove(feed);
            return feeds.isEmpty() ? null : feeds;
        });
    }
}
