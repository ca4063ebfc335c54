package io.prescient.forecast.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A rule that forecasts the median path of the {@code horizon} steps after {@code origin} from a
 * gap-free history {@code y[0, origin)}. Rules are the building blocks the ensemble selects and
 * blends per series.
 */
public interface PointRule extends Serializable {

    /** Name for reports, e.g. {@code profile-7d}. */
    String name();

    /** Steps of history the rule needs before {@code origin}. */
    int warmup();

    /** Writes the forecast of steps origin .. origin+horizon-1 into {@code out}. */
    void forecast(double[] y, int origin, int horizon, double[] out);

    /** The last value. */
    record Last() implements PointRule {
        @Override
        public String name() {
            return "last";
        }

        @Override
        public int warmup() {
            return 1;
        }

        @Override
        public void forecast(double[] y, int origin, int horizon, double[] out) {
            Arrays.fill(out, 0, horizon, y[origin - 1]);
        }
    }

    /** The median of the last {@code k} values, held flat: robust to the spikes that make the last value a poor guess. */
    record RecentMedian(int k) implements PointRule {
        @Override
        public String name() {
            return "median-" + k;
        }

        @Override
        public int warmup() {
            return k;
        }

        @Override
        public void forecast(double[] y, int origin, int horizon, double[] out) {
            Arrays.fill(out, 0, horizon, Medians.of(y, origin - k, origin));
        }
    }

    /**
     * The median of the values at the same phase of the last {@code seasons} seasons of {@code period}
     * steps (the same time of day for a daily period): a profile of recurring load.
     */
    record SeasonalProfile(int period, int seasons) implements PointRule {
        @Override
        public String name() {
            return "profile-" + period + "x" + seasons;
        }

        @Override
        public int warmup() {
            return period * seasons;
        }

        @Override
        public void forecast(double[] y, int origin, int horizon, double[] out) {
            double[] same = new double[seasons];
            for (int h = 0; h < horizon; h++) {
                int back = (h / period + 1) * period; // the first season that ends before the origin
                for (int d = 0; d < seasons; d++) {
                    same[d] = y[origin + h - back - d * period];
                }
                out[h] = seasons == 1 ? same[0] : Medians.ofAll(same);
            }
        }
    }

    /**
     * A seasonal profile shifted to the current level: the profile plus the median gap between the
     * last {@code k} values and the profile at those times, the gap fading with factor {@code decay}
     * per step.
     */
    record LevelledProfile(int period, int seasons, int k, double decay) implements PointRule {
        @Override
        public String name() {
            return "levelled-profile-" + period + "x" + seasons;
        }

        @Override
        public int warmup() {
            return period * seasons + k;
        }

        @Override
        public void forecast(double[] y, int origin, int horizon, double[] out) {
            SeasonalProfile profile = new SeasonalProfile(period, seasons);
            double[] past = new double[k];
            profile.forecast(y, origin - k, k, past);
            double[] gaps = new double[k];
            for (int i = 0; i < k; i++) {
                gaps[i] = y[origin - k + i] - past[i];
            }
            double gap = Medians.ofAll(gaps);
            profile.forecast(y, origin, horizon, out);
            double weight = 1;
            for (int h = 0; h < horizon; h++) {
                weight *= decay;
                out[h] += gap * weight;
            }
        }
    }
}
