package io.prescient.cli;

import io.prescient.core.Aggregation;
import io.prescient.core.Panel;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.eval.Backtest;
import io.prescient.forecast.eval.ForecastTask;
import io.prescient.forecast.model.NaiveForecaster;
import io.prescient.forecast.model.SeasonalNaiveForecaster;
import io.prescient.io.ingest.PanelSource;
import io.prescient.io.ingest.SourceFiles;
import io.prescient.io.read.Format;
import io.prescient.io.read.GwaReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The forecast protocol's eight August reference pairs, reproduced to 3 decimals by the naive and
 * seasonal naive baselines. Skipped, and said so, when ../shared is absent.
 */
class ProtocolReferenceIT {

    private static Map<String, Panel> fiveMinute;

    @BeforeAll
    static void load() {
        Path dir = sharedBitbrains();
        assumeTrue(dir != null, "../shared/data/bitbrains-rnd/2013-8 is absent; set -Dprescient.shared.data=<path>");
        fiveMinute = PanelSource.fromFiles(SourceFiles.of(dir, Format.GWA), new GwaReader("2013-8"),
                m -> m.equals("cpu_usage_mhz") || m.equals("cpu_usage_pct"), 2);
    }

    static Path sharedBitbrains() {
        String property = System.getProperty("prescient.shared.data");
        if (property != null) {
            Path p = Path.of(property, "bitbrains-rnd/2013-8");
            return Files.isDirectory(p) ? p : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("../shared/data/bitbrains-rnd/2013-8").normalize();
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
            "5m, short, 1.0346, 0.2828, 1.0071, 0.4134",
            "5m, medium, 1.3207, 0.7571, 1.0772, 0.4180",
            "5m, long, 1.9236, 1.0785, 1.2874, 0.5936",
            "1h, short, 1.9270, 0.4931, 1.2796, 0.4941"})
    void baselinesReproduceTheReferenceValues(String freq, String term, double naiveMase, double naiveCrps,
                                              double seasonalMase, double seasonalCrps) {
        ForecastTask task = ForecastTask.of(freq, term);
        Backtest.Result naive = run(task, new NaiveForecaster());
        Backtest.Result seasonal = run(task, new SeasonalNaiveForecaster(task.season()));
        assertEquals(naiveMase, naive.scores().mase(), 5e-4);
        assertEquals(naiveCrps, naive.scores().crps(), 5e-4);
        assertEquals(seasonalMase, seasonal.scores().mase(), 5e-4);
        assertEquals(seasonalCrps, seasonal.scores().crps(), 5e-4);
    }

    private static Backtest.Result run(ForecastTask task, Forecaster forecaster) {
        List<Backtest.Result> parts = new ArrayList<>();
        for (Panel panel : fiveMinute.values()) {
            Panel onGrid = panel.resample(task.stepSeconds(), Aggregation.MEAN);
            parts.add(new Backtest(task, 2).run(onGrid, forecaster, s -> s.key().metric(), n -> { }));
        }
        return Backtest.Result.pooled(parts);
    }
}
