package dev.journeys.samples.dashboard;

import static dev.journeys.samples.dashboard.Html.count;
import static dev.journeys.samples.dashboard.Html.esc;

import dev.journeys.api.Bucket;
import dev.journeys.api.ConversionTime;
import dev.journeys.api.Funnel;
import dev.journeys.api.Journey;
import dev.journeys.api.Movements;
import dev.journeys.api.Populations;
import dev.journeys.api.Stage;
import dev.journeys.api.StageCounts;
import dev.journeys.api.StageId;
import dev.journeys.api.StalledContact;
import dev.journeys.api.Stalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard page, rendered on the server: plain HTML with inline SVG charts, one section per journey.
 * The page's own script replaces {@code <main>} with {@link #content} every few seconds; without script, a
 * {@code <meta http-equiv="refresh">} reloads the page instead.
 *
 * <p>Stable hooks for tests and scripts: each journey is a {@code section[data-journey="name"]}, and each
 * stage's current count is the text of a {@code span[data-stage-count="stage name"]} inside it.
 */
public final class DashboardPage {

    private DashboardPage() {
    }

    /** The whole page. */
    public static String page(String tenant, List<JourneyPanel> panels, ViewOptions view, SourceNames names,
                              int refreshSeconds, Instant now) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Journeys dashboard</title>\n")
                .append("<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/dashboard.css\">\n");
        if (refreshSeconds > 0) {
            html.append("<script src=\"/assets/dashboard.js\" defer></script>\n")
                    .append("<noscript><meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("\"></noscript>\n");
        }
        html.append("</head>\n<body data-refresh-seconds=\"").append(refreshSeconds).append("\">\n")
                .append("<header class=\"top\"><div class=\"brand\">")
                .append("<svg class=\"logo\" xmlns=\"http://www.w3.org/2000/svg\" width=\"22\" height=\"22\" viewBox=\"0 0 22 22\"")
                .append(" aria-hidden=\"true\"><rect x=\"1\" y=\"13\" width=\"5\" height=\"8\" rx=\"1\" fill=\"#4e79a7\"/>")
                .append("<rect x=\"8.5\" y=\"8\" width=\"5\" height=\"13\" rx=\"1\" fill=\"#59a14f\"/>")
                .append("<rect x=\"16\" y=\"2\" width=\"5\" height=\"19\" rx=\"1\" fill=\"#f28e2b\"/></svg>")
                .append("<h1>Journeys dashboard</h1><span class=\"tenant\">tenant ").append(esc(tenant)).append("</span></div>")
                .append("<div class=\"live\"><span id=\"live-status\" class=\"status\" data-state=\"")
                .append(refreshSeconds > 0 ? "live" : "static").append("\">")
                .append(refreshSeconds > 0 ? "live · every " + refreshSeconds + " s" : "static").append("</span></div>")
                .append("</header>\n<main id=\"dashboard\">\n")
                .append(content(panels, view, names, now))
                .append("</main>\n<footer>Journeys SDK sample · served by the JDK's HTTP server from embedded H2 · ")
                .append("times in UTC</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    /** What is inside {@code <main>}: the journeys nav and one section per journey. */
    public static String content(List<JourneyPanel> panels, ViewOptions view, SourceNames names, Instant now) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<nav class=\"journeys\"><span class=\"as-of\" id=\"as-of\" data-as-of=\"").append(now)
                .append("\">as of ").append(Html.dateTime(now)).append("</span>");
        for (JourneyPanel panel : panels) {
            html.append("<a href=\"#").append(anchor(panel.journey())).append("\">").append(esc(panel.journey().name()))
                    .append("</a>");
        }
        html.append("</nav>\n");
        if (panels.isEmpty()) {
            html.append("<p class=\"empty\">No journeys yet.</p>\n");
        }
        for (JourneyPanel panel : panels) {
            journey(html, panel, view, names);
        }
        return html.toString();
    }

    private static void journey(StringBuilder html, JourneyPanel panel, ViewOptions view, SourceNames names) {
        Journey journey = panel.journey();
        html.append("<section class=\"journey\" id=\"").append(anchor(journey)).append("\" data-journey=\"")
                .append(esc(journey.name())).append("\" data-journey-id=\"").append(journey.id().value()).append("\">\n")
                .append("<div class=\"journey-head\"><h2>").append(esc(journey.name())).append("</h2><p class=\"meta\">")
                .append(journey.requiresSequence() ? "sequenced" : "any order").append(" · ")
                .append(journey.stages().size()).append(" stages");
        if (panel.counts().ok()) {
            html.append(" · <span data-journey-total=\"").append(esc(journey.name())).append("\">")
                    .append(count(panel.counts().value().total())).append("</span> contacts now");
        }
        html.append("</p></div>\n<div class=\"grid\">\n");
        countsCard(html, panel);
        funnelCard(html, panel, view);
        populationsCard(html, panel, view);
        stallsCard(html, panel);
        movementsCard(html, panel, names);
        html.append("</div>\n</section>\n");
    }

    // ---- Stage counts ---------------------------------------------------------------------------------------

    /** The bar chart of the counts now: one bar per current stage, in stage order. */
    public static String stageCountChart(Journey journey, StageCounts counts) {
        List<Charts.Bar> bars = new ArrayList<>();
        for (Stage stage : journey.stages()) {
            bars.add(new Charts.Bar(stage.name(), counts.of(stage.id()), Charts.color(stage.position())));
        }
        return Charts.barChart("Contacts per stage in " + journey.name(), bars);
    }

    private static void countsCard(StringBuilder html, JourneyPanel panel) {
        Journey journey = panel.journey();
        html.append("<article class=\"card counts\"><h3>Contacts per stage</h3>");
        if (!panel.counts().ok()) {
            error(html, "stage counts", panel.counts().error());
        } else {
            StageCounts counts = panel.counts().value();
            html.append(stageCountChart(journey, counts))
                    .append("<table class=\"numbers\"><thead><tr><th>Stage</th><th class=\"n\">Contacts</th>")
                    .append("<th class=\"n\">Share</th><th class=\"n\">Expected stay</th></tr></thead><tbody>");
            long total = counts.total();
            for (Stage stage : journey.stages()) {
                long n = counts.of(stage.id());
                html.append("<tr><th>").append(Charts.swatch(Charts.color(stage.position()))).append(' ')
                        .append(esc(stage.name())).append("</th><td class=\"n\"><span data-stage-count=\"")
                        .append(esc(stage.name())).append("\" data-stage-id=\"").append(stage.id().value()).append("\">")
                        .append(n).append("</span></td><td class=\"n\">")
                        .append(total == 0 ? "–" : Html.percent((double) n / total)).append("</td><td class=\"n\">")
                        .append(stage.expectedDays().isPresent() ? stage.expectedDays().getAsInt() + " d" : "–")
                        .append("</td></tr>");
            }
            html.append("</tbody><tfoot><tr><th>Total</th><td class=\"n\">").append(total)
                    .append("</td><td></td><td></td></tr></tfoot></table>");
        }
        html.append("</article>\n");
    }

    // ---- Funnel -----------------------------------------------------------------------------------------------

    /** The funnel chart: one step per stage, in the journey's order. */
    public static String funnelChart(Journey journey, Funnel funnel) {
        List<Charts.Step> steps = new ArrayList<>();
        for (Funnel.Step step : funnel.steps()) {
            Optional<Stage> stage = journey.stage(step.stage());
            steps.add(new Charts.Step(stage.map(Stage::name).orElse(step.stage().toString()), step.reached(),
                    step.stepConversion(), step.cumulativeConversion(),
                    Charts.color(stage.map(Stage::position).orElse(0))));
        }
        return Charts.funnel("Funnel of " + journey.name(), steps);
    }

    private static void funnelCard(StringBuilder html, JourneyPanel panel, ViewOptions view) {
        Journey journey = panel.journey();
        html.append("<article class=\"card funnel\"><div class=\"card-head\"><h3>Funnel</h3><div class=\"picker\">");
        link(html, view.withOrder(Funnel.Order.ORDERED), journey, "In order", view.order() == Funnel.Order.ORDERED);
        link(html, view.withOrder(Funnel.Order.ANY_ORDER), journey, "Any order", view.order() == Funnel.Order.ANY_ORDER);
        html.append("</div></div>");
        if (!panel.funnel().ok()) {
            error(html, "the funnel", panel.funnel().error());
        } else {
            Funnel funnel = panel.funnel().value();
            html.append(funnelChart(journey, funnel)).append("<p class=\"note\">")
                    .append(count(funnel.contacts())).append(" contacts ever entered. ")
                    .append(funnel.order() == Funnel.Order.ORDERED
                            ? "In order: a contact counts at a stage only after every stage before it."
                            : "Any order: a contact counts at every stage it ever reached.")
                    .append(" Percentages: of the step before (of the first).</p>");
        }
        if (panel.conversion().ok()) {
            ConversionTime time = panel.conversion().value();
            html.append("<p class=\"note conversion\">").append(esc(stageName(journey, time.from()))).append(" → ")
                    .append(esc(stageName(journey, time.to()))).append(": ");
            if (time.contacts() == 0) {
                html.append("nobody yet");
            } else {
                html.append(count(time.contacts())).append(" contacts, median ")
                        .append(time.median().map(Html::duration).orElse("–")).append(", p90 ")
                        .append(time.p90().map(Html::duration).orElse("–")).append(", mean ")
                        .append(time.mean().map(Html::duration).orElse("–"));
            }
            html.append("</p>");
        } else if (!"needs two stages".equals(panel.conversion().error())) {
            error(html, "time to convert", panel.conversion().error());
        }
        html.append("</article>\n");
    }

    // ---- Populations ----------------------------------------------------------------------------------------

    /** The line chart of populations: one line per current stage, a point per bucket (the count at its end). */
    public static String populationChart(Journey journey, Populations populations) {
        List<Instant> starts = populations.points().stream().map(Populations.Point::start).toList();
        List<Charts.Series> series = new ArrayList<>();
        for (Stage stage : journey.stages()) {
            long[] values = new long[starts.size()];
            for (int i = 0; i < values.length; i++) {
                Populations.StagePopulation p = populations.points().get(i).stages().get(stage.id());
                values[i] = p == null ? 0 : p.atEnd();
            }
            series.add(new Charts.Series(stage.name(), Charts.color(stage.position()), values));
        }
        return Charts.lineChart("Contacts per stage in " + journey.name() + ", by "
                + populations.bucket().name().toLowerCase(java.util.Locale.ROOT), starts, series);
    }

    private static void populationsCard(StringBuilder html, JourneyPanel panel, ViewOptions view) {
        Journey journey = panel.journey();
        html.append("<article class=\"card populations wide\"><div class=\"card-head\"><h3>Contacts per stage over time</h3>")
                .append("<div class=\"picker\" role=\"group\" aria-label=\"range\">");
        for (ViewOptions.Range range : ViewOptions.Range.values()) {
            link(html, view.withRange(range), journey, range.label, view.range() == range);
        }
        html.append("</div><div class=\"picker\" role=\"group\" aria-label=\"bucket\">");
        link(html, view.withBucket(Bucket.DAY), journey, "by day", view.bucket() == Bucket.DAY);
        link(html, view.withBucket(Bucket.WEEK), journey, "by week", view.bucket() == Bucket.WEEK);
        html.append("</div></div>");
        if (!panel.populations().ok()) {
            error(html, "populations", panel.populations().error());
        } else {
            Populations populations = panel.populations().value();
            html.append(populationChart(journey, populations)).append("<ul class=\"legend\">");
            for (Stage stage : journey.stages()) {
                long entered = 0;
                long exited = 0;
                for (Populations.Point point : populations.points()) {
                    Populations.StagePopulation p = point.stages().get(stage.id());
                    if (p != null) {
                        entered += p.entered();
                        exited += p.exited();
                    }
                }
                html.append("<li data-stage=\"").append(esc(stage.name())).append("\">")
                        .append(Charts.swatch(Charts.color(stage.position()))).append(' ').append(esc(stage.name()))
                        .append(" <span class=\"flow\">+").append(count(entered)).append(" / −").append(count(exited))
                        .append("</span></li>");
            }
            html.append("</ul><p class=\"note\">Count at the end of each ")
                    .append(view.bucket().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" over the last ").append(view.range().label)
                    .append(", by the moves' effective times; +entered / −left each stage in the range.</p>");
        }
        html.append("</article>\n");
    }

    // ---- Stalls -----------------------------------------------------------------------------------------------

    private static void stallsCard(StringBuilder html, JourneyPanel panel) {
        Journey journey = panel.journey();
        html.append("<article class=\"card stalls\"><h3>Stalled contacts</h3>");
        if (!panel.stalls().ok()) {
            error(html, "stalls", panel.stalls().error());
        } else {
            Map<StageId, Stalls.StageStall> byStage = new HashMap<>();
            panel.stalls().value().stages().forEach(s -> byStage.put(s.stage(), s));
            html.append("<table class=\"numbers\"><thead><tr><th>Stage</th><th class=\"n\">In stage</th>")
                    .append("<th class=\"n\">Stalled after</th><th class=\"n\">Stalled</th><th class=\"n\">Median stay</th>")
                    .append("</tr></thead><tbody>");
            for (Stage stage : journey.stages()) {
                Stalls.StageStall stall = byStage.get(stage.id());
                if (stall == null) {
                    continue;
                }
                html.append("<tr").append(stall.stalled() > 0 ? " class=\"warn\"" : "").append("><th>")
                        .append(esc(stage.name())).append("</th><td class=\"n\">").append(count(stall.inStage()))
                        .append("</td><td class=\"n\">").append(stall.threshold().map(Html::duration).orElse("–"))
                        .append("</td><td class=\"n\"><span data-stalled=\"").append(esc(stage.name())).append("\">")
                        .append(stall.threshold().isPresent() ? count(stall.stalled()) : "–").append("</span></td><td class=\"n\">")
                        .append(stall.medianTimeInStage().map(Html::duration).orElse("–")).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("<h4>Oldest stalled</h4>");
        if (!panel.oldestStalled().ok()) {
            error(html, "stalled contacts", panel.oldestStalled().error());
        } else if (panel.oldestStalled().value().isEmpty()) {
            html.append("<p class=\"note\">Nobody has stayed longer than expected.</p>");
        } else {
            html.append("<table class=\"numbers oldest\"><thead><tr><th>Contact</th><th>Stage</th><th>Since</th>")
                    .append("<th class=\"n\">For</th></tr></thead><tbody>");
            for (StalledContact contact : panel.oldestStalled().value()) {
                html.append("<tr><td class=\"contact\">").append(esc(contact.contactKey())).append("</td><td>")
                        .append(esc(stageName(journey, contact.stage()))).append("</td><td>")
                        .append(Html.date(contact.enteredAt())).append("</td><td class=\"n\">")
                        .append(Html.duration(contact.timeInStage())).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("</article>\n");
    }

    // ---- Movements --------------------------------------------------------------------------------------------

    private static void movementsCard(StringBuilder html, JourneyPanel panel, SourceNames names) {
        html.append("<article class=\"card movements\"><h3>Recent moves by source</h3>");
        movements(html, "Last 24 hours", "24h", panel.lastDay(), names);
        movements(html, "Last 7 days", "7d", panel.lastWeek(), names);
        html.append("<p class=\"legend-line\">")
                .append(Charts.swatch(Charts.ENTERED)).append(" entered ")
                .append(Charts.swatch(Charts.PROGRESSED)).append(" forward ")
                .append(Charts.swatch(Charts.REGRESSED)).append(" back ")
                .append(Charts.swatch(Charts.EXITED)).append(" left</p>");
        html.append("</article>\n");
    }

    private static void movements(StringBuilder html, String title, String key, JourneyPanel.Part<Movements> part,
                                  SourceNames names) {
        html.append("<h4>").append(title).append("</h4>");
        if (!part.ok()) {
            error(html, "movements", part.error());
            return;
        }
        List<Movements.BySource> sources = new ArrayList<>(part.value().sources());
        sources.removeIf(s -> s.total() == 0);
        if (sources.isEmpty()) {
            html.append("<p class=\"note\">No moves.</p>");
            return;
        }
        sources.sort(Comparator.comparingLong(Movements.BySource::total).reversed()
                .thenComparing((Movements.BySource b) -> b.kind().name()).thenComparing(Movements.BySource::ref));
        long scale = sources.get(0).total();
        long all = sources.stream().mapToLong(Movements.BySource::total).sum();
        html.append("<table class=\"numbers sources\" data-movements=\"").append(key).append("\"><thead><tr><th>Source</th>")
                .append("<th class=\"n\">In</th><th class=\"n\">Fwd</th><th class=\"n\">Back</th><th class=\"n\">Out</th>")
                .append("<th class=\"n\">Total</th><th></th></tr></thead><tbody>");
        for (Movements.BySource source : sources) {
            html.append("<tr data-kind=\"").append(esc(source.kind().name())).append("\"><td><span class=\"kind kind-")
                    .append(esc(source.kind().name().toLowerCase(java.util.Locale.ROOT))).append("\">")
                    .append(esc(SourceNames.kind(source.kind().name()))).append("</span> ")
                    .append(esc(names.label(source.kind().name(), source.ref()))).append("</td><td class=\"n\">")
                    .append(count(source.entered())).append("</td><td class=\"n\">").append(count(source.progressed()))
                    .append("</td><td class=\"n\">").append(count(source.regressed())).append("</td><td class=\"n\">")
                    .append(count(source.exited())).append("</td><td class=\"n\">").append(count(source.total()))
                    .append("</td><td>")
                    .append(Charts.movementBar(source.entered(), source.progressed(), source.regressed(), source.exited(), scale))
                    .append("</td></tr>");
        }
        html.append("</tbody><tfoot><tr><th>All sources</th><td></td><td></td><td></td><td></td><td class=\"n\">")
                .append(count(all)).append("</td><td></td></tr></tfoot></table>");
    }

    // ---- Helpers ---------------------------------------------------------------------------------------------

    private static void link(StringBuilder html, ViewOptions target, Journey journey, String label, boolean active) {
        html.append("<a href=\"?").append(esc(target.toQuery())).append('#').append(anchor(journey)).append('"');
        if (active) {
            html.append(" class=\"active\" aria-current=\"true\"");
        }
        html.append('>').append(esc(label)).append("</a>");
    }

    private static void error(StringBuilder html, String what, String message) {
        html.append("<div class=\"error\" role=\"alert\">Could not read ").append(esc(what)).append(": ")
                .append(esc(message)).append("</div>");
    }

    static String anchor(Journey journey) {
        return "journey-" + journey.id().value();
    }

    private static String stageName(Journey journey, StageId stage) {
        return journey.stage(stage).map(Stage::name).orElse(stage.toString());
    }
}
