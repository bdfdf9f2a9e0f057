package dev.journeys.api;

/** A stage that still has contacts cannot be removed without naming where they go. */
public class StageInUseException extends JourneysException {
    public StageInUseException(String message) {
        super(ErrorCode.STAGE_IN_USE, message);
    }

    public StageInUseException(String message, Throwable cause) {
        super(ErrorCode.STAGE_IN_USE, message, cause);
    }
}
