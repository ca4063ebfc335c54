package io.prescient.plan.scenario;

import io.prescient.core.TimeGrid;

import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Load spikes arriving at random (a Poisson process of {@code perDay} spikes a day), each with a
 * drawn size (relative uplift), duration and a shape.
 *
 * @param duration duration in seconds (drawn)
 */
public record LoadSpike(String name, String target, double probability, double perDay, Distribution magnitude,
                        Distribution duration, Shape shape) implements Scenario {

    @Override
    public void draw(TimeGrid horizon, RandomGenerator random, double[] uplift) {
        double expected = perDay * horizon.length() * horizon.stepSeconds() / 86400.0;
        int count = poisson(expected, random);
        for (int c = 0; c < count; c++) {
            int start = random.nextInt(horizon.length());
            int steps = Math.max(1, (int) Math.round(duration.sample(random) / horizon.stepSeconds()));
            double size = magnitude.sample(random);
            for (int i = 0; i < steps && start + i < uplift.length; i++) {
                uplift[start + i] += size * shape.share(i, steps);
            }
        }
    }

    private static int poisson(double mean, RandomGenerator random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** {@code type: spike}: per_day, magnitude (relative uplift), duration and shape. */
    public static final class Type implements ScenarioType {

        @Override
        public String type() {
            return "spike";
        }

        @Override
        public Set<String> keys() {
            return Set.of("per_day", "magnitude", "duration", "shape");
        }

        @Override
        public String describe() {
            return "spikes arriving at random: per_day, magnitude (relative uplift), duration, shape (step, ramp, decay)";
        }

        @Override
        public Scenario read(ScenarioFields f) {
            return new LoadSpike(f.name(), f.target(), f.probability(), f.nonNegative("per_day"), f.distribution("magnitude", false),
                    f.distribution("duration", true), f.shape("shape"));
        }
    }
}
