package dev.journeys.benchmarks;

import dev.journeys.api.Automation;
import dev.journeys.api.Condition;
import dev.journeys.api.RunDecision;
import dev.journeys.api.TriggerEvent;
import dev.journeys.core.internal.automation.Conditions;
import dev.journeys.core.internal.automation.EventCheck;
import dev.journeys.spi.TriggerPlugin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The matching part of an event alone, in process and without the database: the event checked against its trigger
 * ({@code EventCheck.check}), then every automation's conditions evaluated in order until one fails, with the
 * NOT_MATCHED decision and its explanation built, exactly as AutomationEngine's plan does before anything is
 * written. Uses the SDK's own (public, internal-package) classes, so it measures the same code.
 */
final class MatchingOnly {

    private final TriggerPlugin plugin;
    private final List<Automation> automations;
    private long events;
    private long sink;

    MatchingOnly(TriggerPlugin plugin, List<Automation> automations) {
        this.plugin = plugin;
        this.automations = automations;
    }

    /** Matches one event; alternates paid_a and paid_b like the publishers. */
    void step() {
        long e = events++;
        Map<String, Object> raw = new LinkedHashMap<>(4);
        raw.put("status", (e & 1) == 0 ? BenchAutomations.TO_B : BenchAutomations.TO_A);
        raw.put("amount", BenchAutomations.AMOUNT);
        raw.put("n", (int) (e % 256));
        TriggerEvent event = new TriggerEvent("match-" + e, plugin.key(), "contact-match", Instant.now(), raw);
        Map<String, Object> attributes = EventCheck.check(plugin, event);
        List<RunDecision> decisions = new ArrayList<>();
        int matched = 0;
        for (Automation automation : automations) {
            if (!automation.enabled()) {
                continue;
            }
            Optional<RunDecision> unmatched = firstUnmatched(automation, attributes);
            if (unmatched.isPresent()) {
                decisions.add(unmatched.get());
            } else {
                matched++;
            }
        }
        if (matched != 1) {
            throw new IllegalStateException("event " + e + " matched " + matched + " automations, expected 1");
        }
        sink += decisions.size();
    }

    long sink() {
        return sink;
    }

    /** Same as AutomationEngine.firstUnmatched. */
    private static Optional<RunDecision> firstUnmatched(Automation automation, Map<String, Object> attributes) {
        for (int i = 0; i < automation.conditions().size(); i++) {
            Condition condition = automation.conditions().get(i);
            Optional<String> failed = Conditions.evaluate(condition, attributes);
            if (failed.isPresent()) {
                return Optional.of(new RunDecision.NotMatched(i, condition, failed.get()));
            }
        }
        return Optional.empty();
    }
}
