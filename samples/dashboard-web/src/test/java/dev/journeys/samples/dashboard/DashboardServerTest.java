package dev.journeys.samples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.SourceKind;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.Movements;
import dev.journeys.api.TimeRange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server over a real SDK on H2 with a small seeded program, through plain HTTP. */
class DashboardServerTest {

    private static JourneysSdk sdk;
    private static JourneyService journeys;
    private static DashboardApp.Seeded seeded;
    private static DashboardServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        sdk = DashboardApp.configure().load();
        journeys = sdk.defaultTenant();
        seeded = DashboardApp.seed(journeys, 300, 120, Instant.now(), 9);
        server = DashboardServer.start(journeys, 0, 5);
    }

    @AfterAll
    static void stop() {
        server.close();
        sdk.close();
    }

    @Test
    void thePageShowsEveryJourneyWithTheSdksCounts() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'self'"));
        assertThat(page.body()).contains("data-journey=\"Referral Program\"", "data-journey=\"Advocacy\"")
                .doesNotContain("class=\"error\"");
        // Sequenced journeys first.
        assertThat(page.body().indexOf("data-journey=\"Referral Program\""))
                .isLessThan(page.body().indexOf("data-journey=\"Advocacy\""));
        var referral = seeded.program().referral();
        for (var stage : referral.stages()) {
            assertThat(count(page.body(), stage.name())).as(stage.name())
                    .isEqualTo(journeys.stageCounts(referral.id()).get(stage.id()));
        }
        // Every view renders.
        for (String query : new String[] {"range=7d", "range=90d&bucket=day", "range=1y&bucket=week&order=any"}) {
            HttpResponse<String> view = get("/?" + query);
            assertThat(view.statusCode()).as(query).isEqualTo(200);
            assertThat(view.body()).as(query).doesNotContain("class=\"error\"");
        }
    }

    @Test
    void thePartialPageIsTheContentOfMainOnly() throws Exception {
        HttpResponse<String> partial = get("/?range=7d&partial=1");

        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(partial.body()).startsWith("<nav class=\"journeys\">").doesNotContain("<html", "<main");
        Xml.parse(partial.body()); // well-formed, so innerHTML takes it as is
    }

    @Test
    void assetsComeFromTheJar() throws Exception {
        assertThat(get("/assets/dashboard.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(get("/assets/dashboard.js").body()).contains("partial");
        assertThat(get("/assets/favicon.svg").statusCode()).isEqualTo(200);
        assertThat(get("/favicon.ico").headers().firstValue("Location")).hasValue("/assets/favicon.svg");
        assertThat(get("/assets/nope.js").statusCode()).isEqualTo(404);
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        assertThat(get("/healthz").body()).isEqualTo("ok");
    }

    @Test
    void theMoveEndpointMovesAContactAndThePageFollows() throws Exception {
        long before = count(get("/").body(), "Enrolled");

        HttpResponse<String> moved = post("contact", "api-test@example.com", "journey", "Referral Program", "stage", "Enrolled");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).startsWith("{\"outcome\":\"MOVED\",\"contact\":\"api-test@example.com\"");
        assertThat(count(get("/").body(), "Enrolled")).isEqualTo(before + 1);

        HttpResponse<String> skip = post("contact", "api-test@example.com", "journey", "Referral Program", "stage", "Reward Paid");
        assertThat(skip.statusCode()).isEqualTo(409);
        assertThat(skip.body()).isEqualTo("{\"outcome\":\"REJECTED\",\"code\":\"OUT_OF_SEQUENCE\"}");
        assertThat(post("contact", "api-test@example.com", "journey", "Referral Program", "stage", "Enrolled").body())
                .isEqualTo("{\"outcome\":\"UNCHANGED\"}");
        assertThat(post("contact", "api-test@example.com", "journey", "Referral Program").statusCode()).isEqualTo(200); // exit
        assertThat(count(get("/").body(), "Enrolled")).isEqualTo(before);

        assertThat(post("contact", "x", "journey", "No Such Journey", "stage", "Enrolled").statusCode()).isEqualTo(404);
        assertThat(post("contact", "x", "journey", "Referral Program", "stage", "Nope").statusCode()).isEqualTo(404);
        assertThat(post("journey", "Referral Program", "stage", "Enrolled").statusCode()).isEqualTo(400);
        assertThat(get("/api/move").statusCode()).isEqualTo(405);
    }

    @Test
    void liveTrafficMovesContactsThroughAutomationsAndByHand() {
        LiveTraffic traffic = new LiveTraffic(journeys, seeded.program(), seeded.history().contacts(), 1);
        Instant from = Instant.now().minusSeconds(1);
        for (int i = 0; i < 40; i++) {
            traffic.tick();
        }

        Movements movements = journeys.dashboard().movements(seeded.program().referral().id(),
                TimeRange.of(from, Instant.now().plusSeconds(1)));
        assertThat(movements.sources()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(SourceKind.AUTOMATION);
            assertThat(s.progressed()).isPositive();
        });
        assertThat(movements.sources()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(SourceKind.MANUAL);
            assertThat(s.ref()).isEqualTo("signup-form");
            assertThat(s.entered()).isPositive();
        });
        assertThat(journeys.automations().problems()).isEmpty();
    }

    /** The number in {@code <span data-stage-count="stage">} of the Referral Program section. */
    static long count(String html, String stage) {
        int section = html.indexOf("data-journey=\"Referral Program\"");
        Matcher m = Pattern.compile("data-stage-count=\"" + Pattern.quote(stage) + "\"[^>]*>(\\d+)</span>")
                .matcher(html);
        assertThat(m.find(section)).as("count of " + stage).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String... fields) throws Exception {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&").append(fields[i]).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/move"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
