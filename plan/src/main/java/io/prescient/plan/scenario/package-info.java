/**
 * Simulated futures: load spikes, feature releases and external events, each with a probability
 * and uncertain timing and size, read from a validated YAML file, and drawn path by path as
 * uplifts of demand (or of a covariate the forecaster reads).
 */
package io.prescient.plan.scenario;
