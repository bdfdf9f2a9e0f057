package dev.journeys.api;

/**
 * The SDK was closed: every call on it, and on every service obtained from it, throws this and writes nothing,
 * whoever owns the database pool.
 */
public class ClosedException extends JourneysException {
    public ClosedException(String message) {
        super(ErrorCode.CLOSED, message);
    }

    public ClosedException(String message, Throwable cause) {
        super(ErrorCode.CLOSED, message, cause);
    }
}
