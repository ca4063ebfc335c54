package io.prescient.experts.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores accounts from their daily metrics: a weighted sum of standardised parts, each oriented so
 * that higher is better: cost per unit of performance (the catalogue floor cost of the usage served
 * over what was paid), utilisation (the share of VM-days well sized), few saturated hours (the
 * SLA), adherence to {@link BestPractice}, and user feedback ratings (0 to 5, optional). Experts are
 * the accounts whose score is at least {@code threshold} standard deviations above the mean.
 */
public final class ExpertScore {

    /** Weights of the parts. */
    public record Weights(double cost, double utilisation, double sla, double practice, double feedback) {
        public static Weights defaults() {
            return new Weights(2, 3, 1, 3, 0.5);
        }
    }

    /** One account's parts and total. */
    public record Breakdown(String account, double costEfficiency, double wellSizedShare, double saturatedShare,
                            double hotProductionShare, double tightChangeShare, int practicePoints, double rating, double score,
                            boolean expert) {
    }

    private final Weights weights;
    private final BestPractice practice;
    private final int settleDays;
    private final double threshold;

    /**
     * @param settleDays days ignored at the start (accounts have not had time to act)
     * @param threshold  experts score at least this many standard deviations above the mean
     */
    public ExpertScore(Weights weights, BestPractice practice, int settleDays, double threshold) {
        this.weights = weights;
        this.practice = practice;
        this.settleDays = settleDays;
        this.threshold = threshold;
    }

    /** Default threshold: picked with the default weights on twelve training fleets (training traces only). */
    public static final double DEFAULT_THRESHOLD = 1.1;

    public static ExpertScore defaults() {
        return new ExpertScore(Weights.defaults(), BestPractice.defaults(), 10, DEFAULT_THRESHOLD);
    }

    public List<Breakdown> score(List<AccountDay> days, Map<String, Double> ratings) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (AccountDay d : days) {
            double[] s = sums.computeIfAbsent(d.account(), k -> new double[13]);
            s[11] += d.tightChanges();
            s[12] += d.changes();
            if (d.day() < settleDays) {
                continue;
            }
            s[0] += d.costUsd();
            s[1] += d.floorCostUsd();
            s[2] += d.wellSized();
            s[3] += d.violationHours();
            s[4] += d.changes();
            s[5] += d.resources();
            s[6] = Math.max(s[6], d.outOfBandRun());
            s[7] += 1;
            s[8] += d.productionDays();
            s[9] += d.hotProductionDays();
            s[10] += d.rightFamily();
        }
        List<String> ids = new ArrayList<>(sums.keySet());
        int n = ids.size();
        double[][] parts = new double[5][n];
        List<double[]> raw = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] s = sums.get(ids.get(i));
            double accountDays = s[5] == 0 ? 1 : s[5];
            double efficiency = s[1] / Math.max(1e-9, s[0]);
            double wellSized = s[2] / s[7];
            double saturated = s[3] / (24.0 * accountDays);
            double changesPerWeek = s[4] / (accountDays / 7.0);
            double hot = s[8] == 0 ? 0 : s[9] / s[8];
            double rightFamily = s[10] / s[7];
            double tight = s[12] == 0 ? 0 : s[11] / s[12];
            int points = practice.points(saturated, changesPerWeek, (int) s[6], hot, rightFamily, tight);
            double rating = ratings.getOrDefault(ids.get(i), 2.5);
            parts[0][i] = Math.log(efficiency);
            parts[1][i] = wellSized;
            parts[2][i] = -Math.sqrt(saturated);
            parts[3][i] = points;
            parts[4][i] = rating / 5;
            raw.add(new double[] {efficiency, wellSized, saturated, hot, tight, points, rating});
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
            double[] r = raw.get(i);
            out.add(new Breakdown(ids.get(i), r[0], r[1], r[2], r[3], r[4], (int) r[5], r[6], total[i], zt[i] >= threshold));
        }
        out.sort(Comparator.comparingDouble(Breakdown::score).reversed());
        return out;
    }

    private static double[] standardise(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).average().orElse(0));
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
