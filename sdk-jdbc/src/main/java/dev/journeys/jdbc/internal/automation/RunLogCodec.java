package dev.journeys.jdbc.internal.automation;

import dev.journeys.api.ReasonCode;
import dev.journeys.api.JourneyId;
import dev.journeys.api.RunDecision;
import dev.journeys.api.StageId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Packs the decisions of one event into one column. A row per decision cost an event ten rows and fifty
 * index entries with ten automations on its trigger; that write was three quarters of an event's cost.
 *
 * <p>Each decision is nine fields: the automation, then its {@link RunColumns}. A field is {@code ~} for
 * null, or its length in UTF-16 units, a colon and its text; lengths, not separators, so that no text a
 * plugin or a host sends needs escaping.
 */
public final class RunLogCodec {

    private static final int FIELDS = 9;

    private RunLogCodec() {
    }

    /** One decision, with the automation that took it. */
    public record Entry(long automationId, RunDecision decision) {
    }

    static String encode(List<Entry> entries) {
        StringBuilder out = new StringBuilder(entries.size() * 80);
        for (Entry e : entries) {
            append(out, e);
        }
        return out.toString();
    }

    /** Appends one decision to {@code out}; {@link #encode} is this for each entry. */
    static void append(StringBuilder out, Entry e) {
        RunColumns c = RunColumns.of(e.decision());
        field(out, Long.toString(e.automationId()));
        field(out, c.kind());
        field(out, c.conditionIndex() == null ? null : c.conditionIndex().toString());
        field(out, c.reasonCode());
        field(out, c.detail());
        field(out, text(c.journeyId()));
        field(out, text(c.fromStage()));
        field(out, text(c.toStage()));
        field(out, text(c.transitionId()));
    }

    /** @throws IllegalStateException when the column is damaged: never a wrong decision instead */
    static List<Entry> decode(String packed) {
        try {
            return entries(packed);
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("damaged run log entry: " + e.getMessage(), e);
        }
    }

    private static List<Entry> entries(String packed) {
        List<Entry> entries = new ArrayList<>();
        int[] at = {0};
        String[] f = new String[FIELDS];
        while (at[0] < packed.length()) {
            for (int i = 0; i < FIELDS; i++) {
                f[i] = next(packed, at);
            }
            RunColumns c = new RunColumns(f[1], f[2] == null ? null : Integer.valueOf(f[2]), f[3], f[4], number(f[5]),
                    number(f[6]), number(f[7]), number(f[8]));
            entries.add(new Entry(Long.parseLong(f[0]), c.decision()));
        }
        return entries;
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append('~');
        } else {
            out.append(value.length()).append(':').append(value);
        }
    }

    private static String next(String packed, int[] at) {
        int start = at[0];
        if (start >= packed.length()) {
            throw new IllegalStateException("run log entry cut short at " + start);
        }
        if (packed.charAt(start) == '~') {
            at[0] = start + 1;
            return null;
        }
        int colon = packed.indexOf(':', start);
        if (colon < 0) {
            throw new IllegalStateException("run log entry without a length at " + start);
        }
        int end = colon + 1 + Integer.parseInt(packed, start, colon, 10);
        if (end <= colon || end > packed.length()) {
            throw new IllegalStateException("run log entry longer than its row at " + start);
        }
        at[0] = end;
        return packed.substring(colon + 1, end);
    }

    private static String text(Long value) {
        return value == null ? null : value.toString();
    }

    private static Long number(String text) {
        return text == null ? null : Long.valueOf(text);
    }

    /** The fields of a decision, and the decision read back from them. */
    record RunColumns(String kind, Integer conditionIndex, String reasonCode, String detail, Long journeyId,
                      Long fromStage, Long toStage, Long transitionId) {

        /** Longer texts, such as a plugin's stack of causes, are cut here: the log explains, it does not archive. */
        static final int MAX_DETAIL = 2000;

        static RunColumns of(RunDecision d) {
            if (d instanceof RunDecision.NotMatched n) {
                return new RunColumns("NOT_MATCHED", n.conditionIndex(), null, clip(n.detail()), null, null, null, null);
            }
            if (d instanceof RunDecision.Moved m) {
                return new RunColumns("MOVED", null, null, null, m.journey().value(),
                        m.from().map(StageId::value).orElse(null), m.to().value(), m.transitionId());
            }
            if (d instanceof RunDecision.Skipped s) {
                return new RunColumns("SKIPPED", null, s.reasonCode().name(), clip(s.message()), s.journey().value(), null, null, null);
            }
            if (d instanceof RunDecision.Failed f) {
                return new RunColumns("FAILED", null, null, clip(f.error()), null, null, null, null);
            }
            RunDecision.LoopStopped l = (RunDecision.LoopStopped) d;
            return new RunColumns("LOOP_STOPPED", l.depth(), null, null, null, null, null, null);
        }

        RunDecision decision() {
            return switch (kind) {
                case "NOT_MATCHED" -> new RunDecision.NotMatched(conditionIndex, null, detail);
                case "MOVED" -> new RunDecision.Moved(new JourneyId(journeyId),
                        Optional.ofNullable(fromStage).map(StageId::new), new StageId(toStage), transitionId);
                case "SKIPPED" -> new RunDecision.Skipped(new JourneyId(journeyId), ReasonCode.valueOf(reasonCode), detail);
                case "FAILED" -> new RunDecision.Failed(detail);
                case "LOOP_STOPPED" -> new RunDecision.LoopStopped(conditionIndex);
                default -> throw new IllegalStateException("unknown run decision in log: " + kind);
            };
        }

        /**
         * The decision as the log will read it back, but for a not-matched condition, which the log names by
         * index only and the caller can still name in full. The same object when no text had to change.
         */
        static RunDecision asStored(RunDecision d) {
            // clip returns its argument when nothing changes, so identity says whether the text was cut.
            if (d instanceof RunDecision.NotMatched n && clip(n.detail()) != n.detail()) {
                return new RunDecision.NotMatched(n.conditionIndex(), n.condition(), clip(n.detail()));
            }
            if (d instanceof RunDecision.Skipped s && clip(s.message()) != s.message()) {
                return new RunDecision.Skipped(s.journey(), s.reasonCode(), clip(s.message()));
            }
            if (d instanceof RunDecision.Failed f && clip(f.error()) != f.error()) {
                return new RunDecision.Failed(clip(f.error()));
            }
            return d;
        }

        /**
         * Cuts at a whole character, and replaces NUL, which PostgreSQL text cannot hold.
         *
         * @return {@code text} itself when it needs neither
         */
        static String clip(String text) {
            // Every decision of every event passes here twice: a scan by indexOf, a JIT intrinsic, is the common case.
            if (text == null || text.length() <= MAX_DETAIL && text.indexOf('\u0000') < 0) {
                return text;
            }
            String kept = text;
            if (text.length() > MAX_DETAIL) {
                int cut = MAX_DETAIL - 1;
                if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                    cut--;
                }
                kept = text.substring(0, cut) + "…";
            }
            return kept.replace('\u0000', '\uFFFD');
        }
    }
}
