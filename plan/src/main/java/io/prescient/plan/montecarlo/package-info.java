/**
 * Monte Carlo over simulated futures: sample paths of a forecast joined with scenario draws, per
 * step demand distributions, percentiles and exceedance probabilities; seeded, parallel, and
 * independent of the thread count.
 */
package io.prescient.plan.montecarlo;
