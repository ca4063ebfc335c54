/**
 * Exponential smoothing state-space models (ETS, Hyndman et al. 2008): additive or multiplicative
 * error, none/additive/damped trend, none/additive/multiplicative season; maximum-likelihood fitting
 * and AICc selection; long and multiple seasons through seasonal decomposition.
 */
package io.prescient.forecast.ets;
