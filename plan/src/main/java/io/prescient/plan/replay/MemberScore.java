package io.prescient.plan.replay;

/**
 * One policy member's figures over every scored step of every series.
 *
 * @param family             oracle, reactive, static or predictive
 * @param member             the member's setting
 * @param violationRate      share of steps with demand above capacity (pooled)
 * @param costRatio          sum of capacity over sum of demand
 * @param unmetShare         sum of demand above capacity over sum of demand
 * @param sloShare           share of series with at most 1% violations
 * @param p90SeriesViolation 90th percentile of the per-series violation rates
 */
public record MemberScore(String family, String member, double violationRate, double costRatio, double unmetShare,
                          double sloShare, double p90SeriesViolation) {
}
