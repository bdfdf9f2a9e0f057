package dev.journeys.plugins.commerce;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks the order triggers share. Each plugin module keeps its own copy: plugins depend on
 * journeys-api alone, and these few lines are not worth a shared module or a place in the SPI.
 *
 * <p>Every check passes over an attribute that is absent or of another type. Presence and types are the
 * SDK's to report before it calls {@code validate}, and a problem reported twice reads as two problems.
 */
final class AttributeChecks {

    // Only the shape: the list of ISO 4217 codes changes more often than this plugin would be released.
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private AttributeChecks() {
    }

    static void notBlank(Map<String, Object> attributes, String name, List<String> problems) {
        if (attributes.get(name) instanceof String text && text.isBlank()) {
            problems.add(name + " must not be blank.");
        }
    }

    static void notNegative(Map<String, Object> attributes, String name, List<String> problems) {
        if (attributes.get(name) instanceof BigDecimal amount && amount.signum() < 0) {
            problems.add(name + " must not be negative, but was " + amount.toPlainString() + ".");
        }
    }

    static void currencyCode(Map<String, Object> attributes, String name, List<String> problems) {
        if (attributes.get(name) instanceof String code && !CURRENCY_CODE.matcher(code).matches()) {
            problems.add(name + " must be a three-letter upper-case ISO 4217 code such as EUR, but was '"
                    + code + "'.");
        }
    }

    /** A change event that changes nothing would fire automations on a non-event; refuse it instead. */
    static void differs(Map<String, Object> attributes, String before, String after, List<String> problems) {
        if (attributes.get(before) instanceof String old && attributes.get(after) instanceof String now
                && old.equals(now)) {
            problems.add(after + " must differ from " + before + ", but both were '" + now + "'.");
        }
    }
}
