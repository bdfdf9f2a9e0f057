package dev.journeys.core.internal.automation;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A trigger plugin broke its contract: it threw, or answered {@code null}, or declared its attributes
 * inconsistently. That is a bug in the plugin, not bad input from the host, so it is deliberately not an
 * {@link dev.journeys.api.InvalidInputException}: retrying the same event may well succeed once the plugin is
 * fixed.
 *
 * <p>The engine catches it, records it in the run log as
 * {@link dev.journeys.api.RunDecision.Failed} (with the plugin key and the cause's message), and leaves
 * the event unprocessed (its id is not stored), so the host can publish it again. It must not reach a host as an
 * unexplained {@code RuntimeException}.
 */
public final class PluginFailure extends RuntimeException {

    private final String pluginKey;

    public PluginFailure(String pluginKey, String message, Throwable cause) {
        super("trigger plugin " + AttributeValues.quote(pluginKey) + " failed: " + Objects.requireNonNull(message)
                + (cause == null ? "" : " (" + cause + ")"), cause);
        this.pluginKey = pluginKey;
    }

    /** The key of the plugin at fault, as far as it could tell it. */
    public String pluginKey() {
        return pluginKey;
    }

    /** Calls one of a plugin's methods; what it throws becomes a failure naming the plugin and the method. */
    static <T> T guarded(String pluginKey, String method, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new PluginFailure(pluginKey, method + " threw", e);
        }
    }
}
