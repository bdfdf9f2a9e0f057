/**
 * Internal engine of the Journeys SDK. Not a supported API: anything here may change in any release.
 * Hosts use {@code dev.journeys.api}; plugins use {@code dev.journeys.spi}.
 */
package dev.journeys.core.internal;
