package io.prescient.experts.ab;

import io.prescient.experts.fleet.Account;
import io.prescient.experts.fleet.FleetSimulator;
import io.prescient.experts.fleet.OperatingPolicy;
import io.prescient.experts.fleet.ResourceDay;

import io.prescient.experiment.Effect;
import io.prescient.experiment.EffectEstimator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * An A/B test of a treatment (recommendations applied: the account run by the recommending policy
 * from the first decision day) against control (the account as it runs itself), in the simulator.
 *
 * <p>Accounts are stratified by their first-week cost (thirds) and, within each stratum, half are
 * drawn for treatment. Outcomes per account over the days since the start of the test: the change
 * in daily cost against the first week (a ratio, so big and small accounts weigh alike), the mean
 * CPU utilisation, and saturated hours per VM-day. Effects are treatment minus control means.
 *
 * <p>Stopping rule: the test is looked at weekly ({@code looks} end days); at look k of K it stops
 * when Welch's statistic for cost exceeds the O'Brien-Fleming boundary c·sqrt(K/k) (c = 2.004 for
 * three looks at a two-sided 5% level, overall), else it runs to the last look. Intervals use the boundary of
 * the look where the test stopped (repeated confidence intervals: they keep their coverage
 * whatever the stopping). Because the simulator can run every account under both arms, each
 * report carries the true effect on the same accounts, to check the intervals against.
 */
public final class AbTest {

    /** Results at the look where the test stopped. */
    public record Report(int treated, int control, int stoppedAtDay, int look, double boundary, boolean stoppedEarly,
                         List<Effect> effects) {

        public Effect effect(String metric) {
            return effects.stream().filter(e -> e.metric().equals(metric)).findFirst().orElseThrow();
        }
    }

    public static final String COST = "cost_change";
    public static final String UTILISATION = "utilisation";
    public static final String SATURATION = "saturated_hours_per_vm_day";

    private final FleetSimulator simulator;
    private final int[] looks;
    private final long seed;

    public AbTest(FleetSimulator simulator, int[] looks, long seed) {
        this.simulator = simulator;
        this.looks = looks.clone();
        this.seed = seed;
    }

    /**
     * @param control   how each account runs itself
     * @param treatment the policy that applies the recommendations (pass {@code control} for a no-op treatment)
     */
    public Report run(List<Account> accounts, Function<Account, OperatingPolicy> control,
                      Function<Account, OperatingPolicy> treatment) {
        List<ResourceDay> asControl = simulator.run(accounts, control).resourceDays();
        List<ResourceDay> asTreated = simulator.run(accounts, treatment).resourceDays();
        Set<String> treated = assign(accounts, asControl);
        int k = looks.length;
        EffectEstimator estimator = new EffectEstimator(2000, seed);
        Report last = null;
        for (int look = 1; look <= k; look++) {
            double boundary = io.prescient.experiment.Looks.boundary(look, k);
            int end = looks[look - 1];
            Map<String, double[]> yc = outcomes(asControl, end);
            Map<String, double[]> yt = outcomes(asTreated, end);
            List<Effect> effects = new ArrayList<>();
            String[] metrics = {COST, UTILISATION, SATURATION};
            for (int m = 0; m < metrics.length; m++) {
                List<Double> t = new ArrayList<>();
                List<Double> ctl = new ArrayList<>();
                double truth = 0;
                for (Account a : accounts) {
                    double observedTreated = yt.get(a.id())[m];
                    double observedControl = yc.get(a.id())[m];
                    truth += (observedTreated - observedControl) / accounts.size();
                    (treated.contains(a.id()) ? t : ctl).add(treated.contains(a.id()) ? observedTreated : observedControl);
                }
                effects.add(estimator.estimate(metrics[m], unbox(t), unbox(ctl), boundary, truth));
            }
            Effect cost = effects.get(0);
            boolean stop = Math.abs(cost.statistic()) >= boundary;
            last = new Report(treated.size(), accounts.size() - treated.size(), end, look, boundary, stop && look < k, effects);
            if (stop) {
                break;
            }
        }
        return last;
    }

    /** Treatment accounts: half of each third of accounts by first-week cost, drawn at random. */
    Set<String> assign(List<Account> accounts, List<ResourceDay> days) {
        Map<String, Double> firstWeek = new HashMap<>();
        for (ResourceDay d : days) {
            if (d.day() < FleetSimulator.FIRST_DECISION_DAY) {
                firstWeek.merge(d.account(), d.costUsd(), Double::sum);
            }
        }
        List<Account> sorted = new ArrayList<>(accounts);
        sorted.sort(Comparator.comparingDouble(a -> firstWeek.getOrDefault(a.id(), 0.0)));
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> treated = new HashSet<>();
        int strata = 3;
        for (int s = 0; s < strata; s++) {
            List<Account> stratum = new ArrayList<>(sorted.subList(s * sorted.size() / strata, (s + 1) * sorted.size() / strata));
            for (int i = stratum.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Account tmp = stratum.get(i);
                stratum.set(i, stratum.get(j));
                stratum.set(j, tmp);
            }
            int half = stratum.size() / 2 + (stratum.size() % 2 == 1 && random.nextBoolean() ? 1 : 0);
            stratum.subList(0, half).forEach(a -> treated.add(a.id()));
        }
        return treated;
    }

    /** Per account: cost change against the first week, mean utilisation and saturated hours per VM-day, days 7 to end. */
    private static Map<String, double[]> outcomes(List<ResourceDay> days, int end) {
        Map<String, double[]> sums = new HashMap<>();
        for (ResourceDay d : days) {
            double[] s = sums.computeIfAbsent(d.account(), x -> new double[6]);
            if (d.day() < FleetSimulator.FIRST_DECISION_DAY) {
                s[0] += d.costUsd();
                s[1]++;
            } else if (d.day() < end) {
                s[2] += d.costUsd();
                s[3] += d.utilisation();
                s[4] += d.violationHours();
                s[5]++;
            }
        }
        Map<String, double[]> out = new HashMap<>();
        sums.forEach((a, s) -> out.put(a, new double[] {(s[2] / s[5]) / (s[0] / s[1]) - 1, s[3] / s[5], s[4] / s[5]}));
        return out;
    }

    private static double[] unbox(List<Double> x) {
        return x.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
