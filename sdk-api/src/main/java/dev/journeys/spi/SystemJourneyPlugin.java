package dev.journeys.spi;

import java.util.List;
import java.util.Optional;

/**
 * A journey the SDK creates and manages itself in every tenant, moved only by changes of one contact
 * attribute, never by hand. Found with {@link java.util.ServiceLoader} when the host opts in, or given
 * in code.
 *
 * <p>Raising {@link #version()} with new stages appended upgrades every tenant's copy in place at the
 * next start, keeping all history. Stages are never removed or renamed by an upgrade.
 */
public interface SystemJourneyPlugin {

    /** Stable key, e.g. {@code advocate-enrollment}; one journey per key per tenant. */
    String key();

    /** The journey's name as people see it, e.g. "Advocate Enrollment". */
    String displayName();

    /** Starts at 1; raise it when {@link #stages()} gains stages. */
    int version();

    /** The stages, in order. */
    List<String> stages();

    /** Whether contacts must move through the stages in order. Most status mirrors allow any change. */
    default boolean requiresSequence() {
        return false;
    }

    /** The contact attribute this journey follows; {@code status} for enrollment status. */
    String attribute();

    /**
     * The stage a contact belongs in when the attribute takes {@code value}, by stage name.
     *
     * @return empty when the value is not one this journey knows
     */
    Optional<String> stageFor(String value);
}
