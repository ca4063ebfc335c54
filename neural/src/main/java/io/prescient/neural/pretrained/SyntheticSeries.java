package io.prescient.neural.pretrained;

import java.util.SplittableRandom;

/**
 * Synthetic series for pretraining, in the spirit of KernelSynth (Chronos) and TiRex's augmented
 * corpora: a smooth Gaussian-process draw (an RBF kernel by random Fourier features), periodic
 * kernels (daily harmonics at the sampling rate's steps per day, a weekly cycle), a linear trend, combined
 * by sum or product, then the shapes resource metrics have: level shifts, spikes, on/off batch
 * jobs, intermittent demand, AR(1) noise (sometimes heavy-tailed), clipping at zero, whole units
 * and missing stretches. Every draw is from the seeded random source, so a corpus is reproducible.
 */
public final class SyntheticSeries {

    /** Steps per day of the sampling rates drawn: 1 min, 5 min, 10 min, 15 min, 30 min, 1 h, 2 h, 1 day (weekly at 7). */
    private static final int[] STEPS_PER_DAY = {1440, 288, 144, 96, 48, 24, 12, 7};

    private SyntheticSeries() {
    }

    /** A series of {@code length} steps. */
    public static double[] draw(int length, SplittableRandom r) {
        int day = STEPS_PER_DAY[r.nextInt(STEPS_PER_DAY.length)];
        double[] shape = new double[length];
        double[] periodic = periodic(length, day, r);
        double[] smooth = r.nextDouble() < 0.7 ? smooth(length, day, r) : new double[length];
        double slope = r.nextDouble() < 0.4 ? gaussian(r) * 0.5 / length : 0;
        boolean product = r.nextDouble() < 0.4;
        for (int t = 0; t < length; t++) {
            double trend = slope * t;
            shape[t] = product ? (1 + trend) * (1 + 0.5 * smooth[t]) * (1 + periodic[t]) - 1 : trend + 0.5 * smooth[t] + periodic[t];
        }
        shifts(shape, r);
        batchJobs(shape, day, r);
        double level = Math.exp(r.nextDouble() * Math.log(1e6)) * (r.nextDouble() < 0.1 ? 1e-3 : 1);
        double noise = Math.exp(Math.log(0.005) + r.nextDouble() * Math.log(0.5 / 0.005));
        double phi = r.nextDouble() * 0.95;
        boolean heavy = r.nextDouble() < 0.3;
        double spikes = r.nextDouble() < 0.4 ? r.nextDouble() * 0.01 : 0;
        double[] y = new double[length];
        double e = 0;
        for (int t = 0; t < length; t++) {
            double shock = heavy ? gaussian(r) / Math.sqrt(Math.max(0.2, chiSquare(3, r) / 3)) : gaussian(r);
            e = phi * e + Math.sqrt(1 - phi * phi) * noise * shock;
            double v = level * (1 + shape[t] + e);
            if (spikes > 0 && r.nextDouble() < spikes) {
                v += level * Math.exp(gaussian(r)) * 2;
            }
            y[t] = v;
        }
        finish(y, level, r);
        return y;
    }

    /** Daily harmonics at random amplitudes and phases, sometimes peaked (office hours), and a weekly cycle. */
    private static double[] periodic(int length, int day, SplittableRandom r) {
        double[] p = new double[length];
        if (r.nextDouble() < 0.15) {
            return p;
        }
        int harmonics = 1 + r.nextInt(4);
        double amplitude = r.nextDouble() * 0.8;
        double[] a = new double[harmonics];
        double[] phase = new double[harmonics];
        for (int k = 0; k < harmonics; k++) {
            a[k] = amplitude * r.nextDouble() / (k + 1);
            phase[k] = r.nextDouble() * 2 * Math.PI;
        }
        boolean peaked = r.nextDouble() < 0.3;
        double weekend = day >= 12 && r.nextDouble() < 0.5 ? r.nextDouble() * 0.6 : 0;
        int weekStart = r.nextInt(7);
        for (int t = 0; t < length; t++) {
            double s = 0;
            for (int k = 0; k < harmonics; k++) {
                s += a[k] * Math.sin(2 * Math.PI * (k + 1) * t / day + phase[k]);
            }
            if (peaked) {
                s = amplitude * (Math.exp(2 * s / Math.max(amplitude, 1e-9)) - 1) / 3;
            }
            int dayOfWeek = (t / day + weekStart) % 7;
            p[t] = s - (dayOfWeek >= 5 ? weekend : 0);
        }
        return p;
    }

