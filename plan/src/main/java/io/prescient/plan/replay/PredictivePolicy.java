package io.prescient.plan.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Prescient's planner under replay, capacity at each step from its forecast of that step's demand
 * made a lead time earlier ({@link LeadTimeQuantiles}), with two kinds of member:
 * <ul>
 *   <li>{@code p=...}: the same percentile p for every workload;</li>
 *   <li>{@code price=...}: a cost-aware percentile per workload and step: of the levels in
 *       {@link #PRICED_LEVELS}, the one minimising capacity + price x (1 - level), i.e. capacity cost
 *       plus a price (in demand units) per expected violation step. Workloads whose tail is expensive
 *       to cover take a lower level, cheap ones a higher level, so a given pooled violation rate costs
 *       less than with one percentile for all.</li>
 * </ul>
 */
public final class PredictivePolicy implements PolicyFamily {

    /** Levels the cost-aware members choose from. */
    static final double[] PRICED_LEVELS = {0.8, 0.85, 0.9, 0.93, 0.95, 0.96, 0.97, 0.98, 0.985, 0.99, 0.993, 0.995, 0.997, 0.999};

    private final LeadTimeQuantiles model;
    private final double[] percentiles;
    private final double[] prices;
    private final double[] levels;

    /** @throws IllegalArgumentException for a percentile outside (0, 1) or a negative price */
    public PredictivePolicy(LeadTimeQuantiles model, double[] percentiles, double[] prices) {
        for (double p : percentiles) {
            if (!(p > 0 && p < 1)) {
                throw new IllegalArgumentException("percentile must be in (0, 1), got " + p);
            }
        }
        for (double price : prices) {
            if (!(price >= 0)) {
                throw new IllegalArgumentException("violation price must be >= 0, got " + price);
            }
        }
        this.model = model;
        this.percentiles = percentiles.clone();
        this.prices = prices.clone();
        TreeSet<Double> all = new TreeSet<>();
        Arrays.stream(percentiles).forEach(all::add);
        if (prices.length > 0) {
            Arrays.stream(PRICED_LEVELS).forEach(all::add);
        }
        this.levels = all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public PredictivePolicy(LeadTimeQuantiles model, double[] percentiles) {
        this(model, percentiles, new double[0]);
    }

    /** The default sweep: p from 0.80 to 0.999, and violation prices from 100 to 10^7 demand units (four per decade). */
    public static PredictivePolicy defaultSweep() {
        double[] prices = new double[21];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = Math.round(100 * Math.pow(10, i / 4.0));
        }
        return new PredictivePolicy(LeadTimeQuantiles.DEFAULTS,
                new double[] {0.80, 0.85, 0.90, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98, 0.985, 0.99, 0.992, 0.993, 0.994, 0.995, 0.997, 0.999},
                prices);
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
        for (double price : prices) {
            names.add(String.format(Locale.ROOT, "price=%.0f", price));
        }
        return names;
    }

    @Override
    public double[][] capacities(double[] demand, ReplaySettings settings) {
        double[][] byLevel = model.along(demand, settings.lead(), levels);
        double[][] out = new double[percentiles.length + prices.length][];
        for (int m = 0; m < percentiles.length; m++) {
            out[m] = byLevel[Arrays.binarySearch(levels, percentiles[m])];
        }
        int[] priced = new int[PRICED_LEVELS.length];
        for (int k = 0; k < priced.length; k++) {
            priced[k] = Arrays.binarySearch(levels, PRICED_LEVELS[k]);
        }
        for (int j = 0; j < prices.length; j++) {
            double[] c = new double[demand.length];
            for (int t = 0; t < c.length; t++) {
                double best = Double.POSITIVE_INFINITY;
                for (int k = 0; k < priced.length; k++) {
                    double value = byLevel[priced[k]][t] + prices[j] * (1 - PRICED_LEVELS[k]);
                    if (value < best) {
                        best = value;
                        c[t] = byLevel[priced[k]][t];
                    }
                }
            }
            out[percentiles.length + j] = c;
        }
        return out;
    }
}
