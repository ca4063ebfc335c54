/**
 * The planning loop: at each step, for each workload, forecast, simulate, plan and act, or hold the
 * capacity in place and say why when anything is wrong (missing data, a failing model). The step
 * is pure ({@link io.prescient.plan.loop.PlanningStep}); the loops around it (simulated clock,
 * CLI, server, Flink) only orchestrate.
 */
package io.prescient.plan.loop;
