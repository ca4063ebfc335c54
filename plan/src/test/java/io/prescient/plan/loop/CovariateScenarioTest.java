package io.prescient.plan.loop;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.regression.DynamicRegressionForecaster;
import io.prescient.neural.NeuralForecaster;
import io.prescient.neural.NeuralSpec;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.capacity.CapacityPlanner;
import io.prescient.plan.montecarlo.SimulationSettings;
import io.prescient.plan.scenario.Distribution;
import io.prescient.plan.scenario.ExternalEvent;
import io.prescient.plan.scenario.LoadSpike;
import io.prescient.plan.scenario.Scenario;
import io.prescient.plan.scenario.ScenarioSet;
import io.prescient.plan.scenario.Shape;
import io.prescient.forecast.model.EnsembleForecaster;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scenario on a covariate reaches the plan through the model: demand is a known function of active
 * users (twice them, plus noise), so doubling the users for one hour must raise the planned P95 in
 * that hour by about twice the users expected then, and leave the other hours alone. The dynamic
 * regression knows the function's form; the LSTM has to learn it from the data.
 */
class CovariateScenarioTest {

    private static final int DAY = 24;
    private static final int HORIZON = 12;
    /** Horizon step (hours ahead, from 0) in which the users double. */
    private static final int AT = 5;

    /** Users: a daily cycle plus campaigns (level shifts of random size and length) that demand's own past cannot foresee. */
    private static double[] users(int n, double level, SplittableRandom r) {
        double[] u = new double[n];
        double campaign = 0;
        int left = 0;
        for (int t = 0; t < n; t++) {
            if (left-- <= 0) {
                campaign = r.nextDouble() < 0.5 ? 0 : 0.3 + 0.9 * r.nextDouble();
                left = 3 + r.nextInt(20);
            }
            u[t] = level * (1 + 0.4 * Math.sin(2 * Math.PI * (t % DAY) / DAY)) * (1 + campaign) + r.nextGaussian() * 0.02 * level;
        }
        return u;
    }

