package dev.journeys.samples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.journeys.api.Actor;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.MoveRequest;
import dev.journeys.api.MoveSource;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's headless Chromium driven through Debian's chromedriver. The page
 * loads without a console error, follows a move made through the API by its live refresh and after a reload,
 * and leaves a screenshot in {@code target/dashboard.png}.
 *
 * <p>Without chromium and chromedriver this test fails and says how to install them; {@code
 * -Djourneys.skipBrowser=true} skips it instead. {@code -Djourneys.chromium=PATH} and {@code
 * -Djourneys.chromedriver=PATH} point to binaries that are not on the PATH.
 */
class DashboardBrowserTest {

    private static final String REFERRAL = "section[data-journey='Referral Program']";

    @Test
    void thePageLoadsCleanlyAndFollowsMovesLive() throws Exception {
        Browser browser = Browser.find();
        try (JourneysSdk sdk = DashboardApp.configure().load()) {
            JourneyService journeys = sdk.defaultTenant();
            DashboardApp.Seeded seeded = DashboardApp.seed(journeys, 400, 120, Instant.now(), 17);
            Journey referral = seeded.program().referral();
            try (DashboardServer server = DashboardServer.start(journeys, 0, 1)) {
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(browser.driver().toFile()).usingAnyFreePort().build();
                ChromeOptions options = new ChromeOptions();
                options.setBinary(browser.chromium().toFile());
                options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--no-first-run", "--disable-extensions", "--window-size=1400,1000");
                LoggingPreferences logging = new LoggingPreferences();
                logging.enable(LogType.BROWSER, Level.ALL);
                options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
                WebDriver driver = new ChromeDriver(service, options);
                try {
                    driver.get(server.url().toString());
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
                    wait.until(d -> !d.findElements(By.cssSelector(REFERRAL + " [data-stage-count='Enrolled']")).isEmpty());
                    assertThat(driver.getTitle()).isEqualTo("Journeys dashboard");
                    // Every stage's number on the page is the SDK's.
                    for (var stage : referral.stages()) {
                        assertThat(count(driver, stage.name())).as(stage.name())
                                .isEqualTo(journeys.stageCounts(referral.id()).get(stage.id()));
                    }
                    assertThat(driver.findElements(By.cssSelector("svg.bar-chart g.bar"))).hasSize(
                            referral.stages().size() + seeded.program().advocacy().stages().size());
                    assertThat(driver.findElements(By.cssSelector(".error"))).isEmpty();

                    // A move through the API: the live refresh shows it without a reload.
                    long enrolled = count(driver, "Enrolled");
                    journeys.move(MoveRequest.to("browser-test@example.com", referral.id(),
                            seeded.program().referralStage(ReferralProgram.ENROLLED), Actor.person("browser-test")))
                            .orThrow();
                    wait.until(d -> count(d, "Enrolled") == enrolled + 1);
                    assertThat(driver.findElement(By.id("live-status")).getDomAttribute("data-state")).isEqualTo("live");

                    // A move through the page's HTTP endpoint, then a reload.
                    long sent = count(driver, "First Referral Sent");
                    assertThat(postMove(server, "browser-test@example.com", ReferralProgram.FIRST_REFERRAL_SENT))
                            .contains("\"outcome\":\"MOVED\"");
                    driver.navigate().refresh();
                    wait.until(d -> !d.findElements(By.cssSelector(REFERRAL + " [data-stage-count='Enrolled']")).isEmpty());
                    assertThat(count(driver, "First Referral Sent")).isEqualTo(sent + 1);
                    assertThat(count(driver, "Enrolled")).isEqualTo(enrolled);

                    // Another view, then the console: nothing went wrong on any of it.
                    driver.get(server.url() + "?range=1y&bucket=week&order=any");
                    wait.until(d -> !d.findElements(By.cssSelector(REFERRAL + " polyline.series")).isEmpty());
                    driver.get(server.url().toString());
                    wait.until(d -> !d.findElements(By.cssSelector(REFERRAL + " [data-stage-count='Enrolled']")).isEmpty());
                    Thread.sleep(1500); // one more live refresh
                    List<LogEntry> problems = problems(driver);
                    assertThat(problems).as("browser console errors and warnings").isEmpty();
                    // And the console is really being read: an error of our own shows up.
                    ((JavascriptExecutor) driver).executeScript("console.error('dashboard-test-probe')");
                    assertThat(problems(driver)).anySatisfy(e -> assertThat(e.getMessage()).contains("dashboard-test-probe"));

                    screenshot(driver, Path.of(System.getProperty("basedir", "."), "target", "dashboard.png"));
                } finally {
                    driver.quit();
                }
            }
        }
    }

