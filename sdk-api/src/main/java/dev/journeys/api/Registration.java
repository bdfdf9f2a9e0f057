package dev.journeys.api;

/** Undoes a registration; closing twice is harmless. */
@FunctionalInterface
public interface Registration extends AutoCloseable {
    @Override
    void close();
}
