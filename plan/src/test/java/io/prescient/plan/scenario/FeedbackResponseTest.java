package io.prescient.plan.scenario;

import io.prescient.core.TimeGrid;
import io.prescient.feedback.study.WorldBenchmark;
import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackResponseTest {

    /** A scenario file names the organisation's history; the loop's futures then carry its feedback response on the days it covers. */
    @Test
    void theOrganisationsResponseScalesDemandOnTheDaysItsForecastCovers(@TempDir Path dir) throws Exception {
        var world = new WorldSimulator(WorldParameters.defaults(0.5, 8)).run(LocalDate.of(2026, 1, 1));
        WorldBenchmark.write(dir.resolve("org"), world, false, LocalDate.of(2026, 1, 1));
        Path file = dir.resolve("feedback.yaml");
        Files.writeString(file, """
                name: organisation
                scenarios:
                  - name: teams under pressure
                    type: feedback
                    history: org
                """);
        Scenario s = ScenarioFile.read(file).scenarios().get(0);
        FeedbackResponse r = assertInstanceOf(FeedbackResponse.class, s);
        assertEquals(LocalDate.of(2027, 1, 1), r.days().get(0), "the forecast starts the day after the history");
        long from = LocalDate.of(2026, 12, 31).toEpochDay() * 86_400L;
        TimeGrid horizon = new TimeGrid(from, 300, 3 * 288);
        double[] uplift = new double[horizon.length()];
        r.draw(horizon, new SplittableRandom(1), uplift);
        for (int h = 0; h < 288; h++) {
            assertEquals(0, uplift[h], 0, "the day before the forecast is unchanged");
        }
        for (int h = 288; h < uplift.length; h++) {
            int d = (h - 288) / 288;
            assertTrue(uplift[h] >= r.low()[d] - 1 - 1e-12 && uplift[h] <= r.high()[d] - 1 + 1e-12, "within the response's band");
        }
        assertTrue(r.low()[1] < r.high()[1]);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ScenarioFile.parse("request field 'scenarios'", """
                name: x
                scenarios:
                  - {name: y, type: feedback, history: /etc}
                """));
        assertTrue(refused.getMessage().contains("cannot name files"), refused.getMessage());
    }
}
