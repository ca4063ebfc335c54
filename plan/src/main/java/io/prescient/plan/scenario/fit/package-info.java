/** Scenarios estimated from a workload's own history: the spike process it has shown and the effect past calendar events had. */
package io.prescient.plan.scenario.fit;
