/**
 * Automations: their definitions, the engine that matches events and plans their outcomes for the move
 * path, the asynchronous publisher, and the pure parts behind them: converting event attributes to their
 * declared types ({@link dev.journeys.core.internal.automation.AttributeValues}), checking a published event
 * against its trigger ({@link dev.journeys.core.internal.automation.EventCheck}), and checking and evaluating
 * conditions ({@link dev.journeys.core.internal.automation.Conditions}).
 *
 * <p>Internal: not a supported API, and anything here may change at any time, in any release. Hosts use
 * {@code dev.journeys.api}; plugins use {@code dev.journeys.spi}.
 */
package dev.journeys.core.internal.automation;
