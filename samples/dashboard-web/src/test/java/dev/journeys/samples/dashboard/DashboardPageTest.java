package dev.journeys.samples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.Bucket;
import dev.journeys.api.ConversionTime;
import dev.journeys.api.Funnel;
import dev.journeys.api.Journey;
import dev.journeys.api.JourneyId;
import dev.journeys.api.Movements;
import dev.journeys.api.Populations;
import dev.journeys.api.SourceKind;
import dev.journeys.api.Stage;
import dev.journeys.api.StageCounts;
import dev.journeys.api.StageId;
import dev.journeys.api.StalledContact;
import dev.journeys.api.Stalls;
import dev.journeys.api.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The page as the SDK's answers make it, from hand-made answers: no database. */
class DashboardPageTest {

    private static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");
    private static final JourneyId ID = new JourneyId(7);
    private static final StageId ENROLLED = new StageId(1);
    private static final StageId SENT = new StageId(2);
    private static final StageId ORDER = new StageId(3);
    private static final StageId PAID = new StageId(4);
    private static final Journey REFERRAL = new Journey(ID, "Referral Program", Journey.Kind.CUSTOM, true, false, false,
            List.of(new Stage(ENROLLED, "Enrolled", 0, OptionalInt.of(14)), new Stage(SENT, "First Referral Sent", 1),
                    new Stage(ORDER, "First Order Received", 2, OptionalInt.of(7)), new Stage(PAID, "Reward Paid", 3)),
            3);
    private static final StageCounts COUNTS = new StageCounts(ID, NOW, Map.of(ENROLLED, 120L, SENT, 45L, ORDER, 0L, PAID, 30L));

    @Test
    void stageCountChartHasOneBarPerStageWithTheSdksCounts() {
        Xml svg = Xml.parse(DashboardPage.stageCountChart(REFERRAL, COUNTS));

        List<Element> bars = svg.all("//g[@class='bar']");
        assertThat(bars).extracting(b -> b.getAttribute("data-stage"))
                .containsExactly("Enrolled", "First Referral Sent", "First Order Received", "Reward Paid");
        assertThat(bars).extracting(b -> Long.parseLong(b.getAttribute("data-value"))).containsExactly(120L, 45L, 0L, 30L);
        // Each stage keeps its colour everywhere on the page: the colour of its position.
        assertThat(svg.all("//g[@class='bar']/rect")).extracting(r -> r.getAttribute("fill"))
                .containsExactly(Charts.color(0), Charts.color(1), Charts.color(2), Charts.color(3));
    }

    @Test
    void stageCountsAreReadableByStageName() {
        Xml content = Xml.parse(DashboardPage.content(List.of(panel()), ViewOptions.DEFAULT, SourceNames.NONE, NOW));

        Element section = content.one("//section[@data-journey='Referral Program']");
        assertThat(section.getAttribute("id")).isEqualTo("journey-7");
        assertThat(content.one("//section[@data-journey='Referral Program']//span[@data-stage-count='Enrolled']")
                .getTextContent()).isEqualTo("120");
        assertThat(content.one("//span[@data-stage-count='First Order Received']").getTextContent()).isEqualTo("0");
        assertThat(content.one("//span[@data-journey-total='Referral Program']").getTextContent()).isEqualTo("195");
        assertThat(content.one("//span[@id='as-of']").getAttribute("data-as-of")).isEqualTo(NOW.toString());
    }

    @Test
    void everyCardRendersFromTheSdksRecords() {
        SourceNames names = new SourceNames(Map.of(3L, "Reward paid"), Map.of());
        Xml content = Xml.parse(DashboardPage.content(List.of(panel()), ViewOptions.DEFAULT, names, NOW));

        // Funnel: one step per stage, the SDK's numbers.
        assertThat(content.all("//g[@class='funnel-step']")).extracting(s -> s.getAttribute("data-reached"))
                .containsExactly("200", "80", "40", "30");
        assertThat(text(content, "//p[contains(@class,'conversion')]"))
                .isEqualTo("Enrolled → Reward Paid: 30 contacts, median 12 d, p90 30 d, mean 3 d 12 h");
        // Populations: one line per stage, a point per bucket, the count at each bucket's end.
        List<Element> lines = content.all("//polyline[@class='series']");
        assertThat(lines).extracting(l -> l.getAttribute("data-stage"))
                .containsExactly("Enrolled", "First Referral Sent", "First Order Received", "Reward Paid");
        assertThat(lines).extracting(l -> l.getAttribute("data-last")).containsExactly("120", "45", "0", "30");
        assertThat(lines.get(0).getAttribute("points").split(" ")).hasSize(2);
        assertThat(text(content, "//ul[@class='legend']/li[@data-stage='Enrolled']")).endsWith("+15 / −4");
        // Stalls: counted where a threshold exists, a dash where none does; the oldest listed.
        assertThat(content.one("//span[@data-stalled='Enrolled']").getTextContent()).isEqualTo("12");
        assertThat(content.one("//span[@data-stalled='First Referral Sent']").getTextContent()).isEqualTo("–");
        assertThat(content.all("//table[contains(@class,'oldest')]/tbody/tr/td[1]")).extracting(Element::getTextContent)
                .containsExactly("old@example.com");
        // Movements: by source, largest first, with the named automation.
        List<Element> rows = content.all("//table[@data-movements='7d']/tbody/tr");
        assertThat(rows).extracting(r -> r.getAttribute("data-kind")).containsExactly("AUTOMATION", "MANUAL");
        assertThat(rows.get(0).getTextContent()).contains("Reward paid");
        assertThat(content.all("//table[@data-movements='24h']")).isEmpty(); // nothing in the last day
        assertThat(content.all("//div[@class='error']")).isEmpty();
    }

