package dev.journeys.core.testing;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * States that something holds for every generated case, optionally only for the cases a condition
 * selects:
 *
 * <pre>{@code
 * forAll(moves()).when(move -> move.journey().archived()).check(move -> assertThat(...));
 * }</pre>
 *
 * <p>Runs {@value #DEFAULT_CASES} selected cases. Each run draws a fresh master seed; a failure names it,
 * and {@code -Djourneys.seed=<seed>} replays the very same cases. A property whose condition selects
 * too few of the generated cases fails too, so that no property passes by testing nothing.
 */
public final class Property<T> {

    public static final int DEFAULT_CASES = 1000;
    private static final int MAX_GENERATED_PER_SELECTED = 50;

    private final Gen<T> gen;
    private final Predicate<? super T> condition;
    private final int cases;

    private Property(Gen<T> gen, Predicate<? super T> condition, int cases) {
        this.gen = gen;
        this.condition = condition;
        this.cases = cases;
    }

    public static <T> Property<T> forAll(Gen<T> gen) {
        return new Property<>(gen, value -> true, DEFAULT_CASES);
    }

    /** Checks only the cases that satisfy {@code selected} (and any earlier condition). */
    public Property<T> when(Predicate<? super T> selected) {
        Predicate<? super T> before = condition;
        return new Property<>(gen, value -> before.test(value) && selected.test(value), cases);
    }

    public Property<T> cases(int count) {
        return new Property<>(gen, condition, count);
    }

    public void check(Consumer<? super T> assertion) {
        long masterSeed = Long.getLong("journeys.seed", new Random().nextLong());
        Random master = new Random(masterSeed);
        int selected = 0;
        int generated = 0;
        int maxGenerated = cases * MAX_GENERATED_PER_SELECTED;
        while (selected < cases && generated < maxGenerated) {
            long caseSeed = master.nextLong();
            T value = gen.next(new Random(caseSeed));
            generated++;
            if (!condition.test(value)) {
                continue;
            }
            selected++;
            try {
                assertion.accept(value);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("Falsified by case #" + selected + " of " + cases
                        + " (replay with -Djourneys.seed=" + masterSeed + "):\n  " + value
                        + "\n" + failure.getMessage(), failure);
            }
        }
        if (selected < cases) {
            throw new AssertionError("Only " + selected + " of " + generated + " generated cases met the condition;"
                    + " the generator hardly reaches the cases this property is about (seed " + masterSeed + ")");
        }
    }
}
