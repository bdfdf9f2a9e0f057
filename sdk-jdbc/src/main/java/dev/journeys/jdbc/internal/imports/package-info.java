/**
 * Import jobs and their rejected rows.
 *
 * <p>Internal: not a supported API, and anything here may change at any time, in any release. Hosts use
 * {@code dev.journeys.jdbc.Journeys} and {@code dev.journeys.api}.
 */
package dev.journeys.jdbc.internal.imports;
