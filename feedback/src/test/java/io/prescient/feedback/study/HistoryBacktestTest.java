package io.prescient.feedback.study;

import io.prescient.feedback.history.HistoryInputs;
import io.prescient.feedback.world.LaunchDecision;
import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryBacktestTest {

    /** Refitted at each origin from the files alone (observable columns, a launch log beside them): the aware forecast wins and every equilibrium converges. */
    @Test
    void rollingOriginsRefitTheOrganisationAndScoreBothForecasts(@TempDir Path dir) throws Exception {
        WorldParameters p = WorldParameters.defaults(0.5, 3);
        WorldSimulator.World world = new WorldSimulator(p).run(LocalDate.of(2026, 1, 1));
        WorldBenchmark.write(dir, world, false, LocalDate.of(2026, 1, 1));
        List<String> decisions = new ArrayList<>(List.of(LaunchDecision.HEADER));
        world.decisions().forEach(d -> decisions.add(d.csv()));
        Files.write(dir.resolve("decisions.csv"), decisions);
        HistoryInputs inputs = HistoryInputs.read(dir, Map.of(), null);
        assertEquals(world.decisions().size(), inputs.log().size());
        FeedbackStudy.Settings settings = new FeedbackStudy.Settings(io.prescient.feedback.history.OrganisationFit.Thresholds.defaults(),
                30, 150, 30, 1);
        HistoryBacktest.Result r = HistoryBacktest.run(inputs, settings, 180, 30);
        assertEquals(6, r.origins().size());
        assertTrue(r.awareMape() < r.naiveMape(), r.awareMape() + " vs " + r.naiveMape());
        assertEquals(1.0, r.convergenceRate(), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HistoryBacktest.run(inputs, settings, 350, 30));
        assertTrue(e.getMessage().contains("365 days") && e.getMessage().contains("--first"), e.getMessage());
    }
}
