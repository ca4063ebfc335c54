package io.prescient.plan.loop;

/**
 * Rolling coverage fell below the monitor's floor.
 *
 * @param action what the drift handler did about it (e.g. the retrain cycle's decision)
 */
public record Drift(String workload, long time, double coverage, String action) {
}