    /**
     * The number the page shows for a stage, read in one script call: the live refresh replaces the table, and
     * an element found before a refresh and read after it is stale (a CI run failed so).
     */
    private static long count(WebDriver driver, String stage) {
        String selector = REFERRAL + " [data-stage-count='" + stage + "']";
        Object text = ((JavascriptExecutor) driver).executeScript(
                "const e = document.querySelector(arguments[0]); return e === null ? null : e.textContent;", selector);
        if (text == null) {
            throw new NoSuchElementException("no " + selector + " on the page");
        }
        return Long.parseLong(text.toString().strip());
    }

    private static List<LogEntry> problems(WebDriver driver) {
        List<LogEntry> found = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER).getAll()) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                found.add(entry);
            }
        }
        return found;
    }

    private static String postMove(DashboardServer server, String contact, String stage) throws Exception {
        String form = "contact=" + URLEncoder.encode(contact, StandardCharsets.UTF_8) + "&journey="
                + URLEncoder.encode(ReferralProgram.REFERRAL, StandardCharsets.UTF_8) + "&stage="
                + URLEncoder.encode(stage, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "api/move"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The whole page: the window grown to the page's height first. */
    private static void screenshot(WebDriver driver, Path target) throws Exception {
        Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(1400, Math.min(height.intValue() + 40, 6000)));
        Thread.sleep(300);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }

    /** Debian's chromium and chromedriver, found on the PATH or named by system properties. */
    private record Browser(Path chromium, Path driver) {

        static Browser find() {
            if (Boolean.getBoolean("journeys.skipBrowser")) {
                Assumptions.abort("browser test skipped: -Djourneys.skipBrowser=true");
            }
            Optional<Path> chromium = binary("journeys.chromium", "chromium", "chromium-browser", "google-chrome");
            Optional<Path> driver = binary("journeys.chromedriver", "chromedriver");
            if (chromium.isEmpty() || driver.isEmpty()) {
                String missing = chromium.isEmpty() && driver.isEmpty() ? "neither chromium nor chromedriver is"
                        : chromium.isEmpty() ? "chromium is not" : "chromedriver is not";
                fail("DashboardBrowserTest needs headless Chromium and chromedriver, and " + missing
                        + " on the PATH. Install them with "
                        + "'apt-get install -y chromium chromium-driver' (.ci/run does), name them with "
                        + "-Djourneys.chromium=PATH -Djourneys.chromedriver=PATH, or skip this test with "
                        + "-Djourneys.skipBrowser=true.");
            }
            return new Browser(chromium.get(), driver.get());
        }

        private static Optional<Path> binary(String property, String... names) {
            String named = System.getProperty(property);
            if (named != null && !named.isBlank()) {
                Path path = Path.of(named);
                if (!Files.isExecutable(path)) {
                    fail("-D" + property + "=" + named + " is not an executable file");
                }
                return Optional.of(path);
            }
            String pathVariable = Optional.ofNullable(System.getenv("PATH")).orElse("");
            return Stream.of(names)
                    .flatMap(name -> Stream.of(pathVariable.split(File.pathSeparator))
                            .filter(dir -> !dir.isBlank())
                            .map(dir -> Path.of(dir, name)))
                    .filter(Files::isExecutable)
                    .findFirst();
        }
    }
}
