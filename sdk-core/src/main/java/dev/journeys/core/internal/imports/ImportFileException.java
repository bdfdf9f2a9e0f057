package dev.journeys.core.internal.imports;

/** The file cannot be read on from {@code line}: a bad header, an unterminated quote, invalid UTF-8. */
public final class ImportFileException extends RuntimeException {

    private final long line;

    public ImportFileException(long line, String message, Throwable cause) {
        super("line " + line + ": " + message, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
