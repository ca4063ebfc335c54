/**
 * Dynamic regression: the target explained by covariates (e.g. active users, transactions/s) and
 * Fourier terms of the daily season, with autoregressive errors, forecast with the covariates'
 * known future values.
 */
package io.prescient.forecast.regression;
