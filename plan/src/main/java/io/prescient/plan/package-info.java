/**
 * Planning: turning forecasts into capacity. Subpackages hold the provisioning replay
 * ({@code replay}), and the pieces of the planning loop built on the forecaster API.
 */
package io.prescient.plan;
