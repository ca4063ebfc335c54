package io.prescient.plan.scenario;

import io.prescient.core.TimeGrid;

import java.util.Set;

/**
 * A launch added to the history: from {@code at} on, the values are up by {@code uplift} (0.3 =
 * +30%), reached linearly over {@code rampUp} seconds, so the model learns the level the launch
 * brings (a launch that happened outside the recorded data, or one planned as if it already had).
 *
 * @param at     epoch seconds
 * @param uplift relative rise once ramped up
 * @param rampUp seconds to reach it (0: at once)
 */
public record LaunchAdded(String name, String target, long at, double uplift, long rampUp) implements HistoryEdit {

    public LaunchAdded {
        if (!(uplift > -1) || !Double.isFinite(uplift)) {
            throw new IllegalArgumentException("launch '" + name + "' needs an uplift above -1, got " + uplift);
        }
    }

    @Override
    public double[] edit(TimeGrid grid, double[] values, int season) {
        double[] out = values.clone();
        for (int t = 0; t < values.length; t++) {
            double since = grid.timeAt(t) - at;
            if (since >= 0) {
                out[t] *= 1 + uplift * (rampUp <= 0 ? 1 : Math.min(1, (since + grid.stepSeconds()) / rampUp));
            }
        }
        return out;
    }

    /** {@code type: launch}: at, uplift and ramp_up. */
    public static final class Type implements ScenarioType {

        @Override
        public String type() {
            return "launch";
        }

        @Override
        public Set<String> keys() {
            return Set.of("at", "uplift", "ramp_up");
        }

        @Override
        public String describe() {
            return "a launch's ramp added to the history the model learns from: at, uplift, ramp_up";
        }

        @Override
        public Scenario read(ScenarioFields f) {
            if (f.has("probability")) {
                throw f.error("probability", "no probability: a launch edits the history, it always applies");
            }
            double uplift = f.number("uplift");
            if (!(uplift > -1)) {
                throw f.error("uplift", "a relative rise above -1 (0.3 = +30%), got " + uplift);
            }
            return new LaunchAdded(f.name(), f.target(), (long) f.instant("at"), uplift,
                    f.has("ramp_up") ? (long) f.seconds("ramp_up") : 0);
        }
    }
}
