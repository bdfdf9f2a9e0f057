package dev.journeys.jdbc.internal.db;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of every message and log line the SDK writes: the values of password-like settings in a
 * JDBC URL ({@code password=}, {@code PASSWORD=}, {@code sslpassword=}, anything with "secret", "token" or
 * "key" in its name) and passwords given as credentials. They are remembered when a database is configured,
 * and redacted from any text, and from the messages of any exception chain, before it leaves the SDK.
 */
public final class Secrets {

    private static final String MASK = "<redacted>";
    /** A setting in a JDBC URL: after '?', '&' or ';', up to the next separator. */
    private static final Pattern SETTING = Pattern.compile("([?&;])([^?&;=#\\s/]*)=([^&;#\\s]*)");
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    /** Remembers a secret so that no message shows it, wherever it comes from. */
    public static void remember(String secret) {
        if (secret != null && !secret.isEmpty()) {
            KNOWN.add(secret);
        }
    }

    /** Remembers the values of a URL's password-like settings. */
    public static void rememberFrom(String jdbcUrl) {
        Matcher m = SETTING.matcher(jdbcUrl);
        while (m.find()) {
            if (secretName(m.group(2))) {
                remember(java.net.URLDecoder.decode(m.group(3), java.nio.charset.StandardCharsets.UTF_8));
                remember(m.group(3));
            }
        }
    }

    private static boolean secretName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("password") || n.contains("secret") || n.contains("token") || n.endsWith("key")
                || n.equals("pwd");
    }

    /** A JDBC URL without its password setting, and the password it had. */
    public record SplitUrl(String url, java.util.Optional<String> password) {
    }

    /**
     * Takes the password out of a URL, so that it can be handed to the pool as a credential: drivers and pools
     * print URLs in their messages and logs, never credentials.
     */
    public static SplitUrl splitPassword(String jdbcUrl) {
        Matcher m = SETTING.matcher(jdbcUrl);
        StringBuilder out = new StringBuilder();
        String password = null;
        while (m.find()) {
            if (m.group(2).equalsIgnoreCase("password")) {
                password = java.net.URLDecoder.decode(m.group(3), java.nio.charset.StandardCharsets.UTF_8);
                // The separator stays for the next setting's sake when this one leads the query ('?a=1' form).
                m.appendReplacement(out, m.group(1).equals("?") ? "?" : "");
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group(0)));
            }
        }
        m.appendTail(out);
        String url = out.toString().replace("?&", "?");
        if (url.endsWith("?")) {
            url = url.substring(0, url.length() - 1);
        }
        return new SplitUrl(url, java.util.Optional.ofNullable(password));
    }

    /** The text with every known secret, and every password-like URL setting's value, masked. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = SETTING.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = secretName(m.group(2)) ? MASK : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + value));
        }
        m.appendTail(out);
        String redacted = out.toString();
        for (String secret : KNOWN) {
            redacted = redacted.replace(secret, MASK);
        }
        return redacted;
    }

    /**
     * The exception itself when no message in its chain shows a secret; otherwise a copy of the chain, each
     * exception standing for the original with its class named, its message redacted and its stack kept.
     */
    public static Throwable redacted(Throwable e) {
        return e == null || !showsSecret(e) ? e : copy(e);
    }

    private static boolean showsSecret(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (!redact(message).equals(message)) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (showsSecret(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable copy(Throwable e) {
        String message = e.getClass().getName() + ": " + redact(e.getMessage());
        Throwable cause = e.getCause() == null ? null : copy(e.getCause());
        // A copy of a driver's exception stays one, with its SQLSTATE: callers tell a unique violation by it.
        Throwable copy = e instanceof java.sql.SQLException sql
                ? new RedactedSqlException(message, sql.getSQLState(), sql.getErrorCode(), cause)
                : new Redacted(message, cause);
        copy.setStackTrace(e.getStackTrace());
        for (Throwable s : e.getSuppressed()) {
            copy.addSuppressed(copy(s));
        }
        return copy;
    }

    /** Stands for a driver's exception whose message showed a secret. */
    static final class RedactedSqlException extends java.sql.SQLException {
        RedactedSqlException(String message, String sqlState, int vendorCode, Throwable cause) {
            super(message, sqlState, vendorCode, cause);
        }
    }

    /** Stands for a pool's or library's exception whose message showed a secret. */
    static final class Redacted extends RuntimeException {
        Redacted(String message, Throwable cause) {
            super(message, cause, true, true);
        }
    }
}
