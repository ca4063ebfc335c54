package io.prescient.feedback.forecast;

import io.prescient.feedback.world.HistoryFiles;
import io.prescient.feedback.world.HistoryRow;
import io.prescient.feedback.world.Launch;
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
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackBacktestTest {

    @Test
    void rollingOriginsScoreBothForecastsFromFilesAndTheEquilibriaConverge(@TempDir Path dir) throws Exception {
        WorldParameters p = WorldParameters.defaults(0.5, 3);
        WorldSimulator.World world = new WorldSimulator(p).run(LocalDate.of(2026, 1, 1));
        List<String> history = new ArrayList<>(List.of(HistoryRow.HEADER));
        world.history().forEach(r -> history.add(r.csv()));
        Files.write(dir.resolve("history.csv"), history);
        List<String> launches = new ArrayList<>(List.of("planned_date,size,complexity,risk_aversion"));
        for (Launch l : world.calendar()) {
            launches.add(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.6f", LocalDate.of(2026, 1, 1).plusDays(l.day()), l.size(),
                    l.complexity(), l.riskAversion()));
        }
        Files.write(dir.resolve("launches.csv"), launches);
        List<String> decisions = new ArrayList<>(List.of(LaunchDecision.HEADER));
        world.decisions().forEach(d -> decisions.add(d.csv()));
        Files.write(dir.resolve("decisions.csv"), decisions);

        HistoryFiles.Contents read = HistoryFiles.read(dir);
        assertEquals(world.history().size(), read.history().size());
        FeedbackBacktest.Result r = new FeedbackBacktest(OperatingFacts.of(p), 30, 100).run(read.history(), read.calendar(),
                read.decisions(), 180, 30);
        assertEquals(6, r.origins().size());
        assertTrue(r.awareMape() < r.naiveMape(), r.awareMape() + " vs " + r.naiveMape());
        assertEquals(1.0, r.convergenceRate(), 1e-12);
    }

    @Test
    void aBadRowIsReportedWithFileLineAndField(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("history.csv"), HistoryRow.HEADER + "\n2026-01-01,100,0,90,120,0.75,0,0,0,0,0\n"
                + "2026-01-02,100,0,abc,120,0.75,0,0,0,0,0\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HistoryFiles.read(dir));
        assertEquals(dir.resolve("history.csv") + ":3: field 'actual_demand': expected a number, got 'abc'", e.getMessage());
    }
}
