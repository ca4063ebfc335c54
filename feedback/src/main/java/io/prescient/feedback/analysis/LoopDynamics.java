package io.prescient.feedback.analysis;

import io.prescient.feedback.behaviour.EfficiencyModel;
import io.prescient.feedback.forecast.OperatingFacts;

import java.util.ArrayList;
import java.util.List;

/**
 * The capacity loop over time: how utilisation answers a jump in demand through the organisation's
 * own capacity policy (target, share of the gap ordered, days averaged, lead) and its teams'
 * efficiency work under pressure. From the trajectory: the swings of utilisation about the target
 * (each swing's peak between two crossings), their decay from one swing to the next, the overshoot
 * and the days to settle within two points of the target. Divergent when the swings grow; oscillating
 * when at least three swings decay by less than half each; otherwise stable.
 *
 * @param decayRatio   mean ratio of a swing's peak to the one before (0 with fewer than two swings)
 * @param overshoot    largest swing below the target after the first, as a share of the target
 * @param settlingDays days from the jump until utilisation stays within 0.02 of the target (-1: never)
 * @param loopGain     share of the gap ordered a day times the days of lead (how hard the loop pushes against its delay)
 */
public record LoopDynamics(LoopStability.Verdict verdict, double decayRatio, double overshoot, int settlingDays, double loopGain,
                           int swings, double[] utilisation, double[] capacity) {

    private static final int JUMP_DAY = 10;

    /** The response to demand jumping by {@code step} (0.2 = 20%) on day 10, over {@code days} days. */
    public static LoopDynamics of(OperatingFacts facts, EfficiencyModel efficiency, double step, int days) {
        double target = facts.targetUtilisation();
        double capacity = 1 / target;
        double[] arrivals = new double[days + facts.leadDays() + 2];
        double onOrder = 0;
        double e = 0;
        double previous = target;
        double[] u = new double[days];
        double[] c = new double[days];
        for (int t = 0; t < days; t++) {
            double demand = t < JUMP_DAY ? 1 : 1 + step;
            e = Math.max(0, Math.min(0.95, efficiency.next(e, 10_000 + t, facts.pressure(previous))));
            capacity += arrivals[t];
            onOrder -= arrivals[t];
            u[t] = demand * (1 - e) / capacity;
            c[t] = capacity;
            double recent = 0;
            int from = Math.max(0, t + 1 - facts.lookback());
            for (int k = from; k <= t; k++) {
                recent += u[k] / (t + 1 - from);
            }
            double gap = recent * capacity / target - capacity - onOrder;
            if (gap > 0) {
                double order = facts.aggressiveness() * gap;
                arrivals[t + Math.max(1, facts.leadDays())] += order;
                onOrder += order;
            }
            previous = u[t];
        }
        return analyse(u, c, target, facts.aggressiveness() * Math.max(1, facts.leadDays()));
    }

    static LoopDynamics analyse(double[] u, double[] c, double target, double loopGain) {
        List<Double> peaks = new ArrayList<>();
        double peak = 0;
        int sign = 0;
        for (int t = JUMP_DAY; t < u.length; t++) {
            double x = u[t] - target;
            int s = Math.abs(x) < 1e-4 ? 0 : x > 0 ? 1 : -1;
            if (s != 0 && sign != 0 && s != sign) {
                peaks.add(peak);
                peak = 0;
            }
            if (s != 0) {
                sign = s;
                peak = Math.max(peak, Math.abs(x));
            }
        }
        if (peak > 0) {
            peaks.add(peak);
        }
        double ratio = 0;
        for (int i = 1; i < peaks.size(); i++) {
            ratio += peaks.get(i) / Math.max(1e-12, peaks.get(i - 1)) / (peaks.size() - 1);
        }
        double overshoot = peaks.size() > 1 ? peaks.get(1) / target : 0;
        int settled = -1;
        for (int t = u.length - 1; t >= JUMP_DAY; t--) {
            if (Math.abs(u[t] - target) > 0.02) {
                settled = t == u.length - 1 ? -1 : t + 1 - JUMP_DAY;
                break;
            }
            if (t == JUMP_DAY) {
                settled = 0;
            }
        }
        int third = (u.length - JUMP_DAY) / 3;
        double early = 0;
        double late = 0;
        for (int t = JUMP_DAY; t < u.length; t++) {
            double x = Math.abs(u[t] - target);
            if (t < JUMP_DAY + third) {
                early = Math.max(early, x);
            } else if (t >= u.length - third) {
                late = Math.max(late, x);
            }
        }
        LoopStability.Verdict verdict = late > 1.2 * early && late > 0.02 ? LoopStability.Verdict.DIVERGENT
                : peaks.size() >= 3 && ratio > 0.5 && late > 0.005 ? LoopStability.Verdict.OSCILLATING : LoopStability.Verdict.STABLE;
        return new LoopDynamics(verdict, ratio, overshoot, settled, loopGain, peaks.size(), u, c);
    }

    /** One line: the verdict and the figure that drove it. */
    public String describe() {
        return switch (verdict) {
            case DIVERGENT -> String.format(java.util.Locale.ROOT, "divergent: utilisation swings grow after a demand jump (%d swings, "
                    + "each %.2f times the last; loop gain %.2f)", swings, decayRatio, loopGain);
            case OSCILLATING -> String.format(java.util.Locale.ROOT, "oscillating: %d swings about the target, each %.2f times the last "
                    + "(loop gain %.2f)", swings, decayRatio, loopGain);
            case STABLE -> settlingDays >= 0
                    ? String.format(java.util.Locale.ROOT, "stable: after a demand jump utilisation settles within 2 points of the "
                    + "target in %d days (%d swings, overshoot %.1f%%, loop gain %.2f)", settlingDays, swings, 100 * overshoot, loopGain)
                    : String.format(java.util.Locale.ROOT, "stable but slow: utilisation has not settled within 2 points of the target "
                    + "%d days after a demand jump (loop gain %.2f)", utilisation.length - JUMP_DAY, loopGain);
        };
    }
}
