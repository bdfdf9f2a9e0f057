package dev.journeys.core.internal.moves;

/**
 * How one source turns what it wants into a batch for the move path: it reads, asks the rules, and says
 * what to write. The path calls it again, on fresh reads, when a write loses a compare-and-set.
 */
public interface Planner<R> {

    /** @param fresh read past every cache: an earlier attempt was decided on state that had moved on */
    Plan<R> plan(boolean fresh);

    /** The answer when other writers won every attempt. */
    R contention(int attempts);
}
