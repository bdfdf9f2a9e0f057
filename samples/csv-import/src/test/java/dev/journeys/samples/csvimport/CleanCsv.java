package dev.journeys.samples.csvimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a file shaped like clean.csv should leave behind, worked out from the file alone, independently of
 * the SDK: its first three columns (email, journey, stage) are never quoted and hold no comma.
 */
record CleanCsv(List<Row> rows) {

    record Row(long line, String contact, String journey, String stage, Instant occurredAt) {
    }

    static CleanCsv of(List<String> lines) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] v = lines.get(i).split(",", 5);
            rows.add(new Row(i + 1, v[0], v[1], v[2], Instant.parse(v[3])));
        }
        return new CleanCsv(rows);
    }

    static CleanCsv shipped() {
        return of(SampleFiles.clean());
    }

    static CleanCsv read(Path file) {
        try {
            return of(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stage each contact ends in, per journey: rows apply in file order, so the last row wins. */
    Map<String, Map<String, String>> finalStages() {
        Map<String, Map<String, String>> byJourney = new LinkedHashMap<>();
        for (Row r : rows) {
            byJourney.computeIfAbsent(r.journey(), k -> new LinkedHashMap<>()).put(r.contact(), r.stage());
        }
        return byJourney;
    }

    /** Contacts per stage name in one journey, stages nobody is in left out. */
    Map<String, Long> stageCounts(String journey) {
        Map<String, Long> counts = new LinkedHashMap<>();
        finalStages().getOrDefault(journey, Map.of()).values().forEach(s -> counts.merge(s, 1L, Long::sum));
        return counts;
    }

    /** Contact and journey pairs the file moves: what an undo of its import puts back. */
    long contactsMoved() {
        return finalStages().values().stream().mapToLong(Map::size).sum();
    }
}
