package dev.journeys.benchmarks;

import dev.journeys.api.AutomationService;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.TriggerEvent;
import dev.journeys.jdbc.Journeys;
import dev.journeys.spi.AttributeSpec;
import dev.journeys.spi.AttributeType;
import dev.journeys.spi.TriggerPlugin;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the time limit on a plugin's own {@code validate} costs an event: two triggers alike but for
 * {@link TriggerPlugin#validateMayBlock}, events published on one thread with no automation (so each is the
 * check, the plugin's validate and the event's run-log key), ABBA. H2 in memory; {@code bench.duration} seconds
 * per side in two halves, after {@code bench.warmup} seconds of each side in two turns.
 */
public final class PluginHandOffBench {

    /** A trigger whose validate does a little work, and says whether it may block. */
    record Validating(String key, boolean mayBlock) implements TriggerPlugin {
        @Override
        public String displayName() {
            return key;
        }

        @Override
        public List<AttributeSpec> attributes() {
            return List.of(AttributeSpec.required("status", AttributeType.STRING),
                    AttributeSpec.required("amount", AttributeType.MONEY));
        }

        @Override
        public List<String> validate(Map<String, Object> attributes) {
            return ((BigDecimal) attributes.get("amount")).signum() < 0 ? List.of("amount is negative.") : List.of();
        }

        @Override
        public boolean validateMayBlock() {
            return mayBlock;
        }
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static long ids;

    private PluginHandOffBench() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        double seconds = Double.parseDouble(System.getProperty("bench.duration", "10"));
        double warmup = Double.parseDouble(System.getProperty("bench.warmup", "5"));
        Validating inline = new Validating("bench.inline", false);
        Validating handedOff = new Validating("bench.handed_off", true);
        try (JourneysSdk sdk = Journeys.configure().trigger(inline).trigger(handedOff).load()) {
            AutomationService automations = sdk.defaultTenant().automations();
            for (Validating t : List.of(inline, handedOff, inline, handedOff)) {
                run(automations, t, warmup / 2);
            }
            double[] a1 = run(automations, inline, seconds / 2);
            double[] b1 = run(automations, handedOff, seconds / 2);
            double[] b2 = run(automations, handedOff, seconds / 2);
            double[] a2 = run(automations, inline, seconds / 2);
            System.out.printf("Plugin validate, one publishing thread, H2 in memory, no automation, %.0f s per side (ABBA)%n",
                    seconds);
            System.out.printf("%-32s %12s %14s %14s%n", "", "events/s", "us per event", "CPU us/event");
            print("validateMayBlock() false: inline", a1, a2);
            print("validateMayBlock() true: pool", b1, b2);
        }
    }

    /** @return events, wall nanos, caller CPU nanos */
    private static double[] run(AutomationService automations, Validating trigger, double seconds) {
        Map<String, Object> attributes = Map.of("status", "paid", "amount", "12.50");
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long cpu0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long n = 0;
        while (System.nanoTime() < end) {
            automations.publish(new TriggerEvent("e-" + ids++, trigger.key(), "contact-1", Instant.now(), attributes));
            n++;
        }
        return new double[] {n, System.nanoTime() - t0, CPU.getCurrentThreadCpuTime() - cpu0};
    }

    private static void print(String label, double[] first, double[] second) {
        double n = first[0] + second[0];
        double nanos = first[1] + second[1];
        System.out.printf("%-32s %,12.0f %14.1f %14.1f%n", label, n * 1e9 / nanos, nanos / 1e3 / n,
                (first[2] + second[2]) / 1e3 / n);
    }
}
