/**
 * Prescient's time-series core: immutable series on a regular time grid with missing values (NaN),
 * their identity and units, multivariate series (a target with named covariates), resampling,
 * alignment and gap statistics. This package does no I/O and knows nothing of readers, stores or
 * user interfaces.
 */
package io.prescient.core;
