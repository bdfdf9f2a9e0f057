/**
 * A trigger plugin written the way a host writes its own: one class implementing
 * {@link dev.journeys.spi.TriggerPlugin}, one line in {@code META-INF/services}, its own jar, and nothing
 * but journeys-api on its classpath.
 */
package dev.journeys.samples.referral;
