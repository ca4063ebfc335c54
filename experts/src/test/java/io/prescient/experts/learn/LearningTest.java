package io.prescient.experts.learn;

import io.prescient.experts.catalogue.Catalogue;
import io.prescient.experts.fleet.Account;
import io.prescient.experts.fleet.ActionSpace;
import io.prescient.experts.fleet.ExpertScore;
import io.prescient.experts.fleet.FleetBuilder;
import io.prescient.experts.fleet.FleetFiles;
import io.prescient.experts.fleet.FleetSimulator;
import io.prescient.experts.fleet.Reward;
import io.prescient.experts.fleet.RulePolicies;
import io.prescient.experts.fleet.Step;
import io.prescient.experts.fleet.Trace;
import io.prescient.experts.recommend.Recommendation;
import io.prescient.experts.recommend.Recommender;
import io.prescient.forecast.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class LearningTest {

    static final ActionSpace SPACE = new ActionSpace(Catalogue.aws());

    public static List<Trace> traces(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Trace> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double level = 0.5 + 6 * r.nextDouble();
            double memory = level * (1 + 8 * r.nextDouble());
            double[] cpu = new double[30 * 24];
            double[] mem = new double[cpu.length];
            for (int h = 0; h < cpu.length; h++) {
                cpu[h] = Math.max(0.05, level * (1 + 0.4 * Math.sin(2 * Math.PI * h / 24)) * (1 + 0.1 * r.nextGaussian()));
                mem[h] = memory * (1 + 0.05 * r.nextGaussian());
            }
            out.add(new Trace("t" + i, cpu, mem));
        }
        return out;
    }

    @Test
    void clonedAndTunedPolicyBeatsDoingNothingAndExplainsItself(@TempDir Path dir) throws Exception {
        FleetSimulator simulator = new FleetSimulator(SPACE, Reward.defaults(), Instant.parse("2013-08-01T00:00:00Z"), 1);
        FleetBuilder builder = FleetBuilder.defaults(SPACE);
        List<Account> training = builder.build(traces(60, 1), 40, "train", 1);
        List<Account> validation = builder.build(traces(20, 2), 10, "val", 2);
        List<Account> heldOut = builder.build(traces(40, 3), 20, "test", 3);
        PolicyTraining.Result r = new PolicyTraining(simulator, ExpertScore.defaults(), BehaviourCloning.Settings.defaults(),
                new Ppo.Settings(3, 3e-4, 0.2, 2, 512, 0.9, 0.9, 0.01, 1)).train(training, validation, line -> { });
        assertTrue(r.cloning().validationAccuracy() > 0.6, "cloning accuracy " + r.cloning().validationAccuracy());
        RulePolicies rules = new RulePolicies(SPACE);
        double idle = Ppo.meanReward(simulator.run(heldOut, a -> rules.idle()).steps());
        double learnt = Ppo.meanReward(simulator.run(heldOut, a -> new LearntPolicy(r.network(), SPACE, true)).steps());
        assertTrue(learnt > idle + 0.1, "learnt " + learnt + " against idle " + idle);

        List<Step> demos = simulator.run(training, a -> rules.of(a.skill())).steps().stream()
                .filter(s -> r.experts().contains(s.account())).toList();
        ExpertPolicy stored = ExpertPolicy.fromBytes(new ExpertPolicy(r.network(),
                demos.stream().map(s -> StateFeatures.of(s.observation(), SPACE)).toArray(float[][]::new),
                demos.stream().mapToInt(Step::move).toArray()).toBytes());
        FleetSimulator.Fleet idleFleet = simulator.run(heldOut, a -> rules.idle());
        FleetFiles.write(dir, idleFleet, Instant.parse("2013-08-01T00:00:00Z"));
        FleetFiles.Recorded recorded = FleetFiles.read(dir, Catalogue.aws());
        double[][] before = new LearntPolicy(r.network(), SPACE, true).probabilities(recorded.latest());
        double[][] after = new LearntPolicy(stored.network(), SPACE, true).probabilities(recorded.latest());
        assertArrayEquals(before[0], after[0], 1e-6);
        List<Recommendation> recs = Recommender.ranked(new Recommender(stored, SPACE, Models.create("ets", 3600, 24, 168), 20, 50, 10)
                .recommend(recorded));
        assertFalse(recs.isEmpty());
        Recommendation first = recs.get(0);
        assertTrue(first.explanation().contains("a month") && first.explanation().contains("similar"), first.explanation());
        assertTrue(first.similarExperts() == 20 && first.confidence() > 0 && first.confidence() <= 1);
        for (int i = 0; i < recs.size(); i++) {
            explanationAgreesWithThePlan(recs.get(i));
            if (i > 0 && recs.get(i).withheld() == recs.get(i - 1).withheld()) {
                assertTrue(recs.get(i).expectedNetUsd() <= recs.get(i - 1).expectedNetUsd(), "ranked by expected net benefit");
            }
        }
    }

    /** The numbers in the text are the plan's, and the text never says a P95 above capacity beside no risk of saturation. */
    static void explanationAgreesWithThePlan(Recommendation r) {
        String t = r.explanation();
        java.util.function.Function<String, Double> number = pattern -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(t);
            assertTrue(m.find(), "'" + pattern + "' in: " + t);
            return Double.parseDouble(m.group(1));
        };
        assertEquals(Math.abs(r.monthlySavingsUsd()), number.apply("(?:Saves|Costs more by) \\$([0-9.]+) a month"), 0.006, t);
        assertEquals(100 * r.cpuP95After(), number.apply("next week's P95 at ([0-9.]+)%"), 0.51, t);
        assertEquals(100 * r.saturationRisk(), number.apply("chance of any: ([0-9.]+)%"), 0.51, t);
        assertEquals(r.saturatedHoursWeek(), number.apply("with ([0-9.]+) expected saturated hours"), 0.051, t);
        assertEquals(r.expectedNetUsd(), number.apply("Expected net benefit \\$(-?[0-9.]+) a month"), 0.006, t);
        if (r.cpuP95After() >= 1) {
            assertTrue(r.saturationRisk() > 0 && r.saturatedHoursWeek() > 0, "P95 above the capacity needs saturated hours: " + t);
        }
        assertEquals(r.saturationRisk() >= Recommendation.HIGH, t.contains("Withheld"), t);
        assertEquals(r.saturationRisk() >= Recommendation.MATERIAL && r.saturationRisk() < Recommendation.HIGH, t.contains("Flagged"), t);
    }
}
