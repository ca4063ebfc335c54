package io.prescient.plan.scenario;

import java.util.random.RandomGenerator;

/** An uncertain quantity of a scenario: fixed, uniform, normal or log-normal. */
public sealed interface Distribution {

    double sample(RandomGenerator random);

    /** The expected value. */
    double mean();

    record Fixed(double value) implements Distribution {
        @Override
        public double sample(RandomGenerator random) {
            return value;
        }

        @Override
        public double mean() {
            return value;
        }
    }

    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            if (!(max >= min)) {
                throw new IllegalArgumentException("uniform needs max >= min, got " + min + ".." + max);
            }
        }

        @Override
        public double sample(RandomGenerator random) {
            return min + (max - min) * random.nextDouble();
        }

        @Override
        public double mean() {
            return (min + max) / 2;
        }
    }

    record Normal(double mean, double sd) implements Distribution {
        public Normal {
            if (!(sd >= 0)) {
                throw new IllegalArgumentException("normal needs sd >= 0, got " + sd);
            }
        }

        @Override
        public double sample(RandomGenerator random) {
            return mean + sd * random.nextGaussian();
        }
    }

    /** Log-normal by its median and the standard deviation of its logarithm. */
    record LogNormal(double median, double sigma) implements Distribution {
        public LogNormal {
            if (!(median > 0 && sigma >= 0)) {
                throw new IllegalArgumentException("lognormal needs median > 0 and sigma >= 0, got " + median + ", " + sigma);
            }
        }

        @Override
        public double sample(RandomGenerator random) {
            return median * Math.exp(sigma * random.nextGaussian());
        }

        @Override
        public double mean() {
            return median * Math.exp(sigma * sigma / 2);
        }
    }
}
