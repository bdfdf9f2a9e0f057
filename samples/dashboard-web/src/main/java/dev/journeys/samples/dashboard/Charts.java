package dev.journeys.samples.dashboard;

import static dev.journeys.samples.dashboard.Html.count;
import static dev.journeys.samples.dashboard.Html.esc;
import static dev.journeys.samples.dashboard.Html.num;
import static dev.journeys.samples.dashboard.Html.percent;

import java.time.Instant;
import java.util.List;

/**
 * Inline SVG charts, drawn on the server: no script and no library. Every mark carries its numbers in
 * {@code data-*} attributes and a {@code <title>} tooltip, so that tests and screen readers can read them.
 * The output is well-formed XML.
 */
public final class Charts {

    /** Colours for stages, in stage order (Tableau 10). */
    static final List<String> PALETTE = List.of("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
            "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac");

    static final String ENTERED = "#4e79a7";
    static final String PROGRESSED = "#59a14f";
    static final String REGRESSED = "#f28e2b";
    static final String EXITED = "#9d9d9d";

    private Charts() {
    }

    public static String color(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    // ---- Bar chart --------------------------------------------------------------------------------------

    /** One bar: a stage and its count. */
    public record Bar(String label, long value, String color) {
    }

    /** Horizontal bars, one per entry, longest for the largest value; a zero is a bar of width 0. */
    public static String barChart(String title, List<Bar> bars) {
        int width = 520;
        int labelWidth = 150;
        int valueWidth = 64;
        double area = width - labelWidth - valueWidth;
        int rowHeight = 30;
        int barHeight = 20;
        int height = Math.max(bars.size() * rowHeight, rowHeight);
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        StringBuilder svg = open("chart bar-chart", width, height, title);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = i * rowHeight + (rowHeight - barHeight) / 2.0;
            double w = max == 0 ? 0 : area * bar.value() / max;
            double mid = y + barHeight / 2.0;
            svg.append("<g class=\"bar\" data-stage=\"").append(esc(bar.label())).append("\" data-value=\"")
                    .append(bar.value()).append("\">")
                    .append("<title>").append(esc(bar.label())).append(": ").append(count(bar.value())).append("</title>")
                    .append("<text class=\"label\" x=\"").append(labelWidth - 8).append("\" y=\"").append(num(mid))
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(esc(bar.label())).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(num(y)).append("\" width=\"")
                    .append(num(w)).append("\" height=\"").append(barHeight).append("\" rx=\"3\" fill=\"")
                    .append(esc(bar.color())).append("\"/>")
                    .append("<text class=\"value\" x=\"").append(num(labelWidth + w + 6)).append("\" y=\"").append(num(mid))
                    .append("\" dominant-baseline=\"middle\">").append(count(bar.value())).append("</text>")
                    .append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    // ---- Funnel -----------------------------------------------------------------------------------------

    /** One funnel step: contacts that reached the stage, over the previous step and over the first. */
    public record Step(String label, long reached, double stepConversion, double cumulativeConversion, String color) {
    }

    /** A centred funnel: bar widths follow {@code reached}; the step and cumulative conversions on the right. */
    public static String funnel(String title, List<Step> steps) {
        int width = 520;
        int labelWidth = 150;
        int percentWidth = 96;
        double area = width - labelWidth - percentWidth;
        int rowHeight = 40;
        int barHeight = 26;
        int height = Math.max(steps.size() * rowHeight, rowHeight);
        long max = steps.stream().mapToLong(Step::reached).max().orElse(0);
        StringBuilder svg = open("chart funnel", width, height, title);
        double previousX = 0;
        double previousW = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            double w = max == 0 ? 0 : area * step.reached() / max;
            double x = labelWidth + (area - w) / 2;
            double y = i * rowHeight + (rowHeight - barHeight) / 2.0;
            double mid = y + barHeight / 2.0;
            if (i > 0) {
                // The neck between two steps, in the colour of the loss.
                double top = y - (rowHeight - barHeight);
                svg.append("<polygon class=\"neck\" points=\"").append(num(previousX)).append(',').append(num(top)).append(' ')
                        .append(num(previousX + previousW)).append(',').append(num(top)).append(' ')
                        .append(num(x + w)).append(',').append(num(y)).append(' ')
                        .append(num(x)).append(',').append(num(y)).append("\" fill=\"#e8ebf0\"/>");
            }
            svg.append("<g class=\"funnel-step\" data-stage=\"").append(esc(step.label())).append("\" data-reached=\"")
                    .append(step.reached()).append("\" data-step-conversion=\"").append(ratio(step.stepConversion()))
                    .append("\" data-cumulative-conversion=\"").append(ratio(step.cumulativeConversion())).append("\">")
                    .append("<title>").append(esc(step.label())).append(": ").append(count(step.reached()))
                    .append(" reached, ").append(percent(step.stepConversion())).append(" of the step before, ")
                    .append(percent(step.cumulativeConversion())).append(" of the first</title>")
                    .append("<text class=\"label\" x=\"").append(labelWidth - 8).append("\" y=\"").append(num(mid))
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(esc(step.label())).append("</text>")
                    .append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                    .append("\" height=\"").append(barHeight).append("\" rx=\"3\" fill=\"").append(esc(step.color()))
                    .append("\"/>")
                    .append(onBar(step.reached(), x, w, labelWidth + area / 2, mid))
                    .append("<text class=\"percent\" x=\"").append(width - percentWidth + 8).append("\" y=\"").append(num(mid))
                    .append("\" dominant-baseline=\"middle\">")
                    .append(i == 0 ? "100%" : percent(step.stepConversion()))
                    .append("<tspan class=\"cumulative\" dx=\"6\">")
                    .append(i == 0 ? "" : "(" + percent(step.cumulativeConversion()) + ")").append("</tspan></text>")
                    .append("</g>");
            previousX = x;
            previousW = w;
        }
        return svg.append("</svg>").toString();
    }

    /** The count centred on its bar, or just right of it when the bar is too narrow to hold it. */
    private static String onBar(long value, double x, double w, double centre, double mid) {
        String text = count(value);
        boolean fits = w >= text.length() * 8 + 12;
        return "<text class=\"value" + (fits ? " on-bar" : "") + "\" x=\"" + num(fits ? centre : x + w + 6) + "\" y=\""
                + num(mid) + "\"" + (fits ? " text-anchor=\"middle\"" : "") + " dominant-baseline=\"middle\">" + text
                + "</text>";
    }

    // ---- Line chart -------------------------------------------------------------------------------------

    /** One line: a value per bucket, in bucket order. */
    public record Series(String label, String color, long[] values) {
    }

    /**
     * Lines over time, one per series, with a y axis from zero to a round number, up to six date labels along x,
     * and one hover band per bucket whose tooltip lists every series' value.
     *
     * @param starts the start of each bucket, as many as every series has values
     */
    public static String lineChart(String title, List<Instant> starts, List<Series> series) {
        int width = 960;
        int height = 260;
        int left = 52;
        int right = 14;
        int top = 12;
        int bottom = 28;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        int n = starts.size();
        for (Series s : series) {
            if (s.values().length != n) {
                throw new IllegalArgumentException("series " + s.label() + " has " + s.values().length
                        + " values for " + n + " buckets");
            }
        }
        long max = 0;
        for (Series s : series) {
            for (long v : s.values()) {
                max = Math.max(max, v);
            }
        }
        long step = niceStep(max, 4);
        long yMax = Math.max(step, ((max + step - 1) / step) * step);
        StringBuilder svg = open("chart line-chart", width, height, title);
        // Y grid and ticks.
        for (long tick = 0; tick <= yMax; tick += step) {
            double y = top + plotH - plotH * tick / yMax;
            svg.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(width - right)
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(left - 6).append("\" y=\"").append(num(y))
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(count(tick)).append("</text>");
        }
        // X labels: at most six, evenly spread, always the first and the last bucket.
        int labels = Math.min(n, 6);
        for (int k = 0; k < labels; k++) {
            int i = labels == 1 ? 0 : (int) Math.round((double) k * (n - 1) / (labels - 1));
            svg.append("<text class=\"tick\" x=\"").append(num(x(i, n, left, plotW))).append("\" y=\"")
                    .append(height - 8).append("\" text-anchor=\"")
                    .append(k == 0 && labels > 1 ? "start" : k == labels - 1 && labels > 1 ? "end" : "middle")
                    .append("\">").append(esc(Html.SHORT_DATE.format(starts.get(i)))).append("</text>");
        }
        // Lines.
        for (Series s : series) {
            svg.append("<polyline class=\"series\" data-stage=\"").append(esc(s.label())).append("\" data-last=\"")
                    .append(n == 0 ? 0 : s.values()[n - 1]).append("\" fill=\"none\" stroke=\"").append(esc(s.color()))
                    .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"");
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    svg.append(' ');
                }
                svg.append(num(x(i, n, left, plotW))).append(',')
                        .append(num(top + plotH - plotH * s.values()[i] / yMax));
            }
            svg.append("\"/>");
        }
        // Hover bands with the numbers of each bucket.
        double band = n == 0 ? 0 : plotW / n;
        for (int i = 0; i < n; i++) {
            svg.append("<rect class=\"hover\" x=\"").append(num(x(i, n, left, plotW) - band / 2)).append("\" y=\"")
                    .append(top).append("\" width=\"").append(num(band)).append("\" height=\"").append(num(plotH))
                    .append("\"><title>").append(esc(Html.date(starts.get(i))));
            for (Series s : series) {
                svg.append('\n').append(esc(s.label())).append(": ").append(count(s.values()[i]));
            }
            svg.append("</title></rect>");
        }
        svg.append("<line class=\"axis\" x1=\"").append(left).append("\" x2=\"").append(width - right).append("\" y1=\"")
                .append(num(top + plotH)).append("\" y2=\"").append(num(top + plotH)).append("\"/>");
        return svg.append("</svg>").toString();
    }

    private static double x(int i, int n, int left, double plotW) {
        return n <= 1 ? left + plotW / 2 : left + plotW * i / (n - 1);
    }

    /** A round step (1, 2 or 5 times a power of ten) that splits {@code max} into about {@code parts}. */
    static long niceStep(long max, int parts) {
        if (max <= parts) {
            return 1;
        }
        double raw = (double) max / parts;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return Math.max(1, (long) (nice * magnitude));
    }

    // ---- Stacked bar ------------------------------------------------------------------------------------

    /** A small stacked bar of a source's moves by kind, scaled so that {@code scale} fills the width. */
    public static String movementBar(long entered, long progressed, long regressed, long exited, long scale) {
        int width = 160;
        int height = 12;
        StringBuilder svg = new StringBuilder("<svg class=\"spark\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" aria-hidden=\"true\">");
        double x = 0;
        long[] parts = {entered, progressed, regressed, exited};
        String[] colors = {ENTERED, PROGRESSED, REGRESSED, EXITED};
        for (int i = 0; i < parts.length; i++) {
            double w = scale <= 0 ? 0 : width * (double) parts[i] / scale;
            if (w > 0) {
                svg.append("<rect x=\"").append(num(x)).append("\" y=\"0\" width=\"").append(num(w)).append("\" height=\"")
                        .append(height).append("\" fill=\"").append(colors[i]).append("\"/>");
            }
            x += w;
        }
        return svg.append("</svg>").toString();
    }

    /** A coloured square for legends. */
    public static String swatch(String color) {
        return "<svg class=\"swatch\" xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\""
                + " aria-hidden=\"true\"><rect width=\"10\" height=\"10\" rx=\"2\" fill=\"" + esc(color) + "\"/></svg>";
    }

    private static StringBuilder open(String cssClass, int width, int height, String title) {
        return new StringBuilder(4096).append("<svg class=\"").append(cssClass)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\"><title>").append(esc(title))
                .append("</title>");
    }

    private static String ratio(double value) {
        return String.format(java.util.Locale.ROOT, "%.4f", value);
    }
}
