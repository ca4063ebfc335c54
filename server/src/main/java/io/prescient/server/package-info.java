/**
 * {@code prescient serve}: the planning loop running inside a web server. {@link io.prescient.server.state}
 * holds what the loop has done as immutable snapshots; {@link io.prescient.server.api} serves them as a
 * REST API, a dashboard and {@code /metrics}.
 */
package io.prescient.server;
