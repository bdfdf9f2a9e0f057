package dev.journeys.core.internal.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where each known column sits in the header, and what else the header holds. Names are matched ignoring
 * case and surrounding spaces.
 */
public final class Columns {

    /** The columns an import understands, each with the header names that mean it. */
    public enum Column {
        CONTACT("contact", "contact_key", "contact_id", "email"),
        JOURNEY("journey"),
        STAGE("stage"),
        OCCURRED_AT("occurred_at"),
        NOTE("note");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        public String canonicalName() {
            return names.get(0);
        }
    }

    private static final Map<String, Column> BY_NAME = new LinkedHashMap<>();

    static {
        for (Column c : Column.values()) {
            c.names.forEach(n -> BY_NAME.put(n, c));
        }
    }

    private final int width;
    private final Map<Column, Integer> index;
    private final Map<Column, String> written;
    private final List<String> warnings;

    private Columns(int width, Map<Column, Integer> index, Map<Column, String> written, List<String> warnings) {
        this.width = width;
        this.index = index;
        this.written = written;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * @param journeyGiven whether the request names the journey, so that the file need not
     * @throws ImportFileException for a duplicate or missing required column
     */
    public static Columns of(RawRow header, boolean journeyGiven) {
        Map<Column, Integer> index = new LinkedHashMap<>();
        Map<Column, String> written = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < header.values().size(); i++) {
            String raw = header.values().get(i).strip();
            Column column = BY_NAME.get(raw.toLowerCase(Locale.ROOT));
            if (column == null) {
                warnings.add(raw.isEmpty()
                        ? "column " + (i + 1) + " has no name; its values are ignored"
                        : "unknown column '" + raw + "' is ignored");
                continue;
            }
            if (index.containsKey(column)) {
                throw new ImportFileException(header.line(), "columns '" + written.get(column) + "' and '" + raw
                        + "' both give the " + column.canonicalName() + "; keep one", null);
            }
            index.put(column, i);
            written.put(column, raw);
        }
        requireColumn(header, index, Column.CONTACT);
        requireColumn(header, index, Column.STAGE);
        if (!journeyGiven) {
            requireColumn(header, index, Column.JOURNEY);
        }
        return new Columns(header.values().size(), index, written, warnings);
    }

    private static void requireColumn(RawRow header, Map<Column, Integer> index, Column column) {
        if (!index.containsKey(column)) {
            throw new ImportFileException(header.line(), "missing required column '" + column.canonicalName() + "'"
                    + (column.names.size() > 1 ? " (or one of " + String.join(", ", column.names.subList(1, column.names.size())) + ")" : "")
                    + (column == Column.JOURNEY ? ", and the request names no journey" : ""), null);
        }
    }

    public int width() {
        return width;
    }

    public boolean has(Column column) {
        return index.containsKey(column);
    }

    /** The value of {@code column} in {@code row}, stripped; empty when the column is absent or the value blank. */
    public Optional<String> value(RawRow row, Column column) {
        Integer i = index.get(column);
        if (i == null) {
            return Optional.empty();
        }
        String value = row.values().get(i).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The column's name as the header wrote it. */
    public String nameOf(Column column) {
        return written.getOrDefault(column, column.canonicalName());
    }

    public List<String> warnings() {
        return warnings;
    }
}
