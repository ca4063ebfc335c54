/** The classical models: naive baselines, exponential smoothing, profiles, dynamic regression and their combination. */
package io.prescient.forecast.model;
