package dev.journeys.benchmarks;

import dev.journeys.api.JourneyId;
import dev.journeys.api.JourneyService;
import dev.journeys.api.Placement;
import java.util.Optional;

/** Cached current-stage lookups on one thread: {@code service.placement(contact, journey)}. */
final class LookupBench {

    private LookupBench() {
    }

    /** @param contacts all already placed through the SDK, so every lookup should be a cache hit */
    static double perSecond(JourneyService service, JourneyId journey, String[] contacts, double warmupSeconds,
                            double seconds) {
        run(service, journey, contacts, warmupSeconds);
        return run(service, journey, contacts, seconds);
    }

    private static double run(JourneyService service, JourneyId journey, String[] contacts, double seconds) {
        long begin = System.nanoTime();
        long deadline = begin + (long) (seconds * 1e9);
        long lookups = 0;
        long sink = 0;
        int i = 0;
        do {
            // Reading the clock every lookup would cost about as much as the lookup itself.
            for (int k = 0; k < 1024; k++) {
                Optional<Placement> found = service.placement(contacts[i], journey);
                sink += found.orElseThrow(() -> new IllegalStateException("contact not placed")).version();
                i = i + 1 == contacts.length ? 0 : i + 1;
            }
            lookups += 1024;
        } while (System.nanoTime() < deadline);
        long nanos = System.nanoTime() - begin;
        // Using the sum keeps the JIT from dropping lookups whose result nobody reads.
        if (sink == 42) {
            System.out.print("");
        }
        return lookups * 1e9 / nanos;
    }
}
