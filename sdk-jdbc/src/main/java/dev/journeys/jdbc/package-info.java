/**
 * The entry point hosts start: {@code Journeys.configure()...load()}. Embedded H2 in memory unless told
 * otherwise; PostgreSQL from a JDBC URL or a host-supplied {@code DataSource}.
 */
package dev.journeys.jdbc;
