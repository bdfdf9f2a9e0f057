package dev.journeys.api;

/** The root of every exception the SDK throws on purpose. */
public class JourneysException extends RuntimeException {

    private final ErrorCode code;

    public JourneysException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public JourneysException(ErrorCode code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
