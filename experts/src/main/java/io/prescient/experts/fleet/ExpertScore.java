package io.prescient.experts.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores accounts from their daily metrics: a weighted sum of standardised parts, each oriented so
 * that higher is better: low cost per vCPU-hour served, the share of resource-days well sized (peak
 * utilisation between 45% and 85%), few saturated hours (the SLA), adherence to best practice (at most
 * {@code maxViolationShare} of hours saturated, at most one change per resource a week, no resource
 * left outside the well-sized band for more than two weeks running), and
 * user feedback ratings (0 to 5, optional). Experts are the accounts whose
 * score is at least {@code threshold} standard deviations above the mean.
 */
public final class ExpertScore {

    /** Weights of the parts. */
    public record Weights(double cost, double utilisation, double sla, double practice, double feedback) {
        public static Weights defaults() {
            return new Weights(0.5, 2, 0.5, 3, 0.5);
        }
    }

    /** One account's parts and total. */
    public record Breakdown(String account, double costPerVcpuHour, double wellSizedShare, double violationShare,
                            double practice, double feedback, double score, boolean expert) {
    }

    private final Weights weights;
    private final int settleDays;
    private final double maxViolationShare;
    private final double threshold;

    /**
     * @param settleDays        days ignored at the start (accounts have not had time to act)
     * @param maxViolationShare best practice: at most this share of resource-hours saturated
     * @param threshold         experts score at least this many standard deviations above the mean
     */
    public ExpertScore(Weights weights, int settleDays, double maxViolationShare, double threshold) {
        this.weights = weights;
        this.settleDays = settleDays;
        this.maxViolationShare = maxViolationShare;
        this.threshold = threshold;
    }

    public List<Breakdown> score(List<AccountDay> days, Map<String, Integer> resources, Map<String, Double> ratings) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (AccountDay d : days) {
            if (d.day() < settleDays) {
                continue;
            }
            double[] s = sums.computeIfAbsent(d.account(), k -> new double[7]);
            s[6] = Math.max(s[6], d.outOfBandRun());
            s[0] += d.costUsd();
            s[1] += d.servedVcpuHours();
            s[2] += d.wellSized();
            s[3] += d.violationHours();
            s[4] += d.changes();
            s[5] += 1;
        }
        List<String> ids = new ArrayList<>(sums.keySet());
        int n = ids.size();
        double[][] parts = new double[5][n];
        double[] cost = new double[n];
        double[] utilisation = new double[n];
        double[] violations = new double[n];
        for (int i = 0; i < n; i++) {
            double[] s = sums.get(ids.get(i));
            int vms = Math.max(1, resources.getOrDefault(ids.get(i), 1));
            cost[i] = s[0] / Math.max(1e-9, s[1]);
            utilisation[i] = s[2] / s[5];
            double violationShare = s[3] / (24.0 * s[5] * vms);
            double changesPerWeek = s[4] / vms / (s[5] / 7.0);
            violations[i] = violationShare;
            parts[0][i] = -Math.log(cost[i]);
            parts[1][i] = utilisation[i];
            parts[2][i] = -Math.sqrt(violationShare);
            parts[3][i] = (violationShare <= maxViolationShare ? 1 : 0) + (changesPerWeek <= 1 ? 1 : 0) + (s[6] <= 14 ? 1 : 0);
            parts[4][i] = ratings.getOrDefault(ids.get(i), 2.5) / 5;
        }
        double[] w = {weights.cost(), weights.utilisation(), weights.sla(), weights.practice(), weights.feedback()};
        double[] total = new double[n];
        for (int k = 0; k < 5; k++) {
            double[] z = standardise(parts[k]);
            for (int i = 0; i < n; i++) {
                total[i] += w[k] * z[i];
            }
        }
        double[] zt = standardise(total);
        List<Breakdown> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Breakdown(ids.get(i), cost[i], utilisation[i], violations[i], parts[3][i], parts[4][i], total[i],
                    zt[i] >= threshold));
        }
        out.sort(Comparator.comparingDouble(Breakdown::score).reversed());
        return out;
    }

    private static double[] standardise(double[] x) {
        double mean = java.util.Arrays.stream(x).average().orElse(0);
        double sd = Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).average().orElse(0));
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = sd > 1e-12 ? (x[i] - mean) / sd : 0;
        }
        return z;
    }

    /** Precision and recall of the experts found against the true ones. */
    public static double[] precisionRecall(List<Breakdown> scored, Set<String> trueExperts) {
        long found = scored.stream().filter(Breakdown::expert).count();
        long right = scored.stream().filter(b -> b.expert() && trueExperts.contains(b.account())).count();
        return new double[] {found == 0 ? 0 : (double) right / found, trueExperts.isEmpty() ? 1 : (double) right / trueExperts.size()};
    }
}
