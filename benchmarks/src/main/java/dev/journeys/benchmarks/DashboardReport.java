package dev.journeys.benchmarks;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Prints one database's dashboard figures, and each of issue 6's targets as met or MISSED. */
final class DashboardReport {

    private DashboardReport() {
    }

    static void print(DashboardBench.Outcome o, DashboardBench.Settings s) {
        System.out.printf("Dashboard, %s: %,d contacts, %,d moves over %d days (seed %d)%n", o.database(), s.contacts(),
                s.history(), s.days(), s.seed());
        if (o.seed() == null) {
            System.out.println("  seed: reused from an earlier run (bench.dashboard.reuse)");
        } else {
            DashboardSeeder.Result r = o.seed();
            System.out.printf("  seed (not measured against anything): generated in %.1f s; %,d transitions + %,d placements"
                            + " written in %.1f s (%,.0f rows/s, %s, commits of %,d); ANALYZE %.1f s; CPU JVM/PG/other %s%n",
                    o.generateSeconds(), r.transitions(), r.placements(), r.nanos() / 1e9, r.rowsPerSecond(),
                    o.database().equals("postgres") ? "COPY" : "JDBC batches of 1,000", s.commitRows(),
                    o.analyzeSeconds(), cpu(r.cpu()));
            System.out.printf("  fold of the %,d-transition backlog by the SDK's background fold: %.1f s (%,.0f transitions/s),"
                            + " CPU JVM/PG/other %s%n", r.transitions(), o.foldSeconds(), r.transitions() / o.foldSeconds(),
                    cpu(o.foldCpu()));
        }
        System.out.println("  " + o.check());
        o.notes().forEach(n -> System.out.println("  note: " + n));
        System.out.printf("  Queries through JourneyService.dashboard(), %d warm-up calls then %d timed (GROUP BY: %d), fewer"
                        + " when a query's calls pass %.0f s; one thread; CPU JVM/PG/other over all of them %s%n", s.warmup(),
                s.repeats(), s.groupByRepeats(), s.queryMaxSeconds(), cpu(o.queryCpu()));
        System.out.printf("  %-44s %9s %9s %9s %5s %8s %-7s  %s%n", "", "median ms", "p90 ms", "max ms", "calls", "target", "",
                "answer");
        for (DashboardQueries.Timing t : o.timings()) {
            System.out.printf("  %-44s %9.2f %9.2f %9.2f %5d %8s %-7s  %s%n", t.label(), t.median(), t.p90(),
                    t.millis()[t.millis().length - 1], t.millis().length,
                    t.targetMs() > 0 ? String.format("< %.0f", t.targetMs()) : "-", t.verdict(), t.answer());
        }
        System.out.println("  Targets (issue 6), judged on medians:");
        DashboardQueries.Timing counts = find(o.timings(), "stageCounts (now)");
        DashboardQueries.Timing groupBy = find(o.timings(), "GROUP BY over placements");
        double ratio = groupBy.median() / counts.median();
        System.out.printf("    stage counts now in under 2 ms: %.2f ms  %s%n", counts.median(), counts.verdict());
        System.out.printf("    ... at least 50x faster than a GROUP BY over the placements in the same run: %.2f ms / %.2f ms"
                + " = %.0fx  %s%n", groupBy.median(), counts.median(), ratio, ratio >= 50 ? "met" : "MISSED");
        DashboardQueries.Timing populations = find(o.timings(), "populations");
        System.out.printf("    a year of daily populations in under 50 ms: %.2f ms  %s%n", populations.median(),
                populations.verdict());
        List<DashboardQueries.Timing> conversion = o.timings().stream().filter(t -> t.targetMs() == 100).toList();
        DashboardQueries.Timing worst = conversion.stream().max((a, b) -> Double.compare(a.median(), b.median())).orElseThrow();
        String missed = conversion.stream().filter(t -> !t.verdict().equals("met")).map(DashboardQueries.Timing::label)
                .collect(Collectors.joining(", "));
        System.out.printf("    conversion and stalls in under 100 ms (funnels, timeToConvert, stalls, stalledContacts):"
                + " slowest %s %.2f ms  %s%n", worst.label(), worst.median(), missed.isEmpty() ? "met" : "MISSED: " + missed);
        System.out.println("    extra cost per move of the counters and rollups at most 20% of the move bench: not measured"
                + " here; the move bench before/after the dashboard (benchmarks/README.md)");
        if (o.live() != null) {
            DashboardLive.Result l = o.live();
            double[] ms = l.countMillis();
            System.out.printf("  Moves through the SDK beside it (%d threads, %.0f s): %,.0f moves/s, %d failed; stageCounts"
                            + " meanwhile median %s ms, p90 %s ms (%d calls); at most %,d transitions unfolded at a"
                            + " 1-s sample; fold caught up %s after the moves stopped (>= %,.0f transitions folded/s);"
                            + " CPU JVM/PG/other %s%n", l.threads(), l.run().nanos() / 1e9, l.run().perSecond(),
                    l.run().failures(), at(ms, 0.5), at(ms, 0.9), ms.length, l.maxUnfolded(),
                    l.catchUpSeconds() < 0 ? "NOT within the timeout" : String.format("%.2f s", l.catchUpSeconds()),
                    l.foldedPerSecond(), cpu(l.run().cpu()));
            Optional.ofNullable(l.run().firstFailure()).ifPresent(f -> System.out.println("    first failure: " + f));
            if (!l.pinned().isEmpty()) {
                System.out.println("    meanwhile, holding the fold back: " + l.pinned());
            }
        }
    }

    private static DashboardQueries.Timing find(List<DashboardQueries.Timing> timings, String prefix) {
        return timings.stream().filter(t -> t.label().startsWith(prefix)).findFirst().orElseThrow();
    }

    private static String at(double[] sorted, double p) {
        if (sorted.length == 0) {
            return "n/a";
        }
        return String.format("%.2f", sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)]);
    }

    static String cpu(CpuMeter.Usage u) {
        if (u == null) {
            return "n/a";
        }
        return String.format("%.2f/%.2f/%.2f%s", u.jvmCores(), u.postgresCores(), u.otherCores(),
                u.otherCores() > 0.15 ? " !" : "");
    }
}
