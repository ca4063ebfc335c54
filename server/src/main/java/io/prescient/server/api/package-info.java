/**
 * The server's faces: the REST API (documented in {@code openapi.yaml}), the dashboard's static pages,
 * and {@code /metrics} in the OpenMetrics format; with the token check, request-size and rate limits
 * and 4xx errors that name what was wrong.
 */
package io.prescient.server.api;
