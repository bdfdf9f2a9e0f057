package dev.journeys.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * What one bench run measures, read from system properties so that a quick run is one flag away.
 *
 * @param seconds measured time per side (SDK or raw) of each cell, split into two halves run ABBA
 * @param contactsPerThread each thread owns its contacts, so threads never contend on a row
 * @param quietWaitSeconds how long to wait before each measurement for other processes to leave the CPU alone
 */
record BenchSettings(
        List<String> databases,
        List<Integer> threads,
        double seconds,
        double warmupSeconds,
        int contactsPerThread,
        int lookupContacts,
        int startupRuns,
        double quietWaitSeconds,
        String postgresUrl) {

    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/journeys_bench?user=postgres";

    static BenchSettings fromSystemProperties() {
        String pg = System.getenv("JOURNEYS_BENCH_POSTGRES_URL");
        return new BenchSettings(
                list("bench.databases", "h2mem,h2file,postgres"),
                list("bench.threads", "1,8").stream().map(Integer::valueOf).toList(),
                Double.parseDouble(System.getProperty("bench.duration", "10")),
                Double.parseDouble(System.getProperty("bench.warmup", "5")),
                Integer.getInteger("bench.contacts", 256),
                Integer.getInteger("bench.lookupContacts", 10_000),
                Integer.getInteger("bench.startupRuns", 5),
                Double.parseDouble(System.getProperty("bench.quietWait", "120")),
                pg == null || pg.isBlank() ? DEFAULT_POSTGRES_URL : pg);
    }

    private static List<String> list(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