    /** A Gaussian process with an RBF kernel, by random Fourier features; its length scale from an hour to weeks. */
    private static double[] smooth(int length, int day, SplittableRandom r) {
        int features = 16;
        double scale = day / 24.0 * Math.exp(r.nextDouble() * Math.log(24 * 14));
        double[] w = new double[features];
        double[] b = new double[features];
        for (int k = 0; k < features; k++) {
            w[k] = gaussian(r) / scale;
            b[k] = r.nextDouble() * 2 * Math.PI;
        }
        double amplitude = r.nextDouble() * 0.6;
        double[] f = new double[length];
        for (int t = 0; t < length; t++) {
            double s = 0;
            for (int k = 0; k < features; k++) {
                s += Math.cos(w[k] * t + b[k]);
            }
            f[t] = amplitude * Math.sqrt(2.0 / features) * s;
        }
        return f;
    }

    /** A few level shifts (deployments, migrations), each a multiple of the level from a step on. */
    private static void shifts(double[] shape, SplittableRandom r) {
        if (r.nextDouble() < 0.6) {
            return;
        }
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            int at = r.nextInt(shape.length);
            double jump = gaussian(r) * 0.4;
            for (int t = at; t < shape.length; t++) {
                shape[t] += jump;
            }
        }
    }

    /** On/off batch jobs: a block of extra load for part of every period. */
    private static void batchJobs(double[] shape, int day, SplittableRandom r) {
        if (r.nextDouble() < 0.75) {
            return;
        }
        int period = Math.max(2, r.nextDouble() < 0.6 ? day : 2 + r.nextInt(Math.max(2, 2 * day)));
        int on = 1 + r.nextInt(Math.max(1, period / 2));
        int offset = r.nextInt(period);
        double height = 0.2 + r.nextDouble() * 2;
        for (int t = 0; t < shape.length; t++) {
            if ((t + offset) % period < on) {
                shape[t] += height;
            }
        }
    }

    /** Zero clipping, intermittency, whole units and missing stretches, each only sometimes. */
    private static void finish(double[] y, double level, SplittableRandom r) {
        boolean clip = r.nextDouble() < 0.8;
        double idle = r.nextDouble() < 0.1 ? 0.3 + r.nextDouble() * 0.6 : 0;
        boolean counts = r.nextDouble() < 0.15;
        double countScale = counts ? Math.max(1, 50 / Math.max(level, 1e-9)) : 1;
        for (int t = 0; t < y.length; t++) {
            double v = y[t];
            if (clip && v < 0) {
                v = 0;
            }
            if (idle > 0 && r.nextDouble() < idle) {
                v = 0;
            }
            if (counts) {
                v = Math.round(Math.max(0, v) * countScale);
            }
            y[t] = v;
        }
        if (r.nextDouble() < 0.1) {
            int gaps = 1 + r.nextInt(4);
            for (int g = 0; g < gaps; g++) {
                int at = r.nextInt(y.length);
                int len = 1 + r.nextInt(Math.max(1, y.length / 50));
                for (int t = at; t < Math.min(y.length, at + len); t++) {
                    y[t] = Double.NaN;
                }
            }
        }
    }

    static double gaussian(SplittableRandom r) {
        double u = Math.max(1e-12, r.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static double chiSquare(int k, SplittableRandom r) {
        double s = 0;
        for (int i = 0; i < k; i++) {
            double z = gaussian(r);
            s += z * z;
        }
        return s;
    }
}
