package dev.journeys.api;

/** A journey or stage name already taken, ignoring case. */
public class DuplicateNameException extends JourneysException {
    public DuplicateNameException(String message) {
        super(ErrorCode.DUPLICATE_NAME, message);
    }

    public DuplicateNameException(String message, Throwable cause) {
        super(ErrorCode.DUPLICATE_NAME, message, cause);
    }
}
