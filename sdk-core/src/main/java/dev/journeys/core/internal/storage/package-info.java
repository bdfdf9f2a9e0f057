/**
 * The storage boundary the engine needs. Internal: may change at any time. Implemented by sdk-jdbc.
 */
package dev.journeys.core.internal.storage;
