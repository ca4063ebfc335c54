package io.prescient.forecast.model;

import io.prescient.forecast.Forecaster;
import io.prescient.forecast.ForecasterProvider;
import io.prescient.forecast.ets.EtsForecaster;
import io.prescient.forecast.regression.DynamicRegressionForecaster;

import java.util.List;
import java.util.function.Function;

/**
 * The classical models, registered like any other provider (a service line in this module's
 * {@code META-INF/services}): the ensemble, ETS, dynamic regression, the naive baselines and
 * {@code auto}, which picks the ensemble or ETS per series on held-back windows, {@code peak}, recent peaks with
 * their own errors as the band (for provisioning bursty demand a short lead ahead), {@code analog}, the
 * futures of the past moments that looked most like now, {@code recent}, the distribution of the
 * last days' values, the latest weighing most, and {@code mixture}, the distributions of those two and
 * the ensemble mixed, the ensemble weighing half ({@code 2*ensemble&analog&recent}). The loop's default
 * model chooses per series between the ensemble and the mixture ({@code ensemble|mixture}).
 */
public final class ClassicalModels implements ForecasterProvider {

    @Override
    public List<String> names() {
        return List.of("analog", "auto", "dynreg", "ensemble", "ets", "ets-weekly", "mixture", "naive", "peak", "recent", "seasonal-naive");
    }

    @Override
    public Forecaster create(String name, long stepSeconds, int season, int horizon) {
        return create(name, stepSeconds, season, horizon, member -> create(member, stepSeconds, season, horizon));
    }

    @Override
    public Forecaster create(String name, long stepSeconds, int season, int horizon, Function<String, Forecaster> models) {
        return switch (name) {
            case "analog" -> AnalogForecaster.defaults();
            case "ensemble" -> EnsembleForecaster.defaults(season, horizon);
            case "auto" -> new SelectionForecaster("auto", List.of(models.apply("ensemble"), models.apply("ets")), horizon, 2);
            case "dynreg" -> DynamicRegressionForecaster.daily(season);
            case "ets" -> EtsForecaster.daily(season);
            case "ets-weekly" -> EtsForecaster.dailyAndWeekly(season);
            case "naive" -> new NaiveForecaster();
            case "peak" -> PeakForecaster.defaults(season);
            case "mixture" -> new CombinationForecaster("mixture", List.of(models.apply("ensemble"), models.apply("analog"),
                    models.apply("recent")), CombinationForecaster.Pooling.DISTRIBUTIONS, new double[] {2, 1, 1});
            case "recent" -> RecentForecaster.daily(season);
            case "seasonal-naive" -> new SeasonalNaiveForecaster(season);
            default -> throw new IllegalArgumentException("unknown classical model '" + name + "'");
        };
    }
}
