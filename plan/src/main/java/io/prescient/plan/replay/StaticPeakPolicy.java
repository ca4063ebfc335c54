package io.prescient.plan.replay;

import java.util.Arrays;
import java.util.List;

/** Capacity fixed at the largest demand of the warm-up: what a one-off sizing exercise buys. */
public final class StaticPeakPolicy implements PolicyFamily {

    @Override
    public String name() {
        return "static";
    }

    @Override
    public List<String> members() {
        return List.of("warmup-peak");
    }

    @Override
    public double[][] capacities(double[] demand, ReplaySettings settings) {
        double peak = 0;
        for (int t = 0; t < Math.min(settings.warmup(), demand.length); t++) {
            peak = Math.max(peak, demand[t]);
        }
        double[] c = new double[demand.length];
        Arrays.fill(c, peak);
        return new double[][] {c};
    }
}
