/**
 * The forecaster API every model speaks. A {@link io.prescient.forecast.Forecaster} (immutable
 * settings) fits a {@link io.prescient.forecast.History} and returns a
 * {@link io.prescient.forecast.FittedModel}; the fitted model forecasts a horizon as a
 * {@link io.prescient.forecast.Forecast}, which answers quantiles, the mean and sample paths. The
 * evaluator and the planner never ask which model they hold.
 */
package io.prescient.forecast;
