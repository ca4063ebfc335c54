/** Behaviour models fitted from history, with the uncertainty of their parameters: launch delays and efficiency work. */
package io.prescient.feedback.behaviour;
