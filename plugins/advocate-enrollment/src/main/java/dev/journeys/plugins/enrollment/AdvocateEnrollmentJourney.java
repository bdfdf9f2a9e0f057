package dev.journeys.plugins.enrollment;

import dev.journeys.spi.SystemJourneyPlugin;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Advocate Enrollment: where each contact stands in the advocate program, following its enrollment
 * status. Any status may follow any other (a ban can be lifted), so the journey has no required
 * sequence. "ambassador" is accepted as another name for enrolled, as hosts often show it.
 */
public final class AdvocateEnrollmentJourney implements SystemJourneyPlugin {

    public static final String KEY = "advocate-enrollment";

    private static final List<String> STAGES = List.of("Prospect", "Enrolled", "Unsubscribed", "Flagged", "Banned");
    private static final Map<String, String> STAGE_OF_STATUS = Map.of(
            "prospect", "Prospect",
            "enrolled", "Enrolled",
            "ambassador", "Enrolled",
            "unsubscribed", "Unsubscribed",
            "flagged", "Flagged",
            "banned", "Banned");

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "Advocate Enrollment";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<String> stages() {
        return STAGES;
    }

    @Override
    public String attribute() {
        return "status";
    }

    @Override
    public Optional<String> stageFor(String value) {
        return Optional.ofNullable(STAGE_OF_STATUS.get(value.strip().toLowerCase(Locale.ROOT)));
    }
}
