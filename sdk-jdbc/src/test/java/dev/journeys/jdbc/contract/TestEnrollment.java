package dev.journeys.jdbc.contract;

import dev.journeys.spi.SystemJourneyPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A system journey like Advocate Enrollment, at any version: version 2 adds an "Alumni" stage. */
record TestEnrollment(int version) implements SystemJourneyPlugin {

    static final String KEY = "test-enrollment";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "Enrollment";
    }

    @Override
    public List<String> stages() {
        List<String> stages = new ArrayList<>(List.of("Prospect", "Enrolled", "Unsubscribed", "Flagged", "Banned"));
        if (version >= 2) {
            stages.add("Alumni");
        }
        return stages;
    }

    @Override
    public String attribute() {
        return "status";
    }

    @Override
    public Optional<String> stageFor(String value) {
        String wanted = value.toLowerCase(Locale.ROOT);
        return stages().stream().filter(s -> s.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
