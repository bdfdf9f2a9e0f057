/** The rules every move obeys, as pure functions. Internal: may change at any time. */
package dev.journeys.core.internal.rules;
