package io.prescient.feedback.policy;

import io.prescient.feedback.world.HistoryRow;
import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;

import java.time.LocalDate;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Scores a capacity policy by simulating worlds (one per seed, the same seeds for every policy:
 * common random numbers, so differences between policies are the policies') and pricing them:
 * capacity held, demand above capacity, and launch-days of delay.
 */
public final class PolicyEvaluator {

    private final LongFunction<WorldParameters> world;
    private final CostModel costs;

    /** @param world the world for a seed (its capacity policy is replaced by the one evaluated) */
    public PolicyEvaluator(LongFunction<WorldParameters> world, CostModel costs) {
        this.world = world;
        this.costs = costs;
    }

    /** Cost of each seed's world under the policy. */
    public double[] costs(CapacityPolicy policy, long[] seeds) {
        double[] out = new double[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            WorldParameters p = with(world.apply(seeds[i]), policy);
            WorldSimulator.World w = new WorldSimulator(p).run(LocalDate.of(2026, 1, 1));
            out[i] = cost(w.history(), p);
        }
        return out;
    }

    public double mean(CapacityPolicy policy, long[] seeds) {
        double[] c = costs(policy, seeds);
        double sum = 0;
        for (double v : c) {
            sum += v;
        }
        return sum / c.length;
    }

    /** One world's outcome under a policy: total cost, unserved demand, delayed launch-days, capacity volatility. */
    public record Outcome(double cost, double unserved, double delayedLaunchDays, double volatility) {
    }

    /** Each seed's outcome under the policy (volatility: standard deviation of daily relative capacity changes). */
    public Outcome[] outcomes(CapacityPolicy policy, long[] seeds) {
        Outcome[] out = new Outcome[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            WorldParameters p = with(world.apply(seeds[i]), policy);
            List<HistoryRow> h = new WorldSimulator(p).run(LocalDate.of(2026, 1, 1)).history();
            double unserved = 0;
            double delays = 0;
            double sum = 0;
            double squares = 0;
            for (int t = 0; t < h.size(); t++) {
                HistoryRow r = h.get(t);
                unserved += Math.max(0, r.actualDemand() - r.allocatedCapacity());
                delays += (double) r.delayedLaunches() * p.delayDays();
                if (t > 0) {
                    double change = r.allocatedCapacity() / h.get(t - 1).allocatedCapacity() - 1;
                    sum += change;
                    squares += change * change;
                }
            }
            int n = h.size() - 1;
            out[i] = new Outcome(cost(h, p), unserved, delays, Math.sqrt(Math.max(0, squares / n - (sum / n) * (sum / n))));
        }
        return out;
    }

    /** A policy's mean yearly capacity cost and unserved demand (the SLA side) over the seeds. */
    public record Tradeoff(CapacityPolicy policy, double capacityCost, double unserved, double delayedLaunchDays) {
    }

    public Tradeoff tradeoff(CapacityPolicy policy, long[] seeds) {
        double capacity = 0;
        double unserved = 0;
        double delays = 0;
        for (long seed : seeds) {
            WorldParameters p = with(world.apply(seed), policy);
            for (HistoryRow r : new WorldSimulator(p).run(LocalDate.of(2026, 1, 1)).history()) {
                capacity += costs.capacityPerUnitDay() * r.allocatedCapacity() / seeds.length;
                unserved += Math.max(0, r.actualDemand() - r.allocatedCapacity()) / seeds.length;
                delays += (double) r.delayedLaunches() * p.delayDays() / seeds.length;
            }
        }
        return new Tradeoff(policy, capacity, unserved, delays);
    }

    /** The policies of a grid that no other beats on both capacity cost and unserved demand, cheapest first. */
    public List<Tradeoff> paretoFrontier(double[] targets, double[] aggressiveness, long[] seeds) {
        List<Tradeoff> all = new java.util.ArrayList<>();
        for (double t : targets) {
            for (double a : aggressiveness) {
                all.add(tradeoff(new CapacityPolicy(t, a), seeds));
            }
        }
        return all.stream().filter(x -> all.stream().noneMatch(y -> y != x && y.capacityCost() <= x.capacityCost()
                        && y.unserved() <= x.unserved() && (y.capacityCost() < x.capacityCost() || y.unserved() < x.unserved())))
                .sorted(java.util.Comparator.comparingDouble(Tradeoff::capacityCost)).toList();
    }

    /** A policy's mean outcome over the seeds: total cost, unserved demand, delayed launch-days and capacity volatility. */
    public record Mean(CapacityPolicy policy, double cost, double unserved, double delayedLaunchDays, double volatility) {
    }

    public Mean mean(CapacityPolicy policy, long[] seeds, boolean outcomes) {
        Outcome[] o = outcomes(policy, seeds);
        int n = o.length;
        return new Mean(policy, java.util.Arrays.stream(o).mapToDouble(Outcome::cost).sum() / n,
                java.util.Arrays.stream(o).mapToDouble(Outcome::unserved).sum() / n,
                java.util.Arrays.stream(o).mapToDouble(Outcome::delayedLaunchDays).sum() / n,
                java.util.Arrays.stream(o).mapToDouble(Outcome::volatility).sum() / n);
    }

    /** The policies of a grid that no other beats on both total cost and capacity volatility (stability), cheapest first. */
    public List<Mean> stabilityFrontier(double[] targets, double[] aggressiveness, long[] seeds) {
        List<Mean> all = new java.util.ArrayList<>();
        for (double t : targets) {
            for (double a : aggressiveness) {
                all.add(mean(new CapacityPolicy(t, a), seeds, true));
            }
        }
        return all.stream().filter(x -> all.stream().noneMatch(y -> y != x && y.cost() <= x.cost() && y.volatility() <= x.volatility()
                        && (y.cost() < x.cost() || y.volatility() < x.volatility())))
                .sorted(java.util.Comparator.comparingDouble(Mean::cost)).toList();
    }

    double cost(List<HistoryRow> history, WorldParameters p) {
        double total = 0;
        for (HistoryRow r : history) {
            total += costs.capacityPerUnitDay() * r.allocatedCapacity();
            total += costs.slaPenaltyPerUnit() * Math.max(0, r.actualDemand() - r.allocatedCapacity());
            total += costs.delayPerLaunchDay() * r.delayedLaunches() * p.delayDays();
        }
        return total;
    }

    static WorldParameters with(WorldParameters p, CapacityPolicy policy) {
        return new WorldParameters(p.days(), p.baseLevel(), p.trendPerDay(), p.weeklyAmplitude(), p.volatility(), p.launchesPerWeek(),
                p.launchSize(), p.warning(), p.emergency(), p.feedbackStrength(), p.delayIntercept(), p.delayPressure(),
                p.delayRiskAversion(), p.delayComplexity(), p.delayDays(), p.maxEfficiency(), p.efficiencyRate(), p.learningDays(),
                policy.targetUtilisation(), p.infraLookback(), policy.aggressiveness(), p.infraLeadDays(), p.shockProbability(),
                p.shockDays(), p.seed());
    }
}
