package io.prescient.feedback.forecast;

import io.prescient.feedback.world.HistoryRow;
import io.prescient.feedback.world.LaunchDecision;
import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackForecasterTest {

    private static final int T = 300;
    private static final int H = 30;

    /** Mean MAPE of the naive and the feedback-aware forecast over 20 seeds. */
    private static double[] mapes(double strength) {
        double naive = 0;
        double aware = 0;
        for (long seed = 1; seed <= 20; seed++) {
            WorldParameters d = WorldParameters.defaults(strength, seed);
            WorldParameters p = new WorldParameters(T + H, d.baseLevel(), d.trendPerDay(), d.weeklyAmplitude(), d.volatility(),
                    d.launchesPerWeek(), d.launchSize(), d.warning(), d.emergency(), d.feedbackStrength(), d.delayIntercept(),
                    d.delayPressure(), d.delayRiskAversion(), d.delayComplexity(), d.delayDays(), d.maxEfficiency(),
                    d.efficiencyRate(), d.learningDays(), d.targetUtilisation(), d.infraLookback(), d.infraAggressiveness(),
                    d.infraLeadDays(), d.shockProbability(), d.shockDays(), seed);
            WorldSimulator.World world = new WorldSimulator(p).run(LocalDate.of(2026, 1, 1));
            List<HistoryRow> past = world.history().subList(0, T);
            List<LaunchDecision> log = world.decisions().stream().filter(x -> x.day() < T).toList();
            double[] actual = world.history().subList(T, T + H).stream().mapToDouble(HistoryRow::actualDemand).toArray();
            FeedbackForecaster f = new FeedbackForecaster(OperatingFacts.of(p), H, 200, seed);
            naive += f.naive(past, world.calendar()).mape(actual) / 20;
            aware += f.feedbackAware(past, log, world.calendar()).mape(actual) / 20;
        }
        return new double[] {naive, aware};
    }

    @Test
    void atStrengthHalfTheFeedbackAwareForecastIsFarBetterAndAtOneTenthNoWorse() {
        double[] strong = mapes(0.5);
        double[] weak = mapes(0.1);
        System.out.printf("strength 0.5: naive MAPE %.4f, feedback-aware %.4f; strength 0.1: naive %.4f, feedback-aware %.4f%n",
                strong[0], strong[1], weak[0], weak[1]);
        assertTrue(strong[1] <= 0.75 * strong[0], "strength 0.5: naive " + strong[0] + ", feedback-aware " + strong[1]);
        assertTrue(weak[1] <= weak[0] * 1.02, "strength 0.1: naive " + weak[0] + ", feedback-aware " + weak[1]);
    }
}
