package io.prescient.feedback.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * A 30-day (or other) daily demand forecast.
 *
 * @param p10          10th percentile per day (equal to the median for the naive forecast)
 * @param p90          90th percentile per day
 * @param utilisation  expected utilisation per day
 * @param delays       expected launches delayed per day
 * @param efficiency   expected efficiency gain per day
 */
public record DemandForecast(List<LocalDate> days, double[] median, double[] p10, double[] p90, double[] utilisation,
                             double[] delays, double[] efficiency) {

    /** Mean absolute percentage error against what happened. */
    public double mape(double[] actual) {
        double sum = 0;
        for (int h = 0; h < actual.length; h++) {
            sum += Math.abs(actual[h] - median[h]) / Math.abs(actual[h]);
        }
        return sum / actual.length;
    }
}
