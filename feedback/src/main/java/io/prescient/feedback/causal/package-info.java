/** Causal estimates from histories where capacity and demand drive each other: instrumental variables (two-stage least squares). */
package io.prescient.feedback.causal;
