/** Fixed points of the forecast-capacity-behaviour map: damped iteration and Anderson acceleration, with non-convergence reported. */
package io.prescient.feedback.equilibrium;
