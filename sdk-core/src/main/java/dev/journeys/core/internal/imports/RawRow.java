package dev.journeys.core.internal.imports;

import java.util.List;

/** The values of one CSV record as written, and the file line it starts on (the header is line 1). */
public record RawRow(long line, List<String> values) {
}
