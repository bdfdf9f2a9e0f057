package dev.journeys.jdbc.internal.db;

import dev.journeys.api.StorageException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Turns a driver's or pool's failure into a {@link StorageException} whose message says what failed and why,
 * in words and by SQLSTATE, and never shows SQL, bound values or secrets. The original stays as the cause,
 * with secrets redacted from its messages.
 */
public final class DatabaseErrors {

    private static final int MAX_SUMMARY = 200;

    private DatabaseErrors() {
    }

    /** @param what what was being done, e.g. "writing a move" */
    public static StorageException failed(String what, Throwable e) {
        return new StorageException(Secrets.redact(what + " failed: " + describe(e)), Secrets.redacted(e));
    }

    /** Why a call failed, for a message: the kind of failure, then the driver's own words without SQL or values. */
    public static String describe(Throwable e) {
        SQLException sql = firstSql(e);
        if (sql == null) {
            return summary(e.getMessage());
        }
        String state = sql.getSQLState();
        return reason(sql, state) + " (" + (state == null ? "" : "SQLSTATE " + state + ": ") + driverSummary(sql) + ")";
    }

    private static String reason(SQLException e, String state) {
        if (e instanceof SQLTransientConnectionException && state == null) {
            return "no connection of the pool was free in time";
        }
        if (state == null) {
            return "the database failed";
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return "the database could not be reached";
        }
        if (state.equals("57014") || state.equals("HYT00") || state.equals("55P03")) {
            return "the database took too long";
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return "the database met a conflicting writer";
        }
        if (state.equals("53300")) {
            return "the database has no connections left";
        }
        if (state.equals("42501") || state.equals("28000") || state.equals("28P01")) {
            return "the database refused access";
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return "the database refused a value";
        }
        return "the database failed";
    }

    private static SQLException firstSql(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** The driver's message proper: PostgreSQL's primary message without its detail, H2's without its SQL. */
    private static String driverSummary(SQLException e) {
        try {
            if (e instanceof org.postgresql.util.PSQLException pg && pg.getServerErrorMessage() != null
                    && pg.getServerErrorMessage().getMessage() != null) {
                return summary(pg.getServerErrorMessage().getMessage());
            }
        } catch (LinkageError noDriver) {
            // PostgreSQL's driver is not on the class path: this is not its exception
        }
        try {
            if (e instanceof org.h2.jdbc.JdbcException h2 && h2.getOriginalMessage() != null) {
                return summary(h2.getOriginalMessage());
            }
        } catch (LinkageError noDriver) {
            // nor H2's
        }
        return summary(e.getMessage());
    }

    /** The first line, without a statement's text, quoted values or parameters, and not too long. */
    static String summary(String message) {
        if (message == null) {
            return "no message";
        }
        String text = message.strip();
        int cut = indexOfAny(text, "\n", "; SQL statement", " SQL statement:", "Detail:", "Where:", "Position:");
        if (cut >= 0) {
            text = text.substring(0, cut).strip();
        }
        // Values appear in single quotes (H2) or in parentheses after "=" (PostgreSQL keys): hide them.
        text = text.replaceAll("'(?:[^']|'')*'", "'…'").replaceAll("=\\([^)]*\\)", "=(…)");
        if (text.toLowerCase(Locale.ROOT).startsWith("error: ")) {
            text = text.substring(7);
        }
        return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY) + "…";
    }

    private static int indexOfAny(String text, String... marks) {
        int first = -1;
        for (String mark : marks) {
            int at = text.indexOf(mark);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}
