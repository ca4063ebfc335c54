package io.prescient.server.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A fleet state of many synthetic workloads as a round would publish them (a daily cycle of demand,
 * a forecast fan and a plan each; some held, capped or drifting), for tests of the dashboard at
 * fleet size without running a loop over thousands of workloads.
 */
public final class SyntheticFleet {

    private SyntheticFleet() {
    }

    public static FleetState of(int workloads, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long step = 300;
        long now = 1_375_315_200L + 7 * 86_400L;
        int recent = 96;
        int horizon = 24;
        List<WorkloadSnapshot> snapshots = new ArrayList<>();
        for (int w = 0; w < workloads; w++) {
            double level = 50 + random.nextDouble() * 950;
            double unitCapacity = 50;
            long[] times = new long[recent];
            double[] demand = new double[recent];
            double[] capacity = new double[recent];
            double units = Math.ceil(level * (0.8 + 0.6 * random.nextDouble()) / unitCapacity);
            for (int i = 0; i < recent; i++) {
                times[i] = now - (long) (recent - 1 - i) * step;
                demand[i] = level * (1 + 0.3 * Math.sin(2 * Math.PI * (times[i] % 86_400) / 86_400.0)) + random.nextGaussian() * 0.05 * level;
                capacity[i] = units * unitCapacity;
            }
            long[] ahead = new long[horizon];
            double[][] q = new double[ForecastBands.LEVELS.size()][horizon];
            double[] plan = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                ahead[h] = now + (h + 1) * step;
                double median = level * (1 + 0.3 * Math.sin(2 * Math.PI * (ahead[h] % 86_400) / 86_400.0));
                for (int l = 0; l < q.length; l++) {
                    double z = switch (l) { case 0 -> -1.28; case 1 -> -0.67; case 2 -> 0; case 3 -> 0.67; case 4 -> 1.28; case 5 -> 1.64; default -> 2.33; };
                    q[l][h] = median * (1 + 0.1 * z);
                }
                plan[h] = Math.ceil(q[5][h] / (unitCapacity * 0.7)) * unitCapacity;
            }
            boolean held = random.nextDouble() < 0.01;
            int capped = random.nextDouble() < 0.02 ? 3 : 0;
            List<String> drifts = random.nextDouble() < 0.03 ? List.of("coverage 0.42 < 0.85") : List.of();
            io.prescient.plan.capacity.CapacityModel model = new io.prescient.plan.capacity.CapacityModel(unitCapacity, 0.7, 1, 1000, 10, 6, 2, true);
            io.prescient.plan.capacity.Pricing pricing = new io.prescient.plan.capacity.Pricing(0.05, "USD");
            snapshots.add(new WorkloadSnapshot(String.format("svc-%05d/requests", w), "req/s", step, now, times, demand, capacity,
                    unitCapacity, units, Optional.of(new ForecastBands(ahead, q, "ensemble")), plan, held,
                    held ? "hold: the source's data is stale" : "keep " + (int) units + " units: the P95 plan needs no change now",
                    "ensemble", 100, 10 + random.nextInt(20), held ? 1 : 0,
                    List.of(new WorkloadSnapshot.AccuracyPoint(now, level * 0.05, 0.85 + 0.1 * random.nextDouble())),
                    new double[] {0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99}, 1000, drifts, capped, capped > 0 ? level * 0.2 : 0,
                    new WorkloadSnapshot.Costs(pricing, io.prescient.plan.capacity.CostComparison.planCost(plan, step, model, 0.05),
                            io.prescient.plan.capacity.CostComparison.of(demand, capacity, step, model, 0.05))));
        }
        FleetState state = new FleetState(100);
        state.publish(snapshots, List.of());
        return state;
    }
}
