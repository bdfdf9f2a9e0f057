package dev.journeys.api;

/** Input that is null, blank, too long or malformed. */
public class InvalidInputException extends JourneysException {
    public InvalidInputException(String message) {
        super(ErrorCode.INVALID_INPUT, message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(ErrorCode.INVALID_INPUT, message, cause);
    }
}
