package dev.journeys.spi;

import java.util.List;
import java.util.Map;

/**
 * A kind of event that automations can react to, such as {@code order.created}. Register one with
 * {@code META-INF/services/dev.journeys.spi.TriggerPlugin} and let the host opt in to discovery, or
 * hand it to the SDK's configuration in code. Two plugins may not share a key.
 */
public interface TriggerPlugin {

    /** Stable key, lower case with dots, e.g. {@code deal.stage_changed}. */
    String key();

    /** What people see, e.g. "Deal stage changed". */
    String displayName();

    /** The attributes events of this trigger carry. The SDK checks presence and types before {@link #validate}. */
    List<AttributeSpec> attributes();

    /**
     * Checks that go beyond presence and type, on attributes already converted to their Java types.
     *
     * @return problems found, each a sentence naming the attribute; empty when the event is fine
     */
    default List<String> validate(Map<String, Object> attributes) {
        return List.of();
    }

    /**
     * Whether {@link #validate} may block or run long: wait on I/O, a lock or another service. {@code true} by
     * default, and then the SDK calls it on a thread of its own under the configured plugin timeout, so that a
     * plugin that hangs fails one event instead of holding its publisher; that hand-off costs each event tens
     * of microseconds. A plugin whose checks only look at the attributes it is given answers {@code false} and
     * is called on the publishing thread, with no time limit. Asked before each call of {@link #validate} while
     * a plugin timeout is configured; a plugin that throws here fails the event as if {@code validate} had.
     */
    default boolean validateMayBlock() {
        return true;
    }
}
