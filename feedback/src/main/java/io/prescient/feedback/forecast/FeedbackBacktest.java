package io.prescient.feedback.forecast;

import io.prescient.feedback.behaviour.DelayModel;
import io.prescient.feedback.behaviour.EfficiencyModel;
import io.prescient.feedback.equilibrium.Equilibrium;
import io.prescient.feedback.equilibrium.PlanningScenario;
import io.prescient.feedback.equilibrium.SolverSettings;
import io.prescient.feedback.world.HistoryRow;
import io.prescient.feedback.world.Launch;
import io.prescient.feedback.world.LaunchDecision;

import java.util.ArrayList;
import java.util.List;

/**
 * Rolling-origin evaluation of the naive and feedback-aware forecasts on one history: origins every
 * {@code every} days from {@code first}, each forecasting {@code horizon} days from what came before
 * it only. Per origin: MAPE and MASE (scaled by the history's weekly seasonal error) of both, and
 * whether the capacity-behaviour equilibrium of the window converged.
 */
public final class FeedbackBacktest {

    /** One origin's scores. */
    public record Origin(int day, double naiveMape, double awareMape, double naiveMase, double awareMase, boolean equilibrium) {
    }

    /** Every origin and the means. */
    public record Result(List<Origin> origins, double naiveMape, double awareMape, double naiveMase, double awareMase,
                         double convergenceRate) {
    }

    private final OperatingFacts facts;
    private final int horizon;
    private final int paths;

    public FeedbackBacktest(OperatingFacts facts, int horizon, int paths) {
        this.facts = facts;
        this.horizon = horizon;
        this.paths = paths;
    }

    public Result run(List<HistoryRow> history, List<Launch> calendar, List<LaunchDecision> log, int first, int every) {
        if (first < 60 || first + horizon > history.size()) {
            throw new IllegalArgumentException("the history has " + history.size() + " days: need the first origin at day 60 "
                    + "or later and " + horizon + " days after it");
        }
        List<Origin> origins = new ArrayList<>();
        for (int t = first; t + horizon <= history.size(); t += every) {
            List<HistoryRow> past = history.subList(0, t);
            int origin = t;
            List<LaunchDecision> known = log.stream().filter(d -> d.day() < origin).toList();
            double[] actual = history.subList(t, t + horizon).stream().mapToDouble(HistoryRow::actualDemand).toArray();
            FeedbackForecaster f = new FeedbackForecaster(facts, horizon, paths, t);
            DemandForecast naive = f.naive(past, calendar);
            DemandForecast aware = f.feedbackAware(past, known, calendar);
            double scale = seasonalError(past);
            origins.add(new Origin(t, naive.mape(actual), aware.mape(actual), mae(naive, actual) / scale,
                    mae(aware, actual) / scale, equilibrium(past, known, naive, f).converged()));
        }
        int n = origins.size();
        return new Result(origins, origins.stream().mapToDouble(Origin::naiveMape).sum() / n,
                origins.stream().mapToDouble(Origin::awareMape).sum() / n, origins.stream().mapToDouble(Origin::naiveMase).sum() / n,
                origins.stream().mapToDouble(Origin::awareMase).sum() / n,
                (double) origins.stream().filter(Origin::equilibrium).count() / n);
    }

    /** The planning scenario of the window after a history: the naive forecast, capacity in place or on order, fitted behaviour. */
    public PlanningScenario scenario(List<HistoryRow> past, List<LaunchDecision> log, List<Launch> calendar) {
        FeedbackForecaster f = new FeedbackForecaster(facts, horizon, paths, past.size());
        return scenario(past, log, f.naive(past, calendar), f);
    }

    Equilibrium equilibrium(List<HistoryRow> past, List<LaunchDecision> log, DemandForecast naive, FeedbackForecaster f) {
        return Equilibrium.solve(scenario(past, log, naive, f), SolverSettings.anderson());
    }

    private PlanningScenario scenario(List<HistoryRow> past, List<LaunchDecision> log, DemandForecast naive, FeedbackForecaster f) {
        HistoryRow last = past.get(past.size() - 1);
        double[] inFlight = f.ordersInFlight(past);
        double[] max = new double[horizon];
        double capacity = last.allocatedCapacity();
        double[] launchShare = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            capacity += inFlight[h];
            max[h] = capacity;
            launchShare[h] = Math.min(0.5, Math.max(0, 1 - naive.median()[0] / naive.median()[h]));
        }
        DelayModel delays = DelayModel.fitOrConstant(log);
        EfficiencyModel efficiency = EfficiencyModel.fit(past);
        double capability = 1 - Math.exp(-past.size() / efficiency.learningDays());
        return new PlanningScenario(naive.median(), launchShare, max, facts.targetUtilisation(),
                delays.probability(0.5, 0.5, 0.5), delays.probability(1, 0.5, 0.5),
                Math.max(0, efficiency.ceiling().value() * capability), Math.min(1, Math.max(0.01, efficiency.rate().value())),
                facts.warning(), facts.emergency(), 0.03);
    }

    private static double mae(DemandForecast f, double[] actual) {
        double sum = 0;
        for (int h = 0; h < actual.length; h++) {
            sum += Math.abs(actual[h] - f.median()[h]);
        }
        return sum / actual.length;
    }

    /** Mean absolute weekly difference of actual demand over the history. */
    static double seasonalError(List<HistoryRow> past) {
        double sum = 0;
        int n = 0;
        for (int t = 7; t < past.size(); t++) {
            sum += Math.abs(past.get(t).actualDemand() - past.get(t - 7).actualDemand());
            n++;
        }
        return n == 0 || sum == 0 ? 1 : sum / n;
    }
}
