package io.prescient.plan.loop;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.History;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays recorded demand through the planning loop on a simulated clock: every {@code every}
 * steps from {@code from} to {@code to}, each workload sees its history up to now, a decision is
 * made and passed to the actuator, the units ordered are in place from the next decision on, and
 * the forecast is later scored against what happened (coverage of the provisioned percentile and
 * absolute error of the median, over the steps that have happened by the end).
 */
public final class SimulatedClockLoop {

    /** A workload replayed: its recorded demand and its planning step. */
    public record Workload(String name, TimeGrid grid, double[] demand, boolean nonNegative, PlanningStep step,
                           double initialUnits) {
    }

    /** Recorded accuracy of one workload's forecasts over the replay. */
    public record Accuracy(int forecasts, int points, double meanAbsoluteError, double coverage) {
    }

    /** Every decision, and each workload's accuracy. */
    public record Result(List<Decision> decisions, Map<String, Accuracy> accuracy) {
    }

    private final double percentile;

    public SimulatedClockLoop(double percentile) {
        this.percentile = percentile;
    }

    public Result run(List<Workload> workloads, int from, int to, int every, Actuator actuator) {
        if (every < 1 || from < 1 || to <= from) {
            throw new IllegalArgumentException("need 1 <= from < to and every >= 1");
        }
        List<Decision> decisions = new ArrayList<>();
        Map<String, Accuracy> accuracy = new LinkedHashMap<>();
        for (Workload w : workloads) {
            double units = w.initialUnits();
            double error = 0;
            int points = 0;
            int covered = 0;
            int forecasts = 0;
            History full = new History(w.grid(), w.demand(), Map.of(), w.nonNegative());
            for (int t = from; t < Math.min(to, w.demand().length); t += every) {
                PlanningStep.Outcome outcome = w.step().decide(w.name(), full.head(t), units);
                actuator.apply(outcome.decision());
                decisions.add(outcome.decision());
                units = outcome.decision().units();
                if (outcome.forecast().isPresent() && !outcome.decision().held()) {
                    Forecast f = outcome.forecast().get();
                    double[] median = f.median();
                    double[] upper = f.quantile(percentile);
                    forecasts++;
                    for (int h = 0; h < median.length && t + h < w.demand().length; h++) {
                        double actual = w.demand()[t + h];
                        if (!Double.isNaN(actual)) {
                            error += Math.abs(actual - median[h]);
                            covered += actual <= upper[h] ? 1 : 0;
                            points++;
                        }
                    }
                }
            }
            accuracy.put(w.name(), new Accuracy(forecasts, points, points == 0 ? Double.NaN : error / points,
                    points == 0 ? Double.NaN : (double) covered / points));
        }
        return new Result(decisions, accuracy);
    }
}
