/**
 * Contact statuses and the system journeys that mirror them, provisioned from plugins in every tenant.
 *
 * <p>Internal: not a supported API, and anything here may change at any time, in any release. Hosts use
 * {@code dev.journeys.api}; plugins use {@code dev.journeys.spi}.
 */
package dev.journeys.core.internal.status;
