package dev.journeys.api;

/** System journeys are managed by their plugin; their definitions cannot be edited. */
public class ReadOnlyJourneyException extends JourneysException {
    public ReadOnlyJourneyException(String message) {
        super(ErrorCode.SYSTEM_JOURNEY_READ_ONLY, message);
    }

    public ReadOnlyJourneyException(String message, Throwable cause) {
        super(ErrorCode.SYSTEM_JOURNEY_READ_ONLY, message, cause);
    }
}
