package dev.journeys.samples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ChartsTest {

    private static final List<Charts.Bar> BARS = List.of(
            new Charts.Bar("Enrolled", 400, "#4e79a7"),
            new Charts.Bar("First Referral Sent", 250, "#f28e2b"),
            new Charts.Bar("First Order Received", 0, "#59a14f"),
            new Charts.Bar("Reward Paid", 100, "#e15759"));

    @Test
    void barChartDrawsOneBarPerStageWithItsNumber() {
        Xml svg = Xml.parse(Charts.barChart("Contacts per stage", BARS));

        List<Element> bars = svg.all("//g[@class='bar']");
        assertThat(bars).extracting(b -> b.getAttribute("data-stage"))
                .containsExactly("Enrolled", "First Referral Sent", "First Order Received", "Reward Paid");
        assertThat(bars).extracting(b -> b.getAttribute("data-value")).containsExactly("400", "250", "0", "100");
        assertThat(svg.all("//g[@class='bar']/text[@class='value']")).extracting(Element::getTextContent)
                .containsExactly("400", "250", "0", "100");
        assertThat(svg.one("/root/svg/title").getTextContent()).isEqualTo("Contacts per stage");
    }

    @Test
    void barLengthsAreProportionalToTheCountsAndTheLargestFillsTheWidth() {
        Xml svg = Xml.parse(Charts.barChart("Contacts per stage", BARS));

        List<Double> widths = svg.all("//g[@class='bar']/rect").stream().map(r -> Xml.number(r, "width")).toList();
        double full = widths.get(0);
        assertThat(full).isGreaterThan(200);
        assertThat(widths.get(1)).isCloseTo(full * 250 / 400, within(0.1));
        assertThat(widths.get(2)).isZero();
        assertThat(widths.get(3)).isCloseTo(full * 100 / 400, within(0.1));
        // One row each, top to bottom in stage order.
        List<Double> ys = svg.all("//g[@class='bar']/rect").stream().map(r -> Xml.number(r, "y")).toList();
        assertThat(ys).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void anEmptyJourneyDrawsZeroWidthBarsNotNaN() {
        String svg = Charts.barChart("empty", List.of(new Charts.Bar("A", 0, "#000"), new Charts.Bar("B", 0, "#111")));

        assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(Xml.parse(svg).all("//rect")).extracting(r -> r.getAttribute("width")).containsExactly("0", "0");
    }

    @Test
    void labelsAreEscaped() {
        String svg = Charts.barChart("<Sales & \"Co\">", List.of(new Charts.Bar("Lead <new> & 'hot'", 3, "#000")));

        Xml parsed = Xml.parse(svg);
        assertThat(parsed.one("//g[@class='bar']").getAttribute("data-stage")).isEqualTo("Lead <new> & 'hot'");
        assertThat(parsed.one("/root/svg").getAttribute("aria-label")).isEqualTo("<Sales & \"Co\">");
    }

    @Test
    void funnelStepsCarryReachedAndConversions() {
        Xml svg = Xml.parse(Charts.funnel("Funnel", List.of(
                new Charts.Step("Enrolled", 1000, 1.0, 1.0, "#1"),
                new Charts.Step("First Referral Sent", 600, 0.6, 0.6, "#2"),
                new Charts.Step("First Order Received", 150, 0.25, 0.15, "#3"),
                new Charts.Step("Reward Paid", 3, 0.02, 0.003, "#4"))));

        List<Element> steps = svg.all("//g[@class='funnel-step']");
        assertThat(steps).extracting(s -> s.getAttribute("data-reached")).containsExactly("1000", "600", "150", "3");
        assertThat(steps).extracting(s -> s.getAttribute("data-step-conversion"))
                .containsExactly("1.0000", "0.6000", "0.2500", "0.0200");
        assertThat(svg.all("//g[@class='funnel-step']/text[@class='percent']")).extracting(Element::getTextContent)
                .containsExactly("100%", "60%(60%)", "25%(15%)", "2.0%(0.3%)");
        // Widths follow reached, and every bar is centred on the same axis.
        List<Element> rects = svg.all("//g[@class='funnel-step']/rect");
        double full = Xml.number(rects.get(0), "width");
        assertThat(Xml.number(rects.get(1), "width")).isCloseTo(full * 0.6, within(0.1));
        double centre = Xml.number(rects.get(0), "x") + full / 2;
        for (Element rect : rects) {
            assertThat(Xml.number(rect, "x") + Xml.number(rect, "width") / 2).isCloseTo(centre, within(0.1));
        }
        // A bar too narrow for its number gets the number beside it, not on it.
        assertThat(svg.all("//g[@class='funnel-step']/text[contains(@class,'value')]"))
                .extracting(t -> t.getAttribute("class")).containsExactly("value on-bar", "value on-bar", "value on-bar", "value");
        assertThat(svg.all("//polygon[@class='neck']")).hasSize(3);
    }

    @Test
    void lineChartDrawsOneLinePerSeriesWithAPointPerBucket() {
        Instant start = Instant.parse("2025-06-02T00:00:00Z");
        List<Instant> starts = IntStream.range(0, 10).mapToObj(i -> start.plus(i, ChronoUnit.DAYS)).toList();
        long[] rising = IntStream.range(0, 10).mapToLong(i -> i * 100L).toArray();
        long[] flat = new long[10];
        Xml svg = Xml.parse(Charts.lineChart("Populations", starts, List.of(
                new Charts.Series("Enrolled", "#1", rising), new Charts.Series("Reward Paid", "#2", flat))));

        List<Element> lines = svg.all("//polyline[@class='series']");
        assertThat(lines).extracting(l -> l.getAttribute("data-stage")).containsExactly("Enrolled", "Reward Paid");
        assertThat(lines).extracting(l -> l.getAttribute("data-last")).containsExactly("900", "0");
        List<double[]> points = points(lines.get(0));
        assertThat(points).hasSize(10);
        // x grows left to right, y shrinks as the value grows (SVG's y points down), and 0 sits on the axis.
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i)[0]).isGreaterThan(points.get(i - 1)[0]);
            assertThat(points.get(i)[1]).isLessThan(points.get(i - 1)[1]);
        }
        double axis = Xml.number(svg.one("//line[@class='axis']"), "y1");
        assertThat(points(lines.get(1))).allSatisfy(p -> assertThat(p[1]).isEqualTo(axis));
        // One hover band per bucket with every series' number in its tooltip, and dated labels on the x axis.
        List<Element> bands = svg.all("//rect[@class='hover']");
        assertThat(bands).hasSize(10);
        assertThat(bands.get(3).getTextContent()).contains("2025-06-05", "Enrolled: 300", "Reward Paid: 0");
        assertThat(svg.all("//text[@class='tick']")).extracting(Element::getTextContent).contains("Jun 2", "Jun 11", "1,000");
    }

    @Test
    void lineChartCopesWithOneBucketAndNoData() {
        String one = Charts.lineChart("one", List.of(Instant.EPOCH), List.of(new Charts.Series("A", "#1", new long[] {0})));
        String none = Charts.lineChart("none", List.of(), List.of(new Charts.Series("A", "#1", new long[0])));

        assertThat(one + none).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(points(Xml.parse(one).one("//polyline"))).hasSize(1);
        assertThatThrownBy(() -> Charts.lineChart("bad", List.of(Instant.EPOCH), List.of(new Charts.Series("A", "#1", new long[2]))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void yAxisStepsAreRound() {
        assertThat(Charts.niceStep(0, 4)).isEqualTo(1);
        assertThat(Charts.niceStep(4, 4)).isEqualTo(1);
        assertThat(Charts.niceStep(9, 4)).isEqualTo(5);
        assertThat(Charts.niceStep(1000, 4)).isEqualTo(500);
        assertThat(Charts.niceStep(4715, 4)).isEqualTo(2000);
        assertThat(Charts.niceStep(12_032, 4)).isEqualTo(5000);
    }

    @Test
    void movementBarSplitsTheWidthByKind() {
        Xml svg = Xml.parse(Charts.movementBar(10, 20, 0, 10, 80));

        List<Element> rects = svg.all("//rect");
        assertThat(rects).extracting(r -> r.getAttribute("width")).containsExactly("20", "40", "20");
        assertThat(rects).extracting(r -> r.getAttribute("fill"))
                .containsExactly(Charts.ENTERED, Charts.PROGRESSED, Charts.EXITED);
    }

    private static List<double[]> points(Element polyline) {
        List<double[]> points = new ArrayList<>();
        for (String pair : polyline.getAttribute("points").trim().split(" ")) {
            String[] xy = pair.split(",");
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }
}
