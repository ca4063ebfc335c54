/**
 * The embedded default store: one DuckDB file holding series metadata, labels and points, plus the
 * tables that forecasts, plans, actions and model versions go into.
 */
package io.prescient.io.duckdb;
