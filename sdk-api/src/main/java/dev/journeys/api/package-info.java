/**
 * The public API of the Journeys SDK: everything a host application calls.
 *
 * <p>Start with {@link dev.journeys.api.JourneysSdk}, obtain a {@link dev.journeys.api.JourneyService}
 * for a tenant, define {@link dev.journeys.api.Journey journeys} and move contacts with
 * {@link dev.journeys.api.MoveRequest move requests}. Every value here is an immutable record; every
 * refusal of a move is a typed {@link dev.journeys.api.Rejection}; every other failure is a
 * {@link dev.journeys.api.JourneysException} with a stable {@link dev.journeys.api.ErrorCode}.
 *
 * <p>Automations ({@link dev.journeys.api.AutomationService}) react to {@link dev.journeys.api.TriggerEvent
 * trigger events}: a trigger, {@link dev.journeys.api.Condition conditions} and {@link dev.journeys.api.Outcome
 * outcomes}, with every decision written to a queryable run log of {@link dev.journeys.api.RunRecord}s.
 */
package dev.journeys.api;
