package dev.journeys.samples.dashboard;

import dev.journeys.api.Bucket;
import dev.journeys.api.Funnel;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the reader picked on the page: the range and bucket of the populations chart and the funnel's order.
 * Read from the query string ({@code ?range=90d&bucket=week&order=any}); anything unknown falls back to the
 * defaults, so a hand-edited URL never breaks the page.
 */
public record ViewOptions(Range range, Bucket bucket, Funnel.Order order) {

    public static final ViewOptions DEFAULT = new ViewOptions(Range.DAYS_30, Bucket.DAY, Funnel.Order.ORDERED);

    /** The ranges the picker offers. */
    public enum Range {
        DAYS_7("7d", "7 days", 7, Bucket.DAY),
        DAYS_30("30d", "30 days", 30, Bucket.DAY),
        DAYS_90("90d", "90 days", 90, Bucket.WEEK),
        YEAR("1y", "1 year", 365, Bucket.WEEK);

        public final String key;
        public final String label;
        public final int days;
        /** The bucket used when the reader did not pick one. */
        public final Bucket defaultBucket;

        Range(String key, String label, int days, Bucket defaultBucket) {
            this.key = key;
            this.label = label;
            this.days = days;
            this.defaultBucket = defaultBucket;
        }

        public Duration length() {
            return Duration.ofDays(days);
        }

        static Range of(String key) {
            for (Range range : values()) {
                if (range.key.equalsIgnoreCase(key)) {
                    return range;
                }
            }
            return null;
        }
    }

    /** Parses a raw (still encoded) query string; null or empty gives the defaults. */
    public static ViewOptions parse(String rawQuery) {
        Map<String, String> params = query(rawQuery);
        Range range = Range.of(params.getOrDefault("range", ""));
        if (range == null) {
            range = DEFAULT.range;
        }
        Bucket bucket = switch (params.getOrDefault("bucket", "").toLowerCase(Locale.ROOT)) {
            case "day" -> Bucket.DAY;
            case "week" -> Bucket.WEEK;
            default -> range.defaultBucket;
        };
        Funnel.Order order = "any".equalsIgnoreCase(params.get("order")) ? Funnel.Order.ANY_ORDER : Funnel.Order.ORDERED;
        return new ViewOptions(range, bucket, order);
    }

    /** The query string that shows this view, for links: {@code range=30d&bucket=day&order=ordered}. */
    public String toQuery() {
        return "range=" + range.key + "&bucket=" + bucket.name().toLowerCase(Locale.ROOT)
                + "&order=" + (order == Funnel.Order.ANY_ORDER ? "any" : "ordered");
    }

    public ViewOptions withRange(Range value) {
        // A new range brings its own default bucket: a year of days is a lot of points.
        return new ViewOptions(value, value.defaultBucket, order);
    }

    public ViewOptions withBucket(Bucket value) {
        return new ViewOptions(range, value, order);
    }

    public ViewOptions withOrder(Funnel.Order value) {
        return new ViewOptions(range, bucket, value);
    }

    /** Decodes {@code a=1&b=2}; the first value of a repeated name wins. */
    public static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
