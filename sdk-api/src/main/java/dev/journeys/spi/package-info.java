/**
 * What plugins implement. Plugins depend on this module only; the SDK finds them with
 * {@link java.util.ServiceLoader} when the host opts in, or takes them from the host in code.
 */
package dev.journeys.spi;
