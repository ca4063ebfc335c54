/**
 * Model lifecycle: train a model on every series of a scope, validate it on the most recent
 * held-back windows, register the fitted artifact, and let a challenger replace the champion only
 * when it wins by a margin, recording every decision with its evidence.
 */
package io.prescient.forecast.registry;
