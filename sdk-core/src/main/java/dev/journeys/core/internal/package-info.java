/**
 * The running SDK: its start and stop, its Guice wiring, and the API of one tenant, which hands each call to
 * the feature that answers it.
 *
 * <p>Internal: not a supported API, and anything here may change at any time, in any release. Hosts use
 * {@code dev.journeys.api}; plugins use {@code dev.journeys.spi}.
 */
package dev.journeys.core.internal;
