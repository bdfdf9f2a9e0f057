/**
 * Triggers for shop orders, for hosts that mirror a shop (Shopify, Stripe, their own) in journeys. Orders
 * carry the CRM deal stage and the external system's status too, because automations filter on them
 * ("only when the deal stage is X") and the order is where the host has them at hand.
 */
package dev.journeys.plugins.commerce;