    private static History history(double level, long seed, int days) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] u = users(DAY * days, level, r);
        double[] y = new double[u.length];
        for (int t = 0; t < y.length; t++) {
            y[t] = 2 * u[t] + r.nextGaussian() * 0.04 * level;
        }
        return new History(new TimeGrid(1_375_315_200L, 3600, y.length), y, Map.of("users", u), true);
    }

    private static PlanningStep step(Forecaster model) {
        return new PlanningStep(model, ScenarioSet.baseline(), new CapacityPlanner(new CapacityModel(50, 0.7, 1, 1000, 1000, 0, 0, true)),
                new LoopSettings(HORIZON, 0.95, DAY, 6, 0.2, SimulationSettings.defaults()));
    }

    private static ScenarioSet doubledUsers(History h) {
        long from = h.grid().end() + AT * 3600L;
        return new ScenarioSet("campaign", List.of(new ExternalEvent("users double for an hour", "users", 1, from, from + 3600,
                new Distribution.Fixed(2.0))));
    }

    /**
     * The raise of the P95 plan in each horizon step under the campaign, over the raise the function
     * implies: demand = 2 x users + noise, the users as their own forecast draws them (the plan's
     * covariate futures), doubled in the campaign hour: P95(2 x 2U + e) - P95(2U + e).
     */
    private static double[] raiseOverImplied(PlanningStep step, History h, double level) {
        double[] base = step.simulate(h, ScenarioSet.baseline()).simulation().percentile(0.95);
        double[] raised = step.simulate(h, doubledUsers(h)).simulation().percentile(0.95);
        double[][] users = h.covariateForecasts(HORIZON, DAY).get("users").samplePaths(20_000, new SplittableRandom(9));
        SplittableRandom noise = new SplittableRandom(10);
        double[] plain = new double[users.length];
        double[] doubled = new double[users.length];
        for (int i = 0; i < users.length; i++) {
            double e = noise.nextGaussian() * 0.04 * level;
            plain[i] = 2 * users[i][AT] + e;
            doubled[i] = 4 * users[i][AT] + e;
        }
        java.util.Arrays.sort(plain);
        java.util.Arrays.sort(doubled);
        double implied = doubled[(int) (0.95 * users.length)] - plain[(int) (0.95 * users.length)];
        double[] out = new double[HORIZON];
        for (int k = 0; k < HORIZON; k++) {
            out[k] = (raised[k] - base[k]) / implied;
        }
        return out;
    }

    @Test
    void doublingUsersRaisesTheDynamicRegressionsPlanByWhatDemandOnUsersImplies() {
        History h = history(500, 1, 28);
        double[] ratio = raiseOverImplied(step(DynamicRegressionForecaster.forStep(3600)), h, 500);
        assertEquals(1.0, ratio[AT], 0.05, "the hour the users double: P95 raise over 2 x users");
        for (int k = 0; k < HORIZON; k++) {
            if (k != AT) {
                assertEquals(0, ratio[k], 0.03, "step " + k + " is not in the campaign");
            }
        }
        System.out.printf(java.util.Locale.ROOT, "CovariateScenarioTest: dynreg raises P95 by %.3f x the implied amount in the campaign hour%n",
                ratio[AT]);
    }

    @Test
    void doublingUsersRaisesTheLstmsPlanByWhatItLearntDemandOnUsersIs() {
        List<History> fleet = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            fleet.add(history(50 + 40 * s, 100 + s, 28));
        }
        Forecaster lstm = new NeuralForecaster("lstm", NeuralSpec.defaults(NeuralSpec.Architecture.LSTM, DAY, HORIZON, List.of())
                .withBudget(30, 400), System.out::println).train(fleet);
        assertTrue(lstm.readsCovariates(), "the network learnt from the users the histories carry");
        double[] ratio = raiseOverImplied(step(lstm), history(300, 7, 28), 300);
        System.out.println(java.util.Arrays.toString(ratio));
        System.out.printf(java.util.Locale.ROOT, "CovariateScenarioTest: lstm raises P95 by %.3f x the implied amount in the campaign hour "
                + "(others: max |%.3f|)%n", ratio[AT], java.util.stream.IntStream.range(0, HORIZON).filter(k -> k != AT)
                .mapToDouble(k -> Math.abs(ratio[k])).max().orElse(0));
        assertEquals(1.0, ratio[AT], 0.35, "the hour the users double: P95 raise over 2 x users, as the network learnt it");
        assertTrue(ratio[AT] != 1.0, "through the model, not by a fixed multiplier");
    }

    @Test
    void aScenarioThatCannotReachThePlanIsRefusedWithTheReason() {
        History h = history(500, 1, 28);
        IllegalArgumentException notRead = assertThrows(IllegalArgumentException.class,
                () -> step(EnsembleForecaster.defaults(DAY, HORIZON)).simulate(h, doubledUsers(h)));
        assertTrue(notRead.getMessage().contains("does not read covariates"), notRead.getMessage());
        IllegalArgumentException lacking = assertThrows(IllegalArgumentException.class, () -> step(DynamicRegressionForecaster.forStep(3600))
                .reach(doubledUsers(h), Set.of("sessions")));
        assertTrue(lacking.getMessage().contains("which the workload does not have"), lacking.getMessage());
        List<String> how = step(DynamicRegressionForecaster.forStep(3600)).reach(new ScenarioSet("both", List.of(doubledUsers(h).scenarios().get(0),
                new LoadSpike("spike", Scenario.DEMAND, 0.1, 0.5, new Distribution.Fixed(1.5), new Distribution.Fixed(2), Shape.STEP))), Set.of("users"));
        assertEquals(2, how.size());
        assertTrue(how.get(0).contains("acts on covariate 'users'") && how.get(1).contains("multiplies the model's sample paths"), how.toString());
    }
}
