/**
 * Rolling-origin evaluation exactly as the forecast protocol defines it: tasks and their test
 * windows, the pooled metrics (MASE, CRPS as the weighted quantile loss, MAE, 80% coverage), and a
 * backtest that runs any forecaster over a panel. Nothing here knows which model it evaluates.
 */
package io.prescient.forecast.eval;
