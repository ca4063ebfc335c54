package io.prescient.plan.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prescient's planner under replay: capacity at each step is percentile p of its forecast of that
 * step's demand, made a lead time earlier ({@link LeadTimeQuantiles}); one member per p.
 */
public final class PredictivePolicy implements PolicyFamily {

    private final LeadTimeQuantiles model;
    private final double[] percentiles;

    public PredictivePolicy(LeadTimeQuantiles model, double[] percentiles) {
        for (double p : percentiles) {
            if (!(p > 0 && p < 1)) {
                throw new IllegalArgumentException("percentile must be in (0, 1), got " + p);
            }
        }
        this.model = model;
        this.percentiles = percentiles.clone();
    }

    /** The default sweep: p from 0.80 to 0.999, finer where the 1% and 5% headlines fall. */
    public static PredictivePolicy defaultSweep() {
        return new PredictivePolicy(LeadTimeQuantiles.DEFAULTS,
                new double[] {0.80, 0.85, 0.90, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98, 0.985, 0.99, 0.992, 0.993, 0.994, 0.995, 0.997, 0.999});
    }

    @Override
    public String name() {
        return "predictive";
    }

    @Override
    public List<String> members() {
        List<String> names = new ArrayList<>();
        for (double p : percentiles) {
            names.add(String.format(Locale.ROOT, "p=%s", p));
        }
        return names;
    }

    @Override
    public double[][] capacities(double[] demand, ReplaySettings settings) {
        return model.along(demand, settings.lead(), percentiles);
    }
}
