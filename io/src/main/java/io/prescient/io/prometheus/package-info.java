/**
 * Demand from Prometheus: PromQL range queries through the HTTP API (with step, retries, timeouts and
 * an optional authorisation header), turned into series on a regular grid.
 */
package io.prescient.io.prometheus;
