package dev.journeys.api;

/** Another writer changed the same definition first; re-read and try again. */
public class ConcurrentChangeException extends JourneysException {
    public ConcurrentChangeException(String message) {
        super(ErrorCode.CONCURRENT_CHANGE, message);
    }

    public ConcurrentChangeException(String message, Throwable cause) {
        super(ErrorCode.CONCURRENT_CHANGE, message, cause);
    }
}
