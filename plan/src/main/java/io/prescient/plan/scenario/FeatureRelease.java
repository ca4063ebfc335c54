package io.prescient.plan.scenario;

import io.prescient.core.TimeGrid;

import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A release at an uncertain time (epoch seconds, drawn), after which demand (or a covariate) is up
 * by a drawn uplift, reached linearly over the ramp-up and kept to the horizon's end.
 *
 * @param at     release time in epoch seconds (drawn)
 * @param rampUp seconds to reach the full uplift
 */
public record FeatureRelease(String name, String target, double probability, Distribution at, Distribution uplift,
                             long rampUp) implements Scenario {

    @Override
    public void draw(TimeGrid horizon, RandomGenerator random, double[] out) {
        double release = at.sample(random);
        double size = uplift.sample(random);
        for (int h = 0; h < out.length; h++) {
            double since = horizon.timeAt(h) - release;
            if (since >= 0) {
                out[h] += size * (rampUp <= 0 ? 1 : Math.min(1, (since + horizon.stepSeconds()) / rampUp));
            }
        }
    }

    /** {@code type: release}: at, at_uncertainty, uplift and ramp_up. */
    public static final class Type implements ScenarioType {

        @Override
        public String type() {
            return "release";
        }

        @Override
        public Set<String> keys() {
            return Set.of("at", "at_uncertainty", "uplift", "ramp_up");
        }

        @Override
        public String describe() {
            return "a release at an uncertain time: at, at_uncertainty (sd), uplift, ramp_up";
        }

        @Override
        public Scenario read(ScenarioFields f) {
            double time = f.instant("at");
            double sd = f.has("at_uncertainty") ? f.seconds("at_uncertainty") : 0;
            return new FeatureRelease(f.name(), f.target(), f.probability(), sd > 0 ? new Distribution.Normal(time, sd)
                    : new Distribution.Fixed(time), f.distribution("uplift", false), f.has("ramp_up") ? (long) f.seconds("ramp_up") : 0);
        }
    }
}
