package io.prescient.feedback.forecast;

import io.prescient.feedback.behaviour.CapacityResponseModel;
import io.prescient.feedback.behaviour.DelayModel;
import io.prescient.feedback.behaviour.EfficiencyModel;
import io.prescient.feedback.world.HistoryRow;
import io.prescient.feedback.world.Launch;
import io.prescient.feedback.world.LaunchDecision;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Naive and feedback-aware forecasts of daily demand from a history, its launch log and the launch
 * calendar. Both extrapolate base demand ({@link BaseDemandModel}) and take the launches already
 * live. The naive forecast adds the calendar's launches on their planned days and keeps today's
 * efficiency. The feedback-aware one simulates {@code paths} futures day by day: pressure from the
 * previous day's utilisation, launches delayed with the fitted {@link DelayModel}, efficiency work
 * from the fitted {@link EfficiencyModel}, and capacity from the organisation's own policy, whose
 * orders in flight are rebuilt by replaying the policy over the history, and outages at the rate the
 * history had them.
 */
public final class FeedbackForecaster {

    private final OperatingFacts facts;
    private final int horizon;
    private final int paths;
    private final long seed;

    public FeedbackForecaster(OperatingFacts facts, int horizon, int paths, long seed) {
        this.facts = facts;
        this.horizon = horizon;
        this.paths = paths;
        this.seed = seed;
    }

    /** The naive forecast from the day after the history. */
    public DemandForecast naive(List<HistoryRow> history, List<Launch> calendar) {
        return naive(history, calendar, 1);
    }

    /** The naive forecast with base demand scaled by {@code baseFactor} (a what-if on the market the organisation serves). */
    public DemandForecast naive(List<HistoryRow> history, List<Launch> calendar, double baseFactor) {
        int t0 = history.size();
        HistoryRow last = history.get(t0 - 1);
        BaseDemandModel base = BaseDemandModel.fit(history, 120);
        double live = last.actualDemand() / (1 - last.efficiencyGains()) - last.baseDemand();
        double[] ramp = new double[horizon + 3];
        for (Launch l : calendar) {
            if (l.day() >= t0 && l.day() < t0 + horizon) {
                for (int r = 0; r < 3; r++) {
                    ramp[l.day() - t0 + r] += l.size() / 3;
                }
            }
        }
        List<LocalDate> days = days(last.date());
        double[] median = new double[horizon];
        double launched = 0;
        for (int h = 0; h < horizon; h++) {
            launched += ramp[h];
            median[h] = (baseFactor * base.median(t0 + h, days.get(h).getDayOfWeek()) + live + launched) * (1 - last.efficiencyGains());
        }
        double[] e = new double[horizon];
        Arrays.fill(e, last.efficiencyGains());
        return new DemandForecast(days, median, median.clone(), median.clone(), new double[horizon], new double[horizon], e);
    }

    /** The feedback-aware forecast from the day after the history, with behaviour fitted to it and the policy as known. */
    public DemandForecast feedbackAware(List<HistoryRow> history, List<LaunchDecision> log, List<Launch> calendar) {
        return feedbackAware(List.of(new Organisation(history, DelayModel.fitOrConstant(log), EfficiencyModel.fit(history), facts,
                Organisation.Outages.of(history))), calendar);
    }

