package dev.journeys.api;

/** The database failed; nothing of the operation was written. */
public class StorageException extends JourneysException {
    public StorageException(String message) {
        super(ErrorCode.STORAGE_FAILURE, message);
    }

    public StorageException(String message, Throwable cause) {
        super(ErrorCode.STORAGE_FAILURE, message, cause);
    }
}
