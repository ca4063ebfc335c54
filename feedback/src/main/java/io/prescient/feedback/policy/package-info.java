/** Capacity policy optimisation: policies scored by simulating the behavioural world under a cost model, tuned with CMA-ES, and compared with confidence intervals. */
package io.prescient.feedback.policy;
