/**
 * What the move path writes through storage's one entry, {@link dev.journeys.core.internal.storage.WriteTransaction#write}:
 * a {@link dev.journeys.core.internal.storage.Batch} of moves and what travels with them, and how it fared.
 * Each feature declares the storage it reads in its own package; sdk-jdbc implements them all.
 *
 * <p>Internal: not a supported API, and anything here may change at any time, in any release. Hosts use
 * {@code dev.journeys.api}; plugins use {@code dev.journeys.spi}.
 */
package dev.journeys.core.internal.storage;
