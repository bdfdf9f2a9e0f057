package dev.journeys.api;

/** A setting the SDK cannot start with. */
public class ConfigurationException extends JourneysException {
    public ConfigurationException(String message) {
        super(ErrorCode.CONFIGURATION, message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(ErrorCode.CONFIGURATION, message, cause);
    }
}
