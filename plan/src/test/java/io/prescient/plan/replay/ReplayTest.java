package io.prescient.plan.replay;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayTest {

    private static final ReplaySettings SETTINGS = new ReplaySettings(2, 200);

    private static double[] noisy(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[n];
        for (int t = 0; t < n; t++) {
            d[t] = 100 + 30 * Math.sin(2 * Math.PI * t / 96) + 10 * r.nextGaussian();
        }
        return d;
    }

    @Test
    void slidingMaxIsTheMaximumOfTheTrailingWindow() {
        double[] x = noisy(1, 300);
        double[] max = SlidingMax.of(x, 7);
        for (int t = 0; t < x.length; t++) {
            double expected = Double.NEGATIVE_INFINITY;
            for (int s = Math.max(0, t - 6); s <= t; s++) {
                expected = Math.max(expected, x[s]);
            }
            assertEquals(expected, max[t], 0.0, "step " + t);
        }
    }

    @Test
    void sortedWindowQuantilesMatchSortingTheLastValues() {
        SortedWindow window = new SortedWindow(50);
        double[] x = noisy(2, 500);
        for (int t = 0; t < x.length; t++) {
            window.add(Math.round(x[t]));
            double[] last = Arrays.copyOfRange(x, Math.max(0, t - 49), t + 1);
            for (int i = 0; i < last.length; i++) {
                last[i] = Math.round(last[i]);
            }
            Arrays.sort(last);
            for (double p : new double[] {0.01, 0.5, 0.9, 0.99}) {
                assertEquals(last[Math.max(0, (int) Math.ceil(p * last.length) - 1)], window.quantile(p), 0.0);
            }
        }
    }

    @Test
    void noPolicyButTheOracleLooksAtDemandWithinTheLeadTime() {
        double[] d = noisy(3, 1000);
        int t = 700;
        double[] changed = d.clone();
        for (int s = t - SETTINGS.lead() + 1; s < d.length; s++) {
            changed[s] = 10 * d[s];
        }
        for (PolicyFamily family : List.of(ReactivePolicy.protocolSweep(), new StaticPeakPolicy(), PredictivePolicy.defaultSweep())) {
            double[][] before = family.capacities(d, SETTINGS);
            double[][] after = family.capacities(changed, SETTINGS);
            for (int m = 0; m < before.length; m++) {
                assertArrayEquals(Arrays.copyOf(before[m], t + 1), Arrays.copyOf(after[m], t + 1), 0.0,
                        family.name() + " " + family.members().get(m));
            }
        }
    }

    @Test
    void theOracleCostsOneAndNeverMisses() {
        List<MemberScore> scores = new Replay(List.of(new OraclePolicy()), SETTINGS, 1)
                .run(List.of(DemandTrace.of("a", noisy(4, 1000))), n -> { });
        MemberScore oracle = scores.get(0);
        assertEquals(1.0, oracle.costRatio(), 1e-12);
        assertEquals(0.0, oracle.violationRate());
        assertEquals(1.0, oracle.sloShare());
    }

    @Test
    void thePlainReactiveRuleMissesEveryRiseAndIsScoredExactly() {
        double[] d = new double[400];
        for (int t = 0; t < d.length; t++) {
            d[t] = t % 2 == 0 ? 100 : 200;
        }
        ReactivePolicy plain = new ReactivePolicy(new double[] {1.0}, new int[] {1});
        MemberScore s = new Replay(List.of(plain), SETTINGS, 1).run(List.of(DemandTrace.of("a", d)), n -> { }).get(0);
        // lead 2 keeps the phase: capacity always equals demand two steps back, which is the same value.
        assertEquals(0.0, s.violationRate());
        ReactivePolicy odd = new ReactivePolicy(new double[] {1.0}, new int[] {1});
        MemberScore shifted = new Replay(List.of(odd), new ReplaySettings(1, 200), 1).run(List.of(DemandTrace.of("a", d)), n -> { }).get(0);
        assertEquals(0.5, shifted.violationRate(), 1e-12);
        assertEquals(0.5 * 100 / 150, shifted.unmetShare(), 1e-12);
        assertEquals(1.0, shifted.costRatio(), 1e-12);
    }

    @Test
    void aPercentileOfTheLeadTimeForecastIsExceededAboutThatOften() {
        List<DemandTrace> traces = List.of(DemandTrace.of("a", noisy(5, 6000)), DemandTrace.of("b", noisy(6, 6000)));
        PredictivePolicy policy = new PredictivePolicy(LeadTimeQuantiles.DEFAULTS, new double[] {0.9, 0.95, 0.99});
        List<MemberScore> scores = new Replay(List.of(policy), new ReplaySettings(2, 2016), 2).run(traces, n -> { });
        assertEquals(0.10, scores.get(0).violationRate(), 0.02);
        assertEquals(0.05, scores.get(1).violationRate(), 0.015);
        assertEquals(0.01, scores.get(2).violationRate(), 0.006);
    }

    @Test
    void aViolationPriceChoosesTheLevelThatMinimisesCapacityPlusExpectedViolations() {
        double[] d = noisy(7, 3000);
        PredictivePolicy free = new PredictivePolicy(LeadTimeQuantiles.DEFAULTS, new double[] {0.8, 0.999}, new double[] {0, 1e12});
        double[][] c = free.capacities(d, SETTINGS);
        for (int t = 2500; t < 2600; t++) {
            assertEquals(c[0][t], c[2][t], 0.0, "price 0 takes the lowest level");
            assertEquals(c[1][t], c[3][t], 0.0, "an enormous price takes the highest level");
        }
        assertEquals(List.of("p=0.8", "p=0.999", "price=0", "price=1000000000000"), free.members());
    }

    @Test
    void theIntegerReplicaVariantRoundsEveryCapacityUpToWholeReplicas() {
        double[] d = {10, 101, 199, 200, 250, 20, 30, 40};
        double[][] c = new WholeReplicas(new OraclePolicy(), 100).capacities(d, new ReplaySettings(1, 2));
        assertArrayEquals(new double[] {100, 200, 200, 200, 300, 100, 100, 100}, c[0], 0.0);
    }

    @Test
    void missingDemandIsCarriedForwardAndLeadingGapsAreZero() {
        double[] raw = {Double.NaN, Double.NaN, 5, Double.NaN, 7, Double.NaN};
        assertArrayEquals(new double[] {0, 0, 5, 5, 7, 7}, DemandTrace.of("a", raw).demand(), 0.0);
    }

    @Test
    void tracesShorterThanTheWarmUpAreRefusedWithTheReason() {
        Replay replay = new Replay(List.of(new OraclePolicy()), SETTINGS, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> replay.run(List.of(DemandTrace.of("a", new double[100])), n -> { }));
        assertTrue(e.getMessage().contains("warm-up"), e.getMessage());
    }

    @Test
    void headlinesPickTheCheapestQualifyingMember() {
        List<MemberScore> scores = List.of(
                new MemberScore("reactive", "a", 0.005, 2.0, 0.001, 0.97, 0.01),
                new MemberScore("reactive", "b", 0.009, 1.7, 0.002, 0.90, 0.02),
                new MemberScore("reactive", "c", 0.04, 1.2, 0.01, 0.40, 0.08));
        Headlines.FamilyHeadline h = Headlines.of(scores).get(0);
        assertEquals("b", h.pooled1().orElseThrow().member());
        assertEquals("c", h.pooled5().orElseThrow().member());
        assertEquals("a", h.slo().orElseThrow().member());
    }
}
