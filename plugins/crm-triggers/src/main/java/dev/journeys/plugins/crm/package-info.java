/**
 * Triggers for CRM deals, so that a journey can mirror the pipeline a team already keeps in HubSpot or
 * Salesforce. The host translates the CRM's webhook or change event into these attributes.
 */
package dev.journeys.plugins.crm;
