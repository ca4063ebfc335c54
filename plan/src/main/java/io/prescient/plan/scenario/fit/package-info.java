/** Scenarios estimated from a workload's own history: the spike process it has shown. */
package io.prescient.plan.scenario.fit;
