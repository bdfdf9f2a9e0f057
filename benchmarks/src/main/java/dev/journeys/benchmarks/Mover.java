package dev.journeys.benchmarks;

/** One thread's share of a cell: moves its own contacts, one committed stage change per step. */
interface Mover extends AutoCloseable {

    /** @return false if the move did not commit, which the bench reports as an error */
    boolean step() throws Exception;

    @Override
    default void close() throws Exception {
    }
}
