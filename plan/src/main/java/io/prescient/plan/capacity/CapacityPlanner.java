package io.prescient.plan.capacity;

import io.prescient.core.TimeGrid;
import io.prescient.plan.montecarlo.Simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the demand percentile of simulated futures into a plan, as a chain of small rules:
 * percentile -> units at the target utilisation -> bounds -> ramps (a larger rise is started
 * early enough that no step exceeds the largest change) -> lead time (nothing changes before it
 * can be in place) -> scale-down cooldown. Every change records the rule that shaped it.
 */
public final class CapacityPlanner {

    private final CapacityModel model;

    public CapacityPlanner(CapacityModel model) {
        this.model = model;
    }

    public CapacityModel model() {
        return model;
    }

    /** The plan for the p-percentile of the simulated demand, starting from the units now in place. */
    public CapacityPlan plan(Simulation futures, double percentile, double currentUnits) {
        return plan(futures.grid(), futures.percentile(percentile), percentile, currentUnits, Integer.MAX_VALUE / 2);
    }

    /** As {@link #plan(Simulation, double, double)}, when the last change was {@code stepsSinceChange} steps ago. */
    public CapacityPlan plan(Simulation futures, double percentile, double currentUnits, int stepsSinceChange) {
        return plan(futures.grid(), futures.percentile(percentile), percentile, currentUnits, stepsSinceChange);
    }

    /** The plan for a given demand per step (a percentile of some forecast). */
    public CapacityPlan plan(TimeGrid grid, double[] demand, double percentile, double currentUnits) {
        return plan(grid, demand, percentile, currentUnits, Integer.MAX_VALUE / 2);
    }

    /**
     * The plan for a given demand per step, when the last change took effect {@code stepsSinceChange}
     * steps before the first planned step (the cooldown carries over from earlier plans).
     */
    public CapacityPlan plan(TimeGrid grid, double[] demand, double percentile, double currentUnits, int stepsSinceChange) {
        int n = demand.length;
        double[] needed = new double[n];
        for (int h = 0; h < n; h++) {
            needed[h] = clamp(model.unitsFor(demand[h]));
        }
        double[] ramped = needed.clone();
        for (int h = n - 2; h >= 0; h--) {
            ramped[h] = Math.max(ramped[h], ramped[h + 1] - model.maxStep());
        }
        double[] units = new double[n];
        List<CapacityPlan.Change> changes = new ArrayList<>();
        double current = currentUnits;
        int lastChange = -stepsSinceChange;
        for (int h = 0; h < n; h++) {
            double want = ramped[h];
            String reason = null;
            if (h < model.leadSteps()) {
                want = current;
            } else if (want < current && h - lastChange <= model.cooldownSteps()) {
                want = current;
            } else if (want != current) {
                double step = Math.max(-model.maxStep(), Math.min(model.maxStep(), want - current));
                want = current + step;
                reason = reason(grid, h, demand, needed, ramped, percentile, current, want);
            }
            if (reason != null) {
                changes.add(new CapacityPlan.Change(h, Math.max(0, h - model.leadSteps()), current, want, reason));
                lastChange = h;
            }
            units[h] = want;
            current = want;
        }
        double[] capacity = new double[n];
        int cappedSteps = 0;
        double shortfall = 0;
        double atMax = model.maxUnits() * model.unitCapacity() * model.targetUtilisation();
        for (int h = 0; h < n; h++) {
            capacity[h] = units[h] * model.unitCapacity() * model.targetUtilisation();
            if (model.unitsFor(demand[h]) > model.maxUnits()) {
                cappedSteps++;
                shortfall = Math.max(shortfall, demand[h] - atMax);
            }
        }
        return new CapacityPlan(grid, percentile, units, capacity, changes, cappedSteps, shortfall);
    }

    private double clamp(double units) {
        return Math.max(model.minUnits(), Math.min(model.maxUnits(), units));
    }

    private String reason(TimeGrid grid, int h, double[] demand, double[] needed, double[] ramped, double percentile,
                          double from, double to) {
        String when = Instant.ofEpochSecond(grid.timeAt(h)).toString();
        String p = String.format(Locale.ROOT, "P%s", trim(100 * percentile));
        String order = model.leadSteps() > 0 ? String.format(Locale.ROOT, "; order %d step(s) ahead for the lead time",
                model.leadSteps()) : "";
        if (to > from) {
            if (needed[h] < ramped[h]) {
                int peakAt = h;
                while (peakAt + 1 < needed.length && ramped[peakAt + 1] > ramped[peakAt]) {
                    peakAt++;
                }
                return String.format(Locale.ROOT, "scale up %s -> %s units at %s, ramping early (max %d per step) to reach "
                                + "%s units by %s, where %s demand is %s%s", trim(from), trim(to), when, model.maxStep(),
                        trim(needed[peakAt]), Instant.ofEpochSecond(grid.timeAt(peakAt)), p, trim(demand[peakAt]), order);
            }
            String bound = needed[h] >= model.maxUnits() ? " (capped at max_units)" : "";
            return String.format(Locale.ROOT, "scale up %s -> %s units at %s: %s demand %s needs %s units at %s%% target "
                            + "utilisation%s%s", trim(from), trim(to), when, p, trim(demand[h]), trim(needed[h]),
                    trim(100 * model.targetUtilisation()), bound, order);
        }
        String bound = needed[h] <= model.minUnits() ? " (held at min_units)" : "";
        return String.format(Locale.ROOT, "scale down %s -> %s units at %s: %s demand %s needs %s units%s (max %d per step, "
                        + "cooldown %d steps passed)", trim(from), trim(to), when, p, trim(demand[h]), trim(needed[h]), bound,
                model.maxStep(), model.cooldownSteps());
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
