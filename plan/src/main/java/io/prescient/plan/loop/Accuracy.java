package io.prescient.plan.loop;

/**
 * Recorded accuracy of one workload's forecasts so far.
 *
 * @param forecasts forecasts made
 * @param points    forecast steps scored against an actual
 * @param meanAbsoluteError mean absolute error of the median over those points
 * @param coverage  share of those points at or below the provisioned percentile
 */
public record Accuracy(int forecasts, int points, double meanAbsoluteError, double coverage) {
}
