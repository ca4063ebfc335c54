/**
 * The store port: what Prescient needs from a place that keeps series (and, as later modules land,
 * forecasts, plans, actions and model versions). Implementations live outside the core.
 */
package io.prescient.core.store;
