package dev.journeys.samples.dashboard;

import dev.journeys.api.ImportReport;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneysSdk;
import dev.journeys.jdbc.Journeys;
import dev.journeys.jdbc.JourneysConfiguration;
import dev.journeys.spi.TriggerPlugin;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * A web dashboard over a referral program: starts the SDK on embedded H2 in memory, seeds months of history
 * by a backfilled CSV import, keeps live events flowing through automations, and serves the dashboard page.
 *
 * <p>Run it from the repository root, then open the URL it prints:
 * <pre>{@code mvn -q -pl samples/dashboard-web -am package exec:java -DskipTests}</pre>
 *
 * System properties (add {@code -Dname=value} to the command):
 * <ul>
 *   <li>{@code journeys.dashboard.port}: default 8080; 0 picks a free port;</li>
 *   <li>{@code journeys.dashboard.host}: default the loopback interface; {@code 0.0.0.0} for every interface;</li>
 *   <li>{@code journeys.dashboard.contacts}: advocates in the seeded history, default 12000;</li>
 *   <li>{@code journeys.dashboard.days}: days of seeded history, default 365;</li>
 *   <li>{@code journeys.dashboard.refresh}: seconds between the page's live refreshes, default 5; 0 for none;</li>
 *   <li>{@code journeys.dashboard.live}: default true; false stops the live trickle of events.</li>
 * </ul>
 */
public final class DashboardApp {

    private DashboardApp() {
    }

    /** What {@link #seed} set up. */
    public record Seeded(ReferralProgram program, HistorySeed.Generated history, ImportReport report) {
    }

    /** The SDK configured for the dashboard: embedded H2 in memory and the program's trigger plugin. */
    public static JourneysConfiguration configure() {
        JourneysConfiguration configuration = Journeys.configure();
        for (TriggerPlugin trigger : ReferralTriggers.all()) {
            configuration = configuration.trigger(trigger);
        }
        return configuration;
    }

    /** Defines the program in the tenant and imports {@code days} of history for {@code contacts} advocates. */
    public static Seeded seed(JourneyService journeys, int contacts, int days, Instant now, long seed) {
        ReferralProgram program = ReferralProgram.define(journeys);
        HistorySeed.Generated history = HistorySeed.generate(contacts, days, now, seed);
        ImportReport report = HistorySeed.importInto(journeys, history);
        return new Seeded(program, history, report);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = Integer.getInteger("journeys.dashboard.port", 8080);
        String host = System.getProperty("journeys.dashboard.host");
        int contacts = Integer.getInteger("journeys.dashboard.contacts", 12_000);
        int days = Integer.getInteger("journeys.dashboard.days", 365);
        int refresh = Integer.getInteger("journeys.dashboard.refresh", 5);
        boolean live = Boolean.parseBoolean(System.getProperty("journeys.dashboard.live", "true"));

        JourneysSdk sdk = configure().load();
        JourneyService journeys = sdk.defaultTenant();
        System.out.printf(Locale.ROOT, "Seeding %,d advocates over %d days of history (backfilled CSV import)...%n",
                contacts, days);
        long started = System.nanoTime();
        Seeded seeded = seed(journeys, contacts, days, Instant.now(), 2025L);
        ImportReport report = seeded.report();
        System.out.printf(Locale.ROOT, "Imported %,d of %,d moves in %.1f s (%s, %,d rejected).%n",
                report.movesCommitted(), seeded.history().rows(), (System.nanoTime() - started) / 1e9,
                report.outcome(), report.rejected());

        LiveTraffic traffic = new LiveTraffic(journeys, seeded.program(), seeded.history().contacts(), 7L);
        if (live) {
            traffic.start(Duration.ofSeconds(1));
        }
        DashboardServer server;
        try {
            server = DashboardServer.start(journeys,
                    host == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host), port, refresh);
        } catch (BindException e) {
            traffic.close();
            sdk.close();
            System.err.println("Port " + port + " is in use: pick another with -Djourneys.dashboard.port=8081 (0 for any).");
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            traffic.close();
            sdk.close();
            stopped.countDown();
        }, "dashboard-shutdown"));
        System.out.println();
        System.out.println("Journeys dashboard: " + server.url());
        System.out.println(live ? "Live events every second through " + List.of(ReferralTriggers.INVITE_SENT,
                ReferralTriggers.ORDER_RECEIVED, ReferralTriggers.REWARD_PAID, ReferralTriggers.ADVOCATE_ACTIVITY)
                + " automations. Ctrl-C stops." : "No live events. Ctrl-C stops.");
        stopped.await();
    }
}
