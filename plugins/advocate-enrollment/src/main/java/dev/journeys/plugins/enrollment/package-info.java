/** The Advocate Enrollment system journey. */
package dev.journeys.plugins.enrollment;
