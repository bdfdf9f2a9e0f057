package dev.journeys.samples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.journeys.api.ImportOutcome;
import dev.journeys.api.JourneyService;
import dev.journeys.api.JourneysSdk;
import dev.journeys.api.Placement;
import dev.journeys.api.StageCounts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistorySeedTest {

    private static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");

    @Test
    void theSameSeedGivesTheSameFile() {
        assertThat(HistorySeed.generate(200, 90, NOW, 5).csv()).isEqualTo(HistorySeed.generate(200, 90, NOW, 5).csv());
        assertThat(HistorySeed.generate(200, 90, NOW, 5).csv()).isNotEqualTo(HistorySeed.generate(200, 90, NOW, 6).csv());
    }

    @Test
    void everyRowIsInThePastAndEachContactsRowsAreInOrder() {
        HistorySeed.Generated history = HistorySeed.generate(500, 180, NOW, 1);
        List<String> lines = new String(history.csv(), StandardCharsets.UTF_8).lines().toList();

        assertThat(lines.get(0)).isEqualTo("contact,journey,stage,occurred_at");
        assertThat(lines).hasSize(history.rows() + 1);
        assertThat(history.contacts()).hasSize(500).doesNotHaveDuplicates();
        Map<String, Instant> last = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Instant at = Instant.parse(cells[3]);
            assertThat(at).isBefore(NOW).isAfter(NOW.minusSeconds(181L * 86_400));
            Instant previous = last.put(cells[0] + "|" + cells[1], at);
            if (previous != null) {
                assertThat(at).isAfterOrEqualTo(previous);
            }
        }
    }

    @Test
    void theImportBackfillsEveryRowAndTheDashboardSeesTheHistory() {
        try (JourneysSdk sdk = DashboardApp.configure().load()) {
            JourneyService journeys = sdk.defaultTenant();
            Instant now = Instant.now();
            DashboardApp.Seeded seeded = DashboardApp.seed(journeys, 300, 120, now, 3);

            assertThat(seeded.report().outcome()).isEqualTo(ImportOutcome.COMPLETED);
            assertThat(seeded.report().rejected()).isZero();
            assertThat(seeded.report().movesCommitted()).isEqualTo(seeded.history().rows());
            StageCounts counts = journeys.dashboard().stageCounts(seeded.program().referral().id());
            assertThat(counts.total()).isEqualTo(300);
            // Backfilled: a contact's placement is as old as its last row, not as old as the import.
            String contact = seeded.history().contacts().get(0);
            Placement placement = journeys.placement(contact, seeded.program().referral().id()).orElseThrow();
            assertThat(placement.enteredAt()).isBefore(now.minusSeconds(59));
            // 120 days ago nobody had enrolled yet.
            assertThat(journeys.dashboard().stageCountsAt(seeded.program().referral().id(), now.minusSeconds(121L * 86_400))
                    .total()).isZero();
        }
    }
}
