package io.prescient.feedback.study;

import io.prescient.feedback.history.HistoryInputs;
import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * The demo organisation: a simulated world exported as an organisation would export it (observable
 * columns and its launch calendar, into a temporary directory) and read back through the same reader
 * as a user's history, so a demo exercises the product's own pipeline.
 */
public final class SimulatedOrganisation {

    private SimulatedOrganisation() {
    }

    public static HistoryInputs inputs(double strength, long seed, int days) {
        try {
            Path dir = Files.createTempDirectory("prescient-feedback");
            dir.toFile().deleteOnExit();
            WorldParameters d = WorldParameters.defaults(strength, seed);
            WorldParameters p = new WorldParameters(days, d.baseLevel(), d.trendPerDay(), d.weeklyAmplitude(), d.volatility(),
                    d.launchesPerWeek(), d.launchSize(), d.warning(), d.emergency(), d.feedbackStrength(), d.delayIntercept(),
                    d.delayPressure(), d.delayRiskAversion(), d.delayComplexity(), d.delayDays(), d.maxEfficiency(), d.efficiencyRate(),
                    d.learningDays(), d.targetUtilisation(), d.infraLookback(), d.infraAggressiveness(), d.infraLeadDays(),
                    d.shockProbability(), d.shockDays(), seed);
            WorldSimulator.World w = new WorldSimulator(p).run(LocalDate.of(2026, 1, 1));
            WorldBenchmark.write(dir, w, false, LocalDate.of(2026, 1, 1));
            dir.resolve("history.csv").toFile().deleteOnExit();
            dir.resolve("launches.csv").toFile().deleteOnExit();
            return HistoryInputs.read(dir, Map.of(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulated organisation: " + e.getMessage(), e);
        }
    }
}
