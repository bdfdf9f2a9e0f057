package dev.journeys.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a new custom journey looks like. By default a journey requires no sequence: a contact may enter at any
 * stage and move to any other, backward included. {@link #requireSequence()} makes contacts enter at the first
 * stage and advance one stage at a time; {@link #allowBackward()} then lets them go back too.
 *
 * <pre>{@code
 * JourneySpec.named("Sales").stages("Lead", "Demo Complete", "Trial").requireSequence()
 * }</pre>
 */
public record JourneySpec(String name, List<String> stages, boolean requiresSequence, boolean allowsBackward) {

    public JourneySpec {
        // Not List.copyOf: a null stage name must reach validation and fail there with a typed error.
        stages = stages == null ? null : Collections.unmodifiableList(new ArrayList<>(stages));
    }

    public static JourneySpec named(String name) {
        return new JourneySpec(name, List.of(), false, false);
    }

    public JourneySpec stages(String... stageNames) {
        return new JourneySpec(name, stageNames == null ? null : Arrays.asList(stageNames), requiresSequence, allowsBackward);
    }

    public JourneySpec stages(List<String> stageNames) {
        return new JourneySpec(name, stageNames, requiresSequence, allowsBackward);
    }

    /** Contacts enter at the first stage and advance one stage at a time. */
    public JourneySpec requireSequence() {
        return new JourneySpec(name, stages, true, allowsBackward);
    }

    /**
     * In a journey that requires its sequence, also lets contacts go back to any earlier stage. Without a
     * required sequence backward moves are taken anyway, and this changes nothing.
     */
    public JourneySpec allowBackward() {
        return new JourneySpec(name, stages, requiresSequence, true);
    }
}
