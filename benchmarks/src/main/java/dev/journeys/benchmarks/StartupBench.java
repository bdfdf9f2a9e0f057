package dev.journeys.benchmarks;

import dev.journeys.api.JourneysSdk;
import dev.journeys.jdbc.Journeys;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SDK start time on embedded H2 in memory, schema migrations included. Run as its own JVM so the start
 * is truly the first one: nothing loaded, nothing compiled. {@link #inFreshJvms} launches it.
 */
public final class StartupBench {

    record Sample(double loadMs, double jvmToReadyMs, double processMs) {
    }

    private StartupBench() {
    }

    public static void main(String[] args) {
        long begin = System.nanoTime();
        try (JourneysSdk sdk = Journeys.configure().load()) {
            long loaded = System.nanoTime();
            long readyAt = System.currentTimeMillis();
            sdk.defaultTenant();
            // Asked for after the clock stops: the management classes take time of their own to load.
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.printf("startup load_ms=%.1f jvm_to_ready_ms=%d%n", (loaded - begin) / 1e6, readyAt - jvmStart);
        }
    }

    /** Runs this class {@code runs} times, each in a new JVM on the same java and class path as this one. */
    static List<Sample> inFreshJvms(int runs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long begin = System.nanoTime();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), StartupBench.class.getName())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String line;
            String result = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("startup ")) {
                        result = line;
                    }
                }
            }
            if (p.waitFor() != 0 || result == null) {
                throw new IllegalStateException("startup run " + i + " failed with exit code " + p.exitValue());
            }
            double processMs = (System.nanoTime() - begin) / 1e6;
            samples.add(new Sample(value(result, "load_ms"), value(result, "jvm_to_ready_ms"), processMs));
        }
        return samples;
    }

    private static double value(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return Double.parseDouble(part.substring(key.length() + 1));
            }
        }
        throw new IllegalStateException("no " + key + " in " + line);
    }
}
