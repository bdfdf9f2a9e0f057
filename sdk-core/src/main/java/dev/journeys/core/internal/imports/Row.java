package dev.journeys.core.internal.imports;

import java.time.Instant;
import java.util.Optional;

/**
 * One data row whose values are well formed. The journey and stage are still as written, an id or a name:
 * they are resolved when the row is decided, against the journey as it is then.
 *
 * @param journey empty when the request names the journey
 */
public record Row(long line, String contactKey, Optional<String> journey, String stage, Optional<Instant> occurredAt,
                  Optional<String> note) {
}
