package dev.journeys.core.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * A generator of random test values, drawn from a seeded {@link Random} so that any case can be
 * replayed. Deliberately tiny: just enough to state the SDK's properties readably.
 */
@FunctionalInterface
public interface Gen<T> {

    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return random -> f.apply(next(random));
    }

    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        return random -> f.apply(next(random)).next(random);
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    /** An int from {@code min} to {@code max}, both included. */
    static Gen<Integer> ints(int min, int max) {
        return random -> min + random.nextInt(max - min + 1);
    }

    /** A long from {@code min} to {@code max}, both included. */
    static Gen<Long> longs(long min, long max) {
        return random -> min + Math.floorMod(random.nextLong(), max - min + 1);
    }

    static Gen<Boolean> chance(double probability) {
        return random -> random.nextDouble() < probability;
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(T... values) {
        return pick(List.of(values));
    }

    static <T> Gen<T> pick(Collection<? extends T> values) {
        List<T> list = new ArrayList<>(values);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("nothing to pick from");
        }
        return random -> list.get(random.nextInt(list.size()));
    }

    /** Empty with the given probability, otherwise a value of {@code present}. */
    static <T> Gen<Optional<T>> optional(double emptyProbability, Gen<T> present) {
        return random -> random.nextDouble() < emptyProbability ? Optional.empty() : Optional.of(present.next(random));
    }

    /** Picks one of the options with probability proportional to its weight; zero-weight options never. */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... options) {
        return random -> {
            int total = 0;
            for (Weighted<? extends T> option : options) {
                total += option.weight();
            }
            int roll = random.nextInt(total);
            for (Weighted<? extends T> option : options) {
                roll -= option.weight();
                if (roll < 0) {
                    return option.gen().next(random);
                }
            }
            throw new AssertionError("unreachable");
        };
    }

    static <T> Weighted<T> weighted(int weight, Gen<T> gen) {
        return new Weighted<>(weight, gen);
    }

    record Weighted<T>(int weight, Gen<T> gen) {
        public Weighted {
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight");
            }
        }
    }
}
