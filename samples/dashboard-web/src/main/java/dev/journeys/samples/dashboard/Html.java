package dev.journeys.samples.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Escaping and formatting shared by the page and its charts. All times are shown in UTC. */
final class Html {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** Text or attribute value, escaped for HTML and SVG alike. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code 12,345}. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 62.5%}; one decimal below 10%, none above. */
    static String percent(double ratio) {
        double pct = ratio * 100;
        return pct > 0 && pct < 10 ? String.format(Locale.ROOT, "%.1f%%", pct) : String.format(Locale.ROOT, "%.0f%%", pct);
    }

    /** A coordinate with at most one decimal, never in exponent form. */
    static String num(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    /** {@code 45 min}, {@code 5 h}, {@code 3 d 4 h}, {@code 41 d}. */
    static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 60) {
            return Math.max(minutes, 0) + " min";
        }
        long hours = duration.toHours();
        if (hours < 24) {
            return hours + " h";
        }
        long days = duration.toDays();
        long rest = hours - days * 24;
        return days < 7 && rest > 0 ? days + " d " + rest + " h" : days + " d";
    }

    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }
}
