package io.prescient.forecast;

import io.prescient.core.Steps;
import io.prescient.forecast.ets.EtsForecaster;
import io.prescient.forecast.model.CombinationForecaster;
import io.prescient.forecast.model.EnsembleForecaster;
import io.prescient.forecast.model.NaiveForecaster;
import io.prescient.forecast.model.SeasonalNaiveForecaster;
import io.prescient.forecast.model.SelectionForecaster;
import io.prescient.forecast.regression.DynamicRegressionForecaster;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The models by name, for the CLI and the registry: the built-in ones, those of any
 * {@link ForecasterProvider}, and combinations of them written {@code a+b+...} (the members'
 * quantiles averaged level by level, see {@link CombinationForecaster}).
 */
public final class Models {

    private static final List<String> BUILT_IN = List.of("auto", "dynreg", "ensemble", "ets", "ets-weekly", "naive", "seasonal-naive");

    private Models() {
    }

    /** Names {@link #create} accepts (besides {@code +} combinations of them). */
    public static List<String> names() {
        List<String> all = new ArrayList<>(BUILT_IN);
        for (ForecasterProvider p : ServiceLoader.load(ForecasterProvider.class)) {
            all.addAll(p.names());
        }
        return all;
    }

    /**
     * A forecaster by name for a grid of {@code stepSeconds} whose main season is {@code season} steps, tuned for forecasts of {@code horizon} steps.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Forecaster create(String name, long stepSeconds, int season, int horizon) {
        if (name.contains("+")) {
            List<Forecaster> members = new ArrayList<>();
            for (String part : name.split("\\+", -1)) {
                if (part.isBlank()) {
                    throw new IllegalArgumentException("model combination '" + name + "' has an empty member; write e.g. lstm+ets+ensemble");
                }
                members.add(create(part.strip(), stepSeconds, season, horizon));
            }
            return new CombinationForecaster(name, members);
        }
        return switch (name) {
            case "ensemble" -> EnsembleForecaster.defaults(Steps.perDay(stepSeconds), horizon);
            case "auto" -> new SelectionForecaster("auto", List.of(create("ensemble", stepSeconds, season, horizon),
                    create("ets", stepSeconds, season, horizon)), horizon, 2);
            case "dynreg" -> DynamicRegressionForecaster.forStep(stepSeconds);
            case "ets" -> EtsForecaster.forStep(stepSeconds);
            case "ets-weekly" -> EtsForecaster.dailyAndWeekly(stepSeconds);
            case "naive" -> new NaiveForecaster();
            case "seasonal-naive" -> new SeasonalNaiveForecaster(season);
            default -> fromProviders(name, stepSeconds, season, horizon);
        };
    }

    private static Forecaster fromProviders(String name, long stepSeconds, int season, int horizon) {
        for (ForecasterProvider p : ServiceLoader.load(ForecasterProvider.class)) {
            if (p.names().contains(name)) {
                return p.create(name, stepSeconds, season, horizon);
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; known: " + names());
    }
}
