package io.prescient.feedback.causal;

import io.prescient.feedback.world.SupplyShocks;
import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapacityElasticityTest {

    @Test
    void instrumentsRecoverTheTrueElasticityWhereOrdinaryRegressionIsBiased() {
        double eta = 0.3;
        int ivCovers = 0;
        int olsCovers = 0;
        double olsBias = 0;
        for (long seed = 1; seed <= 10; seed++) {
            WorldParameters d = WorldParameters.defaults(0.1, seed);
            WorldParameters p = new WorldParameters(1095, d.baseLevel(), d.trendPerDay(), d.weeklyAmplitude(), d.volatility(),
                    d.launchesPerWeek(), d.launchSize(), d.warning(), d.emergency(), d.feedbackStrength(), d.delayIntercept(),
                    d.delayPressure(), d.delayRiskAversion(), d.delayComplexity(), d.delayDays(), d.maxEfficiency(),
                    d.efficiencyRate(), d.learningDays(), d.targetUtilisation(), d.infraLookback(), d.infraAggressiveness(),
                    d.infraLeadDays(), d.shockProbability(), d.shockDays(), seed);
            var world = new WorldSimulator(p, new SupplyShocks(0.03, 0.25, 5, eta)).run(LocalDate.of(2026, 1, 1));
            TwoStageLeastSquares.Fit fit = CapacityElasticity.estimate(world.history());
            System.out.printf("seed %d: %s, %s, first-stage F %.0f%n", seed, fit.iv(), fit.ols(), fit.firstStageF());
            ivCovers += fit.iv().covers(eta) ? 1 : 0;
            olsCovers += fit.ols().covers(eta) ? 1 : 0;
            olsBias += (fit.ols().value() - eta) / 10;
            assertTrue(fit.firstStageF() > 10, "weak instrument: F " + fit.firstStageF());
        }
        assertTrue(ivCovers >= 8, "2SLS intervals cover the truth in " + ivCovers + " of 10 worlds");
        assertTrue(olsCovers <= 2, "OLS intervals cover the truth in " + olsCovers + " of 10 worlds (mean bias " + olsBias + ")");
    }

    @Test
    void withoutOutagesThereIsNothingToLearnFrom() {
        var world = new WorldSimulator(WorldParameters.defaults(0.1, 1)).run(LocalDate.of(2026, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> CapacityElasticity.estimate(world.history()));
    }
}