    /**
     * The feedback-aware forecast from the day after the history, path {@code i} simulated with
     * {@code draws.get(i % draws.size())}: drawing the organisation's parameters per path carries
     * their uncertainty into the bands beside the behaviour's own randomness.
     */
    public DemandForecast feedbackAware(List<Organisation> draws, List<Launch> calendar) {
        List<HistoryRow> history = draws.get(0).history();
        int t0 = history.size();
        List<LocalDate> days = days(history.get(t0 - 1).date());
        DayOfWeek[] weekdays = days.stream().map(LocalDate::getDayOfWeek).toArray(DayOfWeek[]::new);
        double[][] demand = new double[paths][horizon];
        double[] utilisation = new double[horizon];
        double[] delayed = new double[horizon];
        double[] gains = new double[horizon];
        BaseDemandModel[] bases = new BaseDemandModel[draws.size()];
        double[][] inFlight = new double[draws.size()][];
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < paths; i++) {
            SplittableRandom random = root.split();
            int d = i % draws.size();
            Organisation o = draws.get(d);
            if (bases[d] == null) {
                bases[d] = BaseDemandModel.fit(o.history(), 120);
                inFlight[d] = ordersInFlight(o.history(), o.facts());
            }
            simulate(o, bases[d].path(t0, weekdays, random), inFlight[d], calendar, random, demand[i], utilisation, delayed, gains);
        }
        double[] median = new double[horizon];
        double[] p10 = new double[horizon];
        double[] p90 = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            double[] column = new double[paths];
            for (int i = 0; i < paths; i++) {
                column[i] = demand[i][h];
            }
            Arrays.sort(column);
            median[h] = column[paths / 2];
            p10[h] = column[(int) (0.1 * (paths - 1))];
            p90[h] = column[(int) Math.ceil(0.9 * (paths - 1))];
        }
        return new DemandForecast(days, median, p10, p90, utilisation, delayed, gains);
    }

    /** One future: launches delayed by the pressure of the day before, efficiency work, and the policy's orders. */
    private void simulate(Organisation o, double[] basePath, double[] inFlight, List<Launch> calendar, SplittableRandom random,
                          double[] demand, double[] utilisation, double[] delayed, double[] gains) {
        List<HistoryRow> history = o.history();
        OperatingFacts f = o.facts();
        int t0 = history.size();
        HistoryRow last = history.get(t0 - 1);
        double[] arrivals = Arrays.copyOf(inFlight, horizon + f.leadDays() + f.shockDays() + 2);
        for (int h = 0; h < Math.min(horizon, f.leadDays()); h++) {
            if (arrivals[h] > 0 && random.nextDouble() < f.slipProbability()) {
                arrivals[h + f.shockDays()] += arrivals[h];
                arrivals[h] = 0;
            }
        }
        double[] liveSize = new double[horizon + f.delayDays() * 8 + 3];
        List<Launch> due = new ArrayList<>();
        for (Launch l : calendar) {
            if (l.day() >= t0 && l.day() < t0 + horizon) {
                due.add(l);
            }
        }
        double[] inPlace = CapacityResponseModel.inPlace(history);
        double capacity = inPlace[t0 - 1];
        double previous = last.utilization();
        double e = last.efficiencyGains();
        double liveNow = last.actualDemand() / (1 - last.efficiencyGains()) - last.baseDemand();
        List<Double> utilisations = new ArrayList<>();
        for (int k = Math.max(0, t0 - f.lookback()); k < t0; k++) {
            utilisations.add(history.get(k).utilization());
        }
        Organisation.Outages outages = o.outages();
        int elapsed = 0;
        while (elapsed < t0 && history.get(t0 - 1 - elapsed).capacityOutage() == 1) {
            elapsed++;
        }
        int outageLeft = elapsed == 0 ? 0 : Math.max(1, outages.days() - elapsed);
        double share = elapsed == 0 ? outages.share() : 1 - last.allocatedCapacity() / capacity;
        for (int h = 0; h < horizon; h++) {
            int t = t0 + h;
            double pressure = f.pressure(previous);
            List<Launch> still = new ArrayList<>();
            for (Launch l : due) {
                if (l.day() != t) {
                    still.add(l);
                } else if (random.nextDouble() < o.delays().probability(pressure, l.riskAversion(), l.complexity())) {
                    still.add(l.withDay(t + f.delayDays()));
                    delayed[h] += 1.0 / paths;
                } else {
                    for (int r = 0; r < 3; r++) {
                        liveSize[h + r] += l.size() / 3;
                    }
                }
            }
            due = still;
            liveNow += liveSize[h];
            e = o.efficiency().next(e, t, pressure);
            double actual = (basePath[h] + liveNow) * (1 - e);
            capacity += arrivals[h];
            if (outageLeft == 0 && outages.probability() > 0 && random.nextDouble() < outages.probability()) {
                outageLeft = outages.days();
                share = outages.share();
            }
            double u = actual / (capacity * (outageLeft > 0 ? 1 - share : 1));
            outageLeft = Math.max(0, outageLeft - 1);
            utilisations.add(u);
            double recent = utilisations.subList(Math.max(0, utilisations.size() - f.lookback()), utilisations.size())
                    .stream().mapToDouble(Double::doubleValue).average().orElse(u);
            double onOrder = 0;
            for (int s = h + 1; s < arrivals.length; s++) {
                onOrder += arrivals[s];
            }
            double gap = recent * capacity / f.targetUtilisation() - capacity - onOrder;
            if (gap > 0) {
                int late = random.nextDouble() < f.slipProbability() ? f.shockDays() : 0;
                arrivals[Math.min(arrivals.length - 1, h + Math.max(1, f.leadDays()) + late)] += f.aggressiveness() * gap;
            }
            demand[h] = actual;
            utilisation[h] += u / paths;
            gains[h] += e / paths;
            previous = u;
        }
    }

    /** Capacity arriving on each of the next days from orders placed in the history (the policy replayed, slips as recorded). */
    public double[] ordersInFlight(List<HistoryRow> history) {
        return ordersInFlight(history, facts);
    }

    /** Capacity arriving on each of the next days from orders placed in the history under a policy. */
    public double[] ordersInFlight(List<HistoryRow> history, OperatingFacts facts) {
        int n = history.size();
        double[] inPlace = CapacityResponseModel.inPlace(history);
        double[] arrivals = new double[n + facts.leadDays() + facts.shockDays() + horizon + 2];
        List<Double> utilisations = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            HistoryRow r = history.get(t);
            utilisations.add(r.utilization());
            double capacity = inPlace[t];
            double recent = utilisations.subList(Math.max(0, utilisations.size() - facts.lookback()), utilisations.size())
                    .stream().mapToDouble(Double::doubleValue).average().orElse(r.utilization());
            double onOrder = 0;
            for (int s = t + 1; s < arrivals.length; s++) {
                onOrder += arrivals[s];
            }
            double gap = recent * capacity / facts.targetUtilisation() - capacity - onOrder;
            if (gap > 0) {
                int arrival = t + Math.max(1, facts.leadDays()) + (r.deliveryShock() == 1 ? facts.shockDays() : 0);
                arrivals[Math.min(arrivals.length - 1, arrival)] += facts.aggressiveness() * gap;
            }
        }
        return Arrays.copyOfRange(arrivals, n, arrivals.length);
    }

    private List<LocalDate> days(LocalDate last) {
        List<LocalDate> out = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            out.add(last.plusDays(h));
        }
        return out;
    }
}
