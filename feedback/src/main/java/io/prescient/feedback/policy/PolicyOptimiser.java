package io.prescient.feedback.policy;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937c;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Tunes the capacity policy (target utilisation in [0.5, 0.95], aggressiveness in [0.05, 1]) with
 * CMA-ES on the mean simulated cost over training seeds, then compares it with a baseline policy on
 * fresh seeds: the paired difference of costs, its mean and 95% confidence interval.
 */
public final class PolicyOptimiser {

    /** A paired difference (baseline minus tuned) over the test seeds: mean and 95% interval. */
    public record Difference(String measure, double baseline, double tuned, double mean, double lower, double upper) {
    }

    /** Cost, unserved demand, delayed launch-days and capacity volatility: baseline against tuned, paired by seed. */
    public java.util.List<Difference> impact(CapacityPolicy baseline, CapacityPolicy tuned, long[] testSeeds) {
        PolicyEvaluator.Outcome[] a = evaluator.outcomes(baseline, testSeeds);
        PolicyEvaluator.Outcome[] b = evaluator.outcomes(tuned, testSeeds);
        java.util.List<Difference> out = new java.util.ArrayList<>();
        out.add(difference("total cost", a, b, PolicyEvaluator.Outcome::cost));
        out.add(difference("unserved demand", a, b, PolicyEvaluator.Outcome::unserved));
        out.add(difference("delayed launch-days", a, b, PolicyEvaluator.Outcome::delayedLaunchDays));
        out.add(difference("capacity volatility", a, b, PolicyEvaluator.Outcome::volatility));
        return out;
    }

    private static Difference difference(String name, PolicyEvaluator.Outcome[] a, PolicyEvaluator.Outcome[] b,
                                         java.util.function.ToDoubleFunction<PolicyEvaluator.Outcome> f) {
        int n = a.length;
        double mean = 0;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            mean += (f.applyAsDouble(a[i]) - f.applyAsDouble(b[i])) / n;
            ma += f.applyAsDouble(a[i]) / n;
            mb += f.applyAsDouble(b[i]) / n;
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = f.applyAsDouble(a[i]) - f.applyAsDouble(b[i]) - mean;
            ss += d * d;
        }
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1) / n);
        return new Difference(name, ma, mb, mean, mean - half, mean + half);
    }

    /** The optimised policy and how it compares with the baseline on the test seeds. */
    public record Result(CapacityPolicy policy, double trainingCost, double baselineCost, double optimisedCost,
                         double saving, double savingLower, double savingUpper, int evaluations) {

        /** The saving as a share of the baseline's cost. */
        public double savingShare() {
            return saving / baselineCost;
        }
    }

    private final PolicyEvaluator evaluator;
    private final long seed;

    public PolicyOptimiser(PolicyEvaluator evaluator, long seed) {
        this.evaluator = evaluator;
        this.seed = seed;
    }

    public Result optimise(CapacityPolicy baseline, long[] trainingSeeds, long[] testSeeds, int maxEvaluations) {
        int[] count = {0};
        ObjectiveFunction objective = new ObjectiveFunction(x -> {
            count[0]++;
            return evaluator.mean(new CapacityPolicy(x[0], x[1]), trainingSeeds);
        });
        CMAESOptimizer cmaes = new CMAESOptimizer(maxEvaluations, 0, true, 0, 0, new Well19937c(seed), false, null);
        PointValuePair best = cmaes.optimize(new MaxEval(maxEvaluations), objective, GoalType.MINIMIZE,
                new InitialGuess(new double[] {baseline.targetUtilisation(), baseline.aggressiveness()}),
                new SimpleBounds(new double[] {0.5, 0.05}, new double[] {0.95, 1.0}),
                new CMAESOptimizer.Sigma(new double[] {0.1, 0.2}), new CMAESOptimizer.PopulationSize(8));
        CapacityPolicy tuned = new CapacityPolicy(best.getPoint()[0], best.getPoint()[1]);
        double[] base = evaluator.costs(baseline, testSeeds);
        double[] opt = evaluator.costs(tuned, testSeeds);
        int n = testSeeds.length;
        double mean = 0;
        double baseMean = 0;
        double optMean = 0;
        for (int i = 0; i < n; i++) {
            mean += (base[i] - opt[i]) / n;
            baseMean += base[i] / n;
            optMean += opt[i] / n;
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = base[i] - opt[i] - mean;
            ss += d * d;
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new Result(tuned, best.getValue(), baseMean, optMean, mean, mean - t * se, mean + t * se, count[0]);
    }
}
