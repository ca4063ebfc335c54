/**
 * The front door of feedback-aware planning: one organisation's history in, and every question the
 * CLI, the server and the planning loop ask of it answered the same way (the forecast with its
 * equilibrium and stability, the what-if, the backtest, policy tuning and launch timing).
 */
package io.prescient.feedback.study;
