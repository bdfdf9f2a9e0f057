package dev.journeys.samples.dashboard;

import static dev.journeys.samples.dashboard.ReferralProgram.ADVOCACY;
import static dev.journeys.samples.dashboard.ReferralProgram.AMBASSADOR;
import static dev.journeys.samples.dashboard.ReferralProgram.CASE_STUDY;
import static dev.journeys.samples.dashboard.ReferralProgram.ENROLLED;
import static dev.journeys.samples.dashboard.ReferralProgram.FIRST_ORDER_RECEIVED;
import static dev.journeys.samples.dashboard.ReferralProgram.FIRST_REFERRAL_SENT;
import static dev.journeys.samples.dashboard.ReferralProgram.REFERRAL;
import static dev.journeys.samples.dashboard.ReferralProgram.REVIEW_POSTED;
import static dev.journeys.samples.dashboard.ReferralProgram.REVIEW_REQUESTED;
import static dev.journeys.samples.dashboard.ReferralProgram.REWARD_PAID;
import static dev.journeys.samples.dashboard.ReferralProgram.SHARED_ON_SOCIAL;

import dev.journeys.api.Actor;
import dev.journeys.api.ImportMode;
import dev.journeys.api.ImportReport;
import dev.journeys.api.ImportRequest;
import dev.journeys.api.ImportSource;
import dev.journeys.api.JourneyService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Months of made-up but plausible referral-program history, written as one CSV in memory and imported with
 * backfilled {@code occurred_at} times: the fast way to give a fresh database a past.
 *
 * <p>Enrollments grow over the period; each advocate then sends a first referral, gets a first order and is
 * paid a reward with falling odds and random delays, and rewarded advocates go on to the advocacy journey.
 * A step whose time would fall after {@code now} never happens, so recent advocates sit in early stages and
 * some older ones stall, as in a real program. The same seed gives the same file.
 */
public final class HistorySeed {

    private static final String[] FIRST = {"maya", "liam", "sofia", "noah", "ava", "lucas", "zoe", "ethan", "mia",
        "omar", "lena", "raj", "ines", "kofi", "yuki", "amara", "jonas", "elif", "diego", "nora", "tariq", "priya",
        "hugo", "sara", "mateo", "chloe", "ivan", "aisha", "felix", "leah"};
    private static final String[] LAST = {"chen", "okafor", "rossi", "berg", "patel", "silva", "martin", "kim",
        "novak", "haddad", "schmidt", "sato", "garcia", "mensah", "larsen", "dubois", "kowalski", "ali", "meyer",
        "costa", "nakamura", "walsh", "fischer", "moreau", "yilmaz", "singh", "brown", "lopez", "ivanova", "reyes"};

    /** What was generated: the CSV and the contacts it enrolls. */
    public record Generated(byte[] csv, int rows, List<String> contacts) {
    }

    /** One generated row. */
    private record Row(Instant at, String contact, String journey, String stage) {
    }

    private HistorySeed() {
    }

    /**
     * Generates the history of {@code contacts} advocates enrolled over the {@code days} before {@code now}.
     */
    public static Generated generate(int contacts, int days, Instant now, long seed) {
        if (contacts < 0 || days < 1) {
            throw new IllegalArgumentException("contacts must be >= 0 and days >= 1");
        }
        Random random = new Random(seed);
        Instant start = now.minus(days, ChronoUnit.DAYS);
        Instant last = now.minusSeconds(60);
        double span = Duration.between(start, last).toSeconds();
        List<Row> rows = new ArrayList<>(contacts * 3);
        List<String> keys = new ArrayList<>(contacts);
        for (int i = 0; i < contacts; i++) {
            String contact = FIRST[random.nextInt(FIRST.length)] + "." + LAST[random.nextInt(LAST.length)] + "."
                    + (i + 1) + "@example.com";
            keys.add(contact);
            // sqrt: the density of enrollments grows linearly towards now, a program that is picking up.
            Instant t = start.plusSeconds((long) (span * Math.sqrt(random.nextDouble())));
            rows.add(new Row(t, contact, REFERRAL, ENROLLED));
            t = step(rows, random, t, last, 0.62, 6, contact, REFERRAL, FIRST_REFERRAL_SENT);
            t = t == null ? null : step(rows, random, t, last, 0.48, 9, contact, REFERRAL, FIRST_ORDER_RECEIVED);
            t = t == null ? null : step(rows, random, t, last, 0.88, 3, contact, REFERRAL, REWARD_PAID);
            if (t == null) {
                continue;
            }
            // What the review-request chain automation would have done, minutes after the reward.
            t = t.plusSeconds(30 + random.nextInt(600));
            if (t.isAfter(last)) {
                continue;
            }
            rows.add(new Row(t, contact, ADVOCACY, REVIEW_REQUESTED));
            if (random.nextDouble() < 0.12) {
                // Some share before they ever write a review: the ordered funnel counts them out.
                t = step(rows, random, t, last, 1.0, 8, contact, ADVOCACY, SHARED_ON_SOCIAL);
            } else {
                t = step(rows, random, t, last, 0.55, 6, contact, ADVOCACY, REVIEW_POSTED);
                t = t == null ? null : step(rows, random, t, last, 0.42, 10, contact, ADVOCACY, SHARED_ON_SOCIAL);
            }
            t = t == null ? null : step(rows, random, t, last, 0.3, 20, contact, ADVOCACY, CASE_STUDY);
            if (t != null) {
                step(rows, random, t, last, 0.35, 25, contact, ADVOCACY, AMBASSADOR);
            }
        }
        // Rows apply in file order; by time is how an export would come, and keeps each contact's rows in order.
        rows.sort(Comparator.comparing(Row::at));
        StringBuilder csv = new StringBuilder(rows.size() * 80).append("contact,journey,stage,occurred_at\n");
        for (Row row : rows) {
            csv.append(row.contact()).append(',').append(row.journey()).append(',').append(row.stage()).append(',')
                    .append(row.at().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        }
        return new Generated(csv.toString().getBytes(StandardCharsets.UTF_8), rows.size(), List.copyOf(keys));
    }

    /**
     * Imports the generated history: best effort, automations suppressed (the file already holds what they
     * would have done), every move effective at its {@code occurred_at}.
     */
    public static ImportReport importInto(JourneyService journeys, Generated history) {
        return journeys.imports().run(ImportRequest.of("referral-history.csv", ImportSource.of(history.csv()), Actor.integration("seed"))
                .mode(ImportMode.BEST_EFFORT)
                .suppressingAutomations()
                .batchSize(ImportRequest.MAX_BATCH_SIZE));
    }

    /** With probability {@code odds}, the next stage after an exponential delay of mean {@code meanDays}. */
    private static Instant step(List<Row> rows, Random random, Instant from, Instant last, double odds, double meanDays,
                                String contact, String journey, String stage) {
        if (random.nextDouble() >= odds) {
            return null;
        }
        long delay = (long) (-Math.log(1 - random.nextDouble()) * meanDays * 86_400) + 600;
        Instant at = from.plusSeconds(delay);
        if (at.isAfter(last)) {
            return null;
        }
        rows.add(new Row(at, contact, journey, stage));
        return at;
    }
}
