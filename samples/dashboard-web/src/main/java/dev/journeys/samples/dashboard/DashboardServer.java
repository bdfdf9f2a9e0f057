package dev.journeys.samples.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.journeys.api.Actor;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.MoveOutcome;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import dev.journeys.api.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's web server, on the JDK's own {@link HttpServer}: no framework, no CDN, every asset served
 * from the jar.
 *
 * <ul>
 *   <li>{@code GET /}: the page; {@code ?range=7d|30d|90d|1y&bucket=day|week&order=ordered|any} pick the view,
 *       and {@code &partial=1} answers with just the inside of {@code <main>}, for the live refresh;</li>
 *   <li>{@code GET /assets/...}: the stylesheet, the refresh script and the icon;</li>
 *   <li>{@code POST /api/move} with form fields {@code contact}, {@code journey} (name or id) and {@code stage}
 *       (name or id; none takes the contact out): a manual move on behalf of {@code dashboard-api}, answered
 *       in JSON;</li>
 *   <li>{@code GET /healthz}: {@code ok}.</li>
 * </ul>
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final Map<String, String> ASSETS = Map.of(
            "dashboard.css", "text/css; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8",
            "favicon.svg", "image/svg+xml");
    /** Nothing from anywhere else, ever: a page that tried to load from a CDN would show it in the console. */
    private static final String CSP = "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'";

    private final JourneyService journeys;
    private final int refreshSeconds;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService workers;

    private DashboardServer(JourneyService journeys, InetSocketAddress address, int refreshSeconds, Clock clock)
            throws IOException {
        this.journeys = journeys;
        this.refreshSeconds = refreshSeconds;
        this.clock = clock;
        this.server = HttpServer.create(address, 0);
        this.workers = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "dashboard-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::page);
        server.createContext("/assets/", this::asset);
        server.createContext("/favicon.ico", exchange -> redirect(exchange, "/assets/favicon.svg"));
        server.createContext("/api/move", this::move);
        server.createContext("/healthz", exchange -> send(exchange, 200, "text/plain; charset=utf-8", "ok"));
    }

    /**
     * Starts serving {@code journeys} on {@code host:port}; port 0 picks a free one.
     *
     * @param refreshSeconds how often the page refreshes itself; 0 for never
     */
    public static DashboardServer start(JourneyService journeys, InetAddress host, int port, int refreshSeconds)
            throws IOException {
        DashboardServer dashboard = new DashboardServer(journeys, new InetSocketAddress(host, port), refreshSeconds,
                Clock.systemUTC());
        dashboard.server.start();
        return dashboard;
    }

    /** On the loopback interface only. */
    public static DashboardServer start(JourneyService journeys, int port, int refreshSeconds) throws IOException {
        return start(journeys, InetAddress.getLoopbackAddress(), port, refreshSeconds);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://localhost:PORT/}. */
    public URI url() {
        return URI.create("http://localhost:" + port() + "/");
    }

    /** The journeys the page shows: not archived; sequenced ones first, then by name. */
    List<Journey> shownJourneys() {
        List<Journey> shown = new ArrayList<>(journeys.journeys());
        shown.removeIf(Journey::archived);
        shown.sort(Comparator.comparing((Journey j) -> !j.requiresSequence()).thenComparing(Journey::name,
                String.CASE_INSENSITIVE_ORDER));
        return shown;
    }

    /** The page, or only its content, for the view named by the raw query string. */
    String render(String rawQuery) {
        Map<String, String> params = ViewOptions.query(rawQuery);
        ViewOptions view = ViewOptions.parse(rawQuery);
        Instant now = clock.instant();
        List<JourneyPanel> panels = new ArrayList<>();
        for (Journey journey : shownJourneys()) {
            panels.add(JourneyPanel.load(journeys, journey, view, now));
        }
        SourceNames names = SourceNames.of(journeys);
        return "1".equals(params.get("partial"))
                ? DashboardPage.content(panels, view, names, now)
                : DashboardPage.page(journeys.tenant(), panels, view, names, refreshSeconds, now);
    }

    private void page(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"/".equals(path)) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found: " + path);
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain; charset=utf-8", "GET only");
                return;
            }
            String html;
            try {
                long started = System.nanoTime();
                html = render(exchange.getRequestURI().getRawQuery());
                LOG.debug("rendered {} in {} ms", exchange.getRequestURI(), (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("the dashboard failed", e);
                send(exchange, 500, "text/html; charset=utf-8", "<!DOCTYPE html><title>Dashboard error</title><pre>"
                        + Html.esc(e.toString()) + "</pre>");
                return;
            }
            send(exchange, 200, "text/html; charset=utf-8", html);
        }
    }

    private void asset(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/assets/".length());
            String type = ASSETS.get(name);
            if (type == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found: " + name);
                return;
            }
            byte[] body;
            try (InputStream in = DashboardServer.class.getResourceAsStream("/dashboard-web/assets/" + name)) {
                if (in == null) {
                    send(exchange, 404, "text/plain; charset=utf-8", "not found: " + name);
                    return;
                }
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Cache-Control", "max-age=60");
            send(exchange, 200, type, body);
        }
    }

    private void move(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                send(exchange, 405, "application/json", "{\"error\":\"POST only\"}");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = ViewOptions.query(body);
            String contact = form.getOrDefault("contact", "").strip();
            if (contact.isEmpty()) {
                send(exchange, 400, "application/json", "{\"error\":\"contact is required\"}");
                return;
            }
            Optional<Journey> journey = findJourney(form.getOrDefault("journey", ""));
            if (journey.isEmpty()) {
                send(exchange, 404, "application/json", "{\"error\":" + json("no journey " + form.get("journey")) + "}");
                return;
            }
            String stageText = form.getOrDefault("stage", "").strip();
            Optional<Stage> stage = stageText.isEmpty() ? Optional.empty() : findStage(journey.get(), stageText);
            if (!stageText.isEmpty() && stage.isEmpty()) {
                send(exchange, 404, "application/json", "{\"error\":" + json("no stage " + stageText) + "}");
                return;
            }
            Actor source = Actor.person("dashboard-api");
            MoveRequest request = stage.isPresent()
                    ? MoveRequest.to(contact, journey.get().id(), stage.get().id(), source)
                    : MoveRequest.exit(contact, journey.get().id(), source);
            MoveOutcome outcome;
            try {
                outcome = journeys.move(request);
            } catch (RuntimeException e) {
                send(exchange, 400, "application/json", "{\"error\":" + json(e.getMessage()) + "}");
                return;
            }
            String answer;
            if (outcome instanceof MoveOutcome.Moved moved) {
                answer = "{\"outcome\":\"MOVED\",\"contact\":" + json(contact) + ",\"journey\":" + json(journey.get().name())
                        + ",\"to\":" + json(stage.map(Stage::name).orElse(null)) + ",\"transition\":"
                        + moved.transition().id() + "}";
            } else if (outcome instanceof MoveOutcome.Rejected rejected) {
                answer = "{\"outcome\":\"REJECTED\",\"code\":" + json(rejected.reason().code().name()) + "}";
            } else {
                answer = "{\"outcome\":\"UNCHANGED\"}";
            }
            send(exchange, outcome instanceof MoveOutcome.Rejected ? 409 : 200, "application/json", answer);
        }
    }

    private Optional<Journey> findJourney(String text) {
        String wanted = text.strip();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        Optional<Journey> byName = journeys.journeyNamed(wanted);
        if (byName.isPresent()) {
            return byName;
        }
        return parseId(wanted).flatMap(id -> journeys.journey(new dev.journeys.api.JourneyId(id)));
    }

    private static Optional<Stage> findStage(Journey journey, String text) {
        Optional<Stage> byName = journey.stageNamed(text);
        return byName.isPresent() ? byName
                : parseId(text).flatMap(id -> journey.stage(new dev.journeys.api.StageId(id)));
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(301, -1);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (!exchange.getResponseHeaders().containsKey("Cache-Control")) {
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
        }
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A JSON string literal, or {@code null}. */
    static String json(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
