package io.prescient.plan.replay;

/**
 * One workload's demand as the replay uses it: missing values carried forward, leading missing
 * values as 0.
 *
 * @param id     the series' name
 * @param demand demand per step, no NaN
 */
public record DemandTrace(String id, double[] demand) {

    public DemandTrace {
        demand = demand.clone();
    }

    /** Prepares a raw series (NaN = missing). */
    public static DemandTrace of(String id, double[] raw) {
        double[] d = new double[raw.length];
        double last = 0;
        for (int t = 0; t < raw.length; t++) {
            if (!Double.isNaN(raw[t])) {
                last = raw[t];
            }
            d[t] = last;
        }
        return new DemandTrace(id, d);
    }

    @Override
    public double[] demand() {
        return demand.clone();
    }

    public int length() {
        return demand.length;
    }
}
