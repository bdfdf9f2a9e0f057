package dev.journeys.core.internal.input;

import dev.journeys.api.Page;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Keyset pages: a query fetches one row past the page, and that row only says whether a next page exists. */
public final class Pages {

    private Pages() {
    }

    /**
     * @param fetched up to {@code limit + 1} rows in page order
     * @param cursorOf the cursor that resumes after a row
     */
    /** A cursor as an error message may quote it: a host's garbage is cut short. */
    public static String clip(String cursor) {
        return cursor.length() <= 40 ? "'" + cursor + "'" : "'" + cursor.substring(0, 40) + "…'";
    }

    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, Optional.of(cursorOf.apply(items.get(limit - 1))));
    }
}
