/**
 * An organisation's own history in: a daily or weekly CSV read by column name (aliases, or a mapping
 * the user gives), its launch calendar, and the latent quantities behind them (base demand,
 * efficiency work, the capacity policy) estimated from what was observed, with their uncertainty.
 */
package io.prescient.feedback.history;
