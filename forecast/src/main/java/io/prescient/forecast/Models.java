package io.prescient.forecast;

import io.prescient.core.Steps;
import io.prescient.forecast.ets.EtsForecaster;
import io.prescient.forecast.model.EnsembleForecaster;
import io.prescient.forecast.regression.DynamicRegressionForecaster;
import io.prescient.forecast.model.NaiveForecaster;
import io.prescient.forecast.model.SeasonalNaiveForecaster;

import java.util.List;

/** The models by name, for the CLI and the registry. */
public final class Models {

    private Models() {
    }

    /** Names {@link #create} accepts. */
    public static List<String> names() {
        return List.of("dynreg", "ensemble", "ets", "ets-weekly", "naive", "seasonal-naive");
    }

    /**
     * A forecaster by name for a grid of {@code stepSeconds} whose main season is {@code season} steps, tuned for forecasts of {@code horizon} steps.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Forecaster create(String name, long stepSeconds, int season, int horizon) {
        return switch (name) {
            case "ensemble" -> EnsembleForecaster.defaults(Steps.perDay(stepSeconds), horizon);
            case "dynreg" -> DynamicRegressionForecaster.forStep(stepSeconds);
            case "ets" -> EtsForecaster.forStep(stepSeconds);
            case "ets-weekly" -> EtsForecaster.dailyAndWeekly(stepSeconds);
            case "naive" -> new NaiveForecaster();
            case "seasonal-naive" -> new SeasonalNaiveForecaster(season);
            default -> throw new IllegalArgumentException("unknown model '" + name + "'; known: " + names());
        };
    }
}