    @Test
    void aFailingPartShowsItsErrorAndTheRestStillRenders() {
        JourneyPanel ok = panel();
        JourneyPanel broken = new JourneyPanel(ok.journey(), NOW, ok.counts(),
                JourneyPanel.Part.failed("UnsupportedOperationException: not yet"), ok.conversion(), ok.populations(),
                ok.stalls(), ok.oldestStalled(), ok.lastDay(), ok.lastWeek());

        Xml content = Xml.parse(DashboardPage.content(List.of(broken), ViewOptions.DEFAULT, SourceNames.NONE, NOW));

        assertThat(content.one("//div[@class='error']").getTextContent())
                .isEqualTo("Could not read the funnel: UnsupportedOperationException: not yet");
        assertThat(content.one("//span[@data-stage-count='Enrolled']").getTextContent()).isEqualTo("120");
        assertThat(content.all("//polyline[@class='series']")).hasSize(4);
    }

    @Test
    void pickerLinksKeepTheOtherChoicesAndMarkTheCurrentOne() {
        ViewOptions view = ViewOptions.parse("range=90d&bucket=day&order=any");
        Xml content = Xml.parse(DashboardPage.content(List.of(panel()), view, SourceNames.NONE, NOW));

        List<Element> active = content.all("//div[@class='picker']/a[@class='active']");
        assertThat(active).extracting(Element::getTextContent).containsExactly("Any order", "90 days", "by day");
        assertThat(content.one("//div[@class='picker']/a[text()='In order']").getAttribute("href"))
                .isEqualTo("?range=90d&bucket=day&order=ordered#journey-7");
        assertThat(content.one("//div[@class='picker']/a[text()='1 year']").getAttribute("href"))
                .isEqualTo("?range=1y&bucket=week&order=any#journey-7");
    }

    @Test
    void thePageLinksItsOwnAssetsOnlyAndRefreshesItself() {
        String page = DashboardPage.page("default", List.of(panel()), ViewOptions.DEFAULT, SourceNames.NONE, 5, NOW);

        assertThat(page).startsWith("<!DOCTYPE html>")
                .contains("<link rel=\"stylesheet\" href=\"/assets/dashboard.css\">")
                .contains("<script src=\"/assets/dashboard.js\" defer></script>")
                .contains("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>")
                .contains("data-refresh-seconds=\"5\"")
                .doesNotContainPattern("(src|href)=\"(https?:)?//")
                .doesNotContain("style=\"");
        assertThat(DashboardPage.page("default", List.of(), ViewOptions.DEFAULT, SourceNames.NONE, 0, NOW))
                .doesNotContain("dashboard.js").doesNotContain("http-equiv").contains("No journeys yet.");
    }

    @Test
    void viewOptionsFallBackToDefaults() {
        assertThat(ViewOptions.parse(null)).isEqualTo(ViewOptions.DEFAULT);
        assertThat(ViewOptions.parse("range=5y&bucket=century&order=sideways")).isEqualTo(ViewOptions.DEFAULT);
        assertThat(ViewOptions.parse("range=1y")).isEqualTo(new ViewOptions(ViewOptions.Range.YEAR, Bucket.WEEK,
                Funnel.Order.ORDERED));
        assertThat(ViewOptions.parse("range=7d&bucket=week&order=any&partial=1").toQuery())
                .isEqualTo("range=7d&bucket=week&order=any");
        assertThat(ViewOptions.query("contact=a%40b.com&stage=First+Order+Received&x"))
                .containsEntry("contact", "a@b.com").containsEntry("stage", "First Order Received").containsEntry("x", "");
    }

