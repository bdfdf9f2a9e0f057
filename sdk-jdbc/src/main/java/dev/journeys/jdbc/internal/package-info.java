/** JDBC storage internals. Not a supported API: anything here may change in any release. */
package dev.journeys.jdbc.internal;
