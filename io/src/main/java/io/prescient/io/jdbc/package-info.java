/**
 * The store on JDBC: series, points, the model registry and the planning journal in plain SQL tables,
 * shared by the embedded DuckDB store and the PostgreSQL store; what differs is a {@link io.prescient.io.jdbc.Dialect}.
 */
package io.prescient.io.jdbc;
