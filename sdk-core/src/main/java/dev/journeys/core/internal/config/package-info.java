/**
 * The engine's settings, checked by the public builder before they get here.
 *
 * <p>Internal: not a supported API, and anything here may change at any time, in any release. Hosts use
 * {@code dev.journeys.api}; plugins use {@code dev.journeys.spi}.
 */
package dev.journeys.core.internal.config;
