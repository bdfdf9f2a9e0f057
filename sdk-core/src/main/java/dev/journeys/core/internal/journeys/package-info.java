/**
 * Journey definitions as hosts edit them, and the stage times read from a contact's history.
 *
 * <p>Internal: not a supported API, and anything here may change at any time, in any release. Hosts use
 * {@code dev.journeys.api}; plugins use {@code dev.journeys.spi}.
 */
package dev.journeys.core.internal.journeys;
