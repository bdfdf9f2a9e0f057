package dev.journeys.samples.csvimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample files are test data: the bytes that make messy.csv messy must survive editors and Git. */
class SampleFilesTest {

    @Test
    void messyFileStartsWithABomAndEndsEveryLineWithCrLf() {
        byte[] bytes = SampleFiles.bytes(SampleFiles.MESSY);
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(text).startsWith("\uFEFF Email ,Journey, Stage ,Occurred_At,owner,NOTE\r\n").endsWith("\r\n\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(text.split("\r\n", -1)).hasSize(28);   // 27 lines, then the empty string after the last CRLF
    }

    @Test
    void cleanFileIsAFewHundredRowsOfBackfilledMovesInTimeOrder() {
        CleanCsv clean = CleanCsv.shipped();

        assertThat(SampleFiles.clean().get(0)).isEqualTo("email,journey,stage,occurred_at,note");
        assertThat(clean.rows()).hasSize(326);
        assertThat(clean.rows()).extracting(CleanCsv.Row::occurredAt).isSorted();
        assertThat(clean.rows()).extracting(CleanCsv.Row::journey).containsOnly("Referral Pipeline", "Customer Advocacy");
        Set<String> messyContacts = new String(SampleFiles.bytes(SampleFiles.MESSY), StandardCharsets.UTF_8).lines()
                .map(l -> l.split(",", -1)[0].replace("\"", "").strip()).filter(c -> c.contains("@")).collect(Collectors.toSet());
        assertThat(clean.rows()).extracting(CleanCsv.Row::contact).doesNotContainAnyElementsOf(messyContacts);
    }

    @Test
    void bulkFileRepeatsCleanRowsWithContactsOfTheirOwn(@TempDir Path dir) {
        CleanCsv bulk = CleanCsv.read(SampleFiles.writeBulk(dir.resolve("bulk.csv"), 1_000));
        List<CleanCsv.Row> clean = CleanCsv.shipped().rows();

        assertThat(bulk.rows()).hasSize(1_000);
        assertThat(bulk.rows().get(0).contact()).isEqualTo(clean.get(0).contact().replace("@", "+1@"));
        assertThat(bulk.rows().get(326).contact()).isEqualTo(clean.get(0).contact().replace("@", "+2@"));
        assertThat(bulk.rows().get(999).stage()).isEqualTo(clean.get(999 % 326).stage());
    }
}
