package dev.journeys.core.internal.input;

import dev.journeys.api.ClosedException;
import jakarta.inject.Singleton;

/** Whether the SDK is still open; every call of the API asks before it does anything. */
@Singleton
public final class SdkState {

    private volatile boolean closed;

    /** @throws ClosedException once the SDK has begun to close */
    public void check() {
        if (closed) {
            throw new ClosedException("the SDK is closed; start a new one with Journeys.configure()...load()");
        }
    }

    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }
}