    @Test
    void sourcesAreNamed() {
        SourceNames names = new SourceNames(Map.of(3L, "Reward paid"), Map.of(1L, "referral-history.csv"));

        assertThat(names.label("AUTOMATION", "3")).isEqualTo("Reward paid");
        assertThat(names.label("AUTOMATION", "9")).isEqualTo("automation #9");
        assertThat(names.label("IMPORT", "1")).isEqualTo("job #1 · referral-history.csv");
        assertThat(names.label("MANUAL", "signup-form")).isEqualTo("signup-form");
        assertThat(names.label("UNDO", "1")).isEqualTo("undo of job #1");
    }

    @Test
    void durationsAndNumbersReadWell() {
        assertThat(Html.duration(Duration.ofMinutes(45))).isEqualTo("45 min");
        assertThat(Html.duration(Duration.ofHours(5))).isEqualTo("5 h");
        assertThat(Html.duration(Duration.ofHours(76))).isEqualTo("3 d 4 h");
        assertThat(Html.duration(Duration.ofDays(41).plusHours(3))).isEqualTo("41 d");
        assertThat(Html.count(12_345)).isEqualTo("12,345");
        assertThat(Html.percent(0.6123)).isEqualTo("61%");
        assertThat(Html.percent(0.041)).isEqualTo("4.1%");
        assertThat(Html.percent(0)).isEqualTo("0%");
    }

    /** A panel as the SDK would answer for {@link #REFERRAL}. */
    private static JourneyPanel panel() {
        Funnel funnel = new Funnel(ID, Funnel.Order.ORDERED, Optional.empty(), 200, List.of(
                new Funnel.Step(ENROLLED, 200, 1.0, 1.0), new Funnel.Step(SENT, 80, 0.4, 0.4),
                new Funnel.Step(ORDER, 40, 0.5, 0.2), new Funnel.Step(PAID, 30, 0.75, 0.15)));
        ConversionTime conversion = new ConversionTime(ID, ENROLLED, PAID, Optional.empty(), 30,
                Optional.of(Duration.ofDays(12)), Optional.of(Duration.ofDays(30)), Optional.of(Duration.ofHours(84)));
        Instant day1 = Instant.parse("2025-06-29T00:00:00Z");
        Instant day2 = Instant.parse("2025-06-30T00:00:00Z");
        Populations populations = new Populations(ID, Bucket.DAY, TimeRange.of(day1, day2.plus(Duration.ofDays(1))), List.of(
                new Populations.Point(day1, day2, Map.of(
                        ENROLLED, new Populations.StagePopulation(110, 10, 2), SENT, new Populations.StagePopulation(44, 2, 1),
                        ORDER, new Populations.StagePopulation(1, 1, 0), PAID, new Populations.StagePopulation(29, 0, 0))),
                new Populations.Point(day2, day2.plus(Duration.ofDays(1)), Map.of(
                        ENROLLED, new Populations.StagePopulation(120, 5, 2), SENT, new Populations.StagePopulation(45, 2, 1),
                        ORDER, new Populations.StagePopulation(0, 0, 1), PAID, new Populations.StagePopulation(30, 1, 0)))));
        Stalls stalls = new Stalls(ID, NOW, List.of(
                new Stalls.StageStall(ENROLLED, 120, Optional.of(Duration.ofDays(14)), 12, Optional.of(Duration.ofDays(4))),
                new Stalls.StageStall(SENT, 45, Optional.empty(), 0, Optional.of(Duration.ofDays(9))),
                new Stalls.StageStall(ORDER, 0, Optional.of(Duration.ofDays(7)), 0, Optional.empty()),
                new Stalls.StageStall(PAID, 30, Optional.empty(), 0, Optional.of(Duration.ofDays(40)))));
        List<StalledContact> oldest = List.of(new StalledContact("old@example.com", ENROLLED,
                NOW.minus(Duration.ofDays(60)), Duration.ofDays(60)));
        TimeRange week = TimeRange.of(NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(1));
        Movements lastWeek = new Movements(ID, week, List.of(
                new Movements.BySource(SourceKind.MANUAL, "signup-form", 5, 0, 0, 0),
                new Movements.BySource(SourceKind.AUTOMATION, "3", 0, 9, 0, 0)));
        Movements lastDay = new Movements(ID, TimeRange.of(NOW.minus(Duration.ofDays(1)), NOW.plusSeconds(1)), List.of());
        return new JourneyPanel(REFERRAL, NOW, JourneyPanel.Part.of(COUNTS), JourneyPanel.Part.of(funnel),
                JourneyPanel.Part.of(conversion), JourneyPanel.Part.of(populations), JourneyPanel.Part.of(stalls),
                JourneyPanel.Part.of(oldest), JourneyPanel.Part.of(lastDay), JourneyPanel.Part.of(lastWeek));
    }

    private static String text(Xml xml, String xpath) {
        return xml.one(xpath).getTextContent().strip();
    }
}
