package dev.journeys.api;

import java.util.Optional;

/** Keyset paging: stable under concurrent moves, no offsets to drift. Limit 1 to {@value #MAX_LIMIT}. */
public record PageRequest(Optional<String> after, int limit) {

    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("page limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }

    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(Optional.of(cursor), limit);
    }
}
