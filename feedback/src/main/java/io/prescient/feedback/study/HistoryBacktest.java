package io.prescient.feedback.study;

import io.prescient.feedback.history.HistoryInputs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rolling-origin evaluation on an organisation's own history: at origins every {@code every} days
 * from {@code first}, the organisation is fitted to the days before the origin only (its latent
 * quantities estimated as they would have been then) and its next {@code horizon} days forecast;
 * per origin, MAPE and MASE (scaled by the history's weekly seasonal error) of the naive and the
 * feedback-aware forecasts, the p10-p90 coverage, whether the equilibrium converged, and the
 * stability verdict.
 */
public final class HistoryBacktest {

    /** One origin's scores. */
    public record Origin(LocalDate date, int day, double naiveMape, double awareMape, double naiveMase, double awareMase, double coverage,
                         boolean equilibrium, String stability) {
    }

    /** Every origin and the means. */
    public record Result(List<Origin> origins, double naiveMape, double awareMape, double naiveMase, double awareMase, double coverage,
                         double convergenceRate) {
    }

    private HistoryBacktest() {
    }

    /** @throws IllegalArgumentException when the history cannot hold the first origin and a horizon after it */
    public static Result run(HistoryInputs inputs, FeedbackStudy.Settings settings, int first, int every) {
        int n = inputs.history().days();
        int horizon = settings.horizon();
        if (first < 60 || first + horizon > n || every < 1) {
            throw new IllegalArgumentException(inputs.history().source() + " has " + n + " days: a backtest needs its first origin at "
                    + "day 60 or later (--first, got " + first + "), " + horizon + " days after it and --every >= 1");
        }
        double[] demand = inputs.history().demand();
        List<Origin> origins = new ArrayList<>();
        for (int t = first; t + horizon <= n; t += every) {
            FeedbackStudy study = FeedbackStudy.of(inputs.head(t), settings);
            FeedbackStudy.Forecast f = study.forecast();
            double[] actual = java.util.Arrays.copyOfRange(demand, t, t + horizon);
            double scale = seasonalError(demand, t);
            int in = 0;
            for (int h = 0; h < horizon; h++) {
                in += actual[h] >= f.aware().p10()[h] && actual[h] <= f.aware().p90()[h] ? 1 : 0;
            }
            origins.add(new Origin(inputs.history().dates().get(t), t, f.naive().mape(actual), f.aware().mape(actual),
                    mae(f.naive().median(), actual) / scale, mae(f.aware().median(), actual) / scale, (double) in / horizon, f.converged(),
                    f.stability().verdict().name().toLowerCase(java.util.Locale.ROOT)));
        }
        int k = origins.size();
        return new Result(origins, origins.stream().mapToDouble(Origin::naiveMape).sum() / k,
                origins.stream().mapToDouble(Origin::awareMape).sum() / k, origins.stream().mapToDouble(Origin::naiveMase).sum() / k,
                origins.stream().mapToDouble(Origin::awareMase).sum() / k, origins.stream().mapToDouble(Origin::coverage).sum() / k,
                (double) origins.stream().filter(Origin::equilibrium).count() / k);
    }

    private static double mae(double[] forecast, double[] actual) {
        double sum = 0;
        for (int h = 0; h < actual.length; h++) {
            sum += Math.abs(actual[h] - forecast[h]);
        }
        return sum / actual.length;
    }

    /** Mean absolute weekly difference of demand before the origin. */
    static double seasonalError(double[] demand, int origin) {
        double sum = 0;
        int n = 0;
        for (int t = 7; t < origin; t++) {
            sum += Math.abs(demand[t] - demand[t - 7]);
            n++;
        }
        return n == 0 || sum == 0 ? 1 : sum / n;
    }
}
