package dev.journeys.jdbc.imports;

import dev.journeys.api.Actor;
import dev.journeys.api.ImportMode;
import dev.journeys.api.ImportRequest;
import dev.journeys.api.ImportSource;
import dev.journeys.api.JourneysSdk;
import dev.journeys.jdbc.Journeys;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The process that {@link ImportCrashTest} kills: imports a file and prints each progress report, so the
 * test knows when batches have been written, then waits to be killed.
 */
public final class CrashingImport {

    public static void main(String[] args) {
        String url = args[0];
        String tenant = args[1];
        ImportMode mode = ImportMode.valueOf(args[2]);
        Path file = Path.of(args[3]);
        JourneysSdk sdk = Journeys.configure().jdbcUrl(url).load();
        sdk.tenant(tenant).imports().run(ImportRequest.of("crash.csv", ImportSource.of(file), Actor.person("crash-test"))
                .mode(mode).batchSize(500).suppressingAutomations()
                .onProgress(p -> {
                    System.out.println("progress " + p.rowsDone());
                    System.out.flush();
                    try {
                        // Slow enough for the test to kill it mid-file, fast enough to get somewhere.
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, Duration.ofNanos(1)));
        System.out.println("finished");
    }
}
