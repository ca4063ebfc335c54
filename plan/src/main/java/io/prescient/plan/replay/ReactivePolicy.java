package io.prescient.plan.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Kubernetes HPA rule on a continuous scale: desired = demand / target utilisation, with the
 * scale-down stabilization window (the largest desired value of the last {@code window} steps;
 * window 1 is the plain rule). One member per (target, window) pair.
 */
public final class ReactivePolicy implements PolicyFamily {

    private final double[] targets;
    private final int[] windows;

    /** @throws IllegalArgumentException for a target outside (0, 1] or a window below 1 */
    public ReactivePolicy(double[] targets, int[] windows) {
        for (double t : targets) {
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("target utilisation must be in (0, 1], got " + t);
            }
        }
        for (int w : windows) {
            if (w < 1) {
                throw new IllegalArgumentException("stabilization window must be at least 1 step, got " + w);
            }
        }
        this.targets = targets.clone();
        this.windows = windows.clone();
    }

    /** The protocol's sweep: targets 0.20..0.95 in steps of 0.05, windows 1, 3, 6, 12, 24, 36, 72 steps. */
    public static ReactivePolicy protocolSweep() {
        double[] targets = new double[16];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = Math.round((0.20 + 0.05 * i) * 100) / 100.0;
        }
        return new ReactivePolicy(targets, new int[] {1, 3, 6, 12, 24, 36, 72});
    }

    @Override
    public String name() {
        return "reactive";
    }

    @Override
    public List<String> members() {
        List<String> names = new ArrayList<>();
        for (int w : windows) {
            for (double t : targets) {
                names.add(String.format(Locale.ROOT, "target=%.2f window=%d", t, w));
            }
        }
        return names;
    }

    @Override
    public double[][] capacities(double[] demand, ReplaySettings settings) {
        double[][] out = new double[windows.length * targets.length][];
        int m = 0;
        for (int w : windows) {
            double[] peak = SlidingMax.of(demand, w);
            for (double target : targets) {
                double[] c = new double[demand.length];
                for (int t = 0; t < c.length; t++) {
                    c[t] = peak[Math.max(0, t - settings.lead())] / target;
                }
                out[m++] = c;
            }
        }
        return out;
    }
}
