package dev.journeys.api;

import java.util.List;
import java.util.Optional;

/** One page of results; pass {@code next} to {@link PageRequest#after} for the following page. */
public record Page<T>(List<T> items, Optional<String> next) {
    public Page {
        items = List.copyOf(items);
    }
}
