package io.prescient.forecast.eval;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Scores forecasts made elsewhere (another tool, another model) against a panel with the protocol's
 * windows and metrics, so that two forecast files can be compared point for point.
 */
public final class Rescore {

    /** The pooled scores and how many windows they cover. */
    public record Result(Scores scores, int windowsScored) {
    }

    private Rescore() {
    }

    /**
     * @param forecasts deciles per (item, variate, window), as {@link ForecastFile} reads them
     * @param source    names the forecasts in errors
     */
    public static Result score(ForecastTask task, Panel panel, Function<RegularSeries, String> variateOf,
                               Map<ForecastFile.Key, double[][]> forecasts, String source) {
        int length = panel.grid().length();
        int windows = task.windows(length);
        Map<ForecastFile.Key, RegularSeries> byKey = new HashMap<>();
        for (RegularSeries s : panel.series()) {
            for (int k = 0; k < windows; k++) {
                byKey.put(new ForecastFile.Key(s.key().item(), variateOf.apply(s), k), s);
            }
        }
        Scores scores = new Scores();
        int scored = 0;
        for (Map.Entry<ForecastFile.Key, double[][]> e : forecasts.entrySet()) {
            RegularSeries series = byKey.get(e.getKey());
            if (series == null) {
                continue;
            }
            double[] values = series.values();
            int start = task.windowStart(length, windows, e.getKey().window());
            double s = Scores.seasonalError(values, start, task.season());
            for (int h = 0; h < task.horizon(); h++) {
                scores.add(values[start + h], e.getValue()[h], s);
            }
            scored++;
        }
        if (scored == 0 && !forecasts.isEmpty()) {
            ForecastFile.Key any = forecasts.keySet().iterator().next();
            throw new InvalidInputException(InputProblem.ofSource(source, "forecasts for series of this panel and windows 0.."
                    + (windows - 1) + " (found item " + any.item() + ", variate " + any.variate() + ", window " + any.window() + ")"));
        }
        return new Result(scores, scored);
    }
}
