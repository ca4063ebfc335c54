package io.prescient.feedback.study;

import io.prescient.feedback.analysis.LoopDynamics;
import io.prescient.feedback.analysis.LoopStability;
import io.prescient.feedback.behaviour.DelayModel;
import io.prescient.feedback.equilibrium.Equilibrium;
import io.prescient.feedback.equilibrium.PlanningScenario;
import io.prescient.feedback.equilibrium.SolverSettings;
import io.prescient.feedback.forecast.DemandForecast;
import io.prescient.feedback.forecast.FeedbackForecaster;
import io.prescient.feedback.forecast.Organisation;
import io.prescient.feedback.history.HistoryInputs;
import io.prescient.feedback.history.OrganisationFit;
import io.prescient.feedback.world.HistoryRow;
import io.prescient.feedback.world.Launch;

import java.time.LocalDate;
import java.util.List;

/**
 * One organisation fitted to its own history, and what planning asks of it: the feedback-aware
 * forecast beside the naive one and the solved equilibrium, with the loop's stability; what-ifs on
 * base demand, launches, capacity and market conditions; all from the same fit.
 */
public final class FeedbackStudy {

    /** How the study fits and forecasts. */
    public record Settings(OrganisationFit.Thresholds thresholds, int draws, int paths, int horizon, long seed) {

        public static Settings defaults() {
            return new Settings(OrganisationFit.Thresholds.defaults(), 100, 400, 30, 1);
        }
    }

    /** The stability verdict: the worst of the loop over time and the behaviour's response at the equilibrium, with both figures. */
    public record Stability(LoopStability.Verdict verdict, LoopDynamics dynamics, LoopStability response) {

        static Stability of(LoopDynamics dynamics, LoopStability response) {
            LoopStability.Verdict worst = dynamics.verdict().compareTo(response.verdict()) >= 0 ? dynamics.verdict() : response.verdict();
            return new Stability(worst, dynamics, response);
        }

        public String describe() {
            return verdict.name().toLowerCase(java.util.Locale.ROOT) + " (loop over time: " + dynamics.describe()
                    + "; behaviour at the equilibrium: " + response.describe() + ")";
        }
    }

    /**
     * The forecast of the days after the history.
     *
     * @param naive       base demand extrapolated, launches as planned, today's efficiency
     * @param aware       the feedback-aware forecast (median and p10/p90 over behaviour and parameter uncertainty)
     * @param equilibrium the demand consistent with the behaviour it provokes, or null when the solver found none
     * @param effect      naive minus feedback-aware median per day
     */
    public record Forecast(List<LocalDate> days, DemandForecast naive, DemandForecast aware, double[] equilibrium, double[] effect,
                           boolean converged, int iterations, List<Double> residuals, Stability stability) {
    }

    /**
     * A what-if on the days after the history.
     *
     * @param baseFactor base demand (before launches) times this, e.g. 1.1
     * @param market     all demand times this (market conditions), e.g. 0.95
     * @param launches   launches added to the calendar
     * @param capacity   the most capacity available each day, or null for what is in place and on order
     */
    public record WhatIf(double baseFactor, double market, List<Launch> launches, Double capacity) {

        public WhatIf {
            launches = List.copyOf(launches);
            if (!(baseFactor > 0) || !(market > 0) || capacity != null && !(capacity > 0)) {
                throw new IllegalArgumentException("a what-if needs a base factor > 0, a market factor > 0 and a capacity > 0 when given");
            }
        }

        public static WhatIf none() {
            return new WhatIf(1, 1, List.of(), null);
        }

        /** A launch written {@code date=size} or {@code date=size:team}, its day counted from {@code start}. */
        public static Launch launch(String spec, LocalDate start) {
            String[] kv = spec.split("=", 2);
            try {
                String[] sizeTeam = kv[1].split(":", 2);
                double size = Double.parseDouble(sizeTeam[0]);
                if (!(size > 0)) {
                    throw new NumberFormatException();
                }
                return new Launch((int) java.time.temporal.ChronoUnit.DAYS.between(start, LocalDate.parse(kv[0].strip())), size, 0.5,
                        0.5, sizeTeam.length > 1 ? sizeTeam[1] : "");
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("launch: expected date=size or date=size:team, e.g. 2026-11-03=500:payments, got '"
                        + spec + "'");
            }
        }
    }

    /** The equilibrium of a what-if: demand as planned, the demand the behaviour settles at, and the behaviour there. */
    public record Answer(WhatIf whatIf, List<LocalDate> days, double[] unconstrained, double[] equilibrium, double[] utilisation,
                         double[] delayed, double[] efficiency, double[] capacity, boolean converged, int iterations, Stability stability) {
    }

    private final HistoryInputs inputs;
    private final Settings settings;
    private final OrganisationFit fit;

    private FeedbackStudy(HistoryInputs inputs, Settings settings, OrganisationFit fit) {
        this.inputs = inputs;
        this.settings = settings;
        this.fit = fit;
    }

    public static FeedbackStudy of(HistoryInputs inputs, Settings settings) {
        return new FeedbackStudy(inputs, settings, OrganisationFit.fit(inputs.history(), inputs.calendar(), inputs.log(),
                settings.thresholds(), settings.draws(), settings.seed()));
    }

    public OrganisationFit fit() {
        return fit;
    }

    public HistoryInputs inputs() {
        return inputs;
    }

    public Settings settings() {
        return settings;
    }

    private FeedbackForecaster forecaster() {
        return new FeedbackForecaster(fit.point().facts(), settings.horizon(), settings.paths(), settings.seed());
    }

    public Forecast forecast() {
        FeedbackForecaster f = forecaster();
        List<HistoryRow> history = fit.point().history();
        DemandForecast naive = f.naive(history, fit.calendar());
        DemandForecast aware = f.feedbackAware(fit.draws(), fit.calendar());
        PlanningScenario scenario = scenario(naive.median(), null, fit.calendar());
        Equilibrium eq = Equilibrium.solve(scenario, SolverSettings.anderson());
        double[] effect = new double[settings.horizon()];
        for (int h = 0; h < effect.length; h++) {
            effect[h] = naive.median()[h] - aware.median()[h];
        }
        return new Forecast(naive.days(), naive, aware, eq.converged() ? eq.demand() : null, effect, eq.converged(),
                eq.fixedPoint().iterations(), eq.fixedPoint().residuals(), stability(scenario, eq));
    }

    public Answer whatIf(WhatIf w) {
        List<Launch> calendar = new java.util.ArrayList<>(fit.calendar());
        calendar.addAll(w.launches());
        DemandForecast naive = forecaster().naive(fit.point().history(), calendar, w.baseFactor());
        double[] unconstrained = naive.median().clone();
        double[] cap = null;
        if (w.capacity() != null) {
            cap = new double[unconstrained.length];
            java.util.Arrays.fill(cap, w.capacity());
        }
        for (int h = 0; h < unconstrained.length; h++) {
            unconstrained[h] *= w.market();
        }
        PlanningScenario scenario = scenario(unconstrained, cap, calendar);
        Equilibrium eq = Equilibrium.solve(scenario, SolverSettings.anderson());
        return new Answer(w, naive.days(), unconstrained, eq.converged() ? eq.demand() : null, eq.utilisation(), eq.delayed(),
                eq.efficiency(), scenario.maxCapacity(), eq.converged(), eq.fixedPoint().iterations(), stability(scenario, eq));
    }

    /** A capacity policy tuned in the organisation's fitted world, against its own policy as the baseline. */
    public record Tuning(io.prescient.feedback.policy.CapacityPolicy baseline, io.prescient.feedback.policy.PolicyOptimiser.Result result,
                         List<io.prescient.feedback.policy.PolicyOptimiser.Difference> impact,
                         List<io.prescient.feedback.policy.PolicyEvaluator.Mean> frontier) {
    }

    /**
     * Tunes the capacity policy with CMA-ES on the cost of a simulated year of the fitted world (10
     * training worlds, each on one draw of the fit's parameters), compares it with the organisation's
     * own estimated policy on 30 fresh worlds (paired), and gives the cost/stability Pareto frontier of
     * a grid of policies.
     */
    public Tuning optimise(io.prescient.feedback.policy.CostModel costs, int evaluations) {
        io.prescient.feedback.policy.PolicyEvaluator evaluator = new io.prescient.feedback.policy.PolicyEvaluator(
                seed -> FittedWorld.parameters(fit, seed, 365), costs);
        io.prescient.feedback.policy.CapacityPolicy own = new io.prescient.feedback.policy.CapacityPolicy(
                fit.policy().target().value(), fit.policy().aggressiveness().value());
        long[] training = java.util.stream.LongStream.rangeClosed(1, 10).toArray();
        long[] test = java.util.stream.LongStream.rangeClosed(101, 130).toArray();
        io.prescient.feedback.policy.PolicyOptimiser optimiser = new io.prescient.feedback.policy.PolicyOptimiser(evaluator, settings.seed());
        io.prescient.feedback.policy.PolicyOptimiser.Result r = optimiser.optimise(own, training, test, evaluations);
        List<io.prescient.feedback.policy.PolicyEvaluator.Mean> frontier = evaluator.stabilityFrontier(
                new double[] {0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9}, new double[] {0.1, 0.3, 0.5, 0.7, 0.9},
                java.util.stream.LongStream.rangeClosed(101, 110).toArray());
        return new Tuning(own, r, optimiser.impact(own, r.policy(), test), frontier);
    }

    /** One team's launches in the window: when it planned its first, where the Nash equilibrium and the recommendation put it. */
    public record TeamPlan(String team, int launches, double size, LocalDate planned, LocalDate nash, LocalDate recommended,
                           double nashCost, double recommendedCost) {
    }

    /** Launch timing over the horizon as a game between teams; empty when no launch is planned in it. */
    public record LaunchPlan(LocalDate first, double capacityFrom, double capacityTo, List<TeamPlan> teams,
                             io.prescient.feedback.game.LaunchGame.Analysis analysis) {
    }

    /**
     * The launches planned in the horizon as a game: each team (the calendar's team column; a launch
     * without one is its own player) picks the day of its first launch on the capacity in place and on
     * order, weighing its delay cost against the congestion it meets above the warning threshold.
     */
    public LaunchPlan launches(double delayCostPerDay, double congestion) {
        Organisation o = fit.point();
        List<HistoryRow> past = o.history();
        int t0 = past.size();
        int horizon = settings.horizon();
        FeedbackForecaster f = forecaster();
        double[] base = f.naive(past, List.of()).median();
        double[] inFlight = f.ordersInFlight(past, o.facts());
        double[] capacity = new double[horizon];
        double c = io.prescient.feedback.behaviour.CapacityResponseModel.inPlace(past)[t0 - 1];
        for (int h = 0; h < horizon; h++) {
            c += inFlight[h];
            capacity[h] = c;
        }
        java.util.Map<String, List<Launch>> byTeam = new java.util.LinkedHashMap<>();
        int unnamed = 0;
        for (Launch l : fit.calendar().stream().sorted(java.util.Comparator.comparingInt(Launch::day)).toList()) {
            if (l.day() >= t0 && l.day() < t0 + horizon) {
                String team = l.team().isBlank() ? "launch " + (++unnamed) : l.team();
                byTeam.computeIfAbsent(team, k -> new java.util.ArrayList<>()).add(l);
            }
        }
        LocalDate first = past.get(t0 - 1).date().plusDays(1);
        if (byTeam.isEmpty()) {
            return new LaunchPlan(first, capacity[0], capacity[horizon - 1], List.of(), null);
        }
        List<io.prescient.feedback.game.Team> teams = new java.util.ArrayList<>();
        byTeam.forEach((name, launches) -> {
            int start = launches.get(0).day() - t0;
            teams.add(new io.prescient.feedback.game.Team(name, start, delayCostPerDay,
                    launches.stream().mapToDouble(Launch::size).toArray(), launches.stream().mapToInt(l -> l.day() - t0 - start).toArray()));
        });
        io.prescient.feedback.game.LaunchGame game = new io.prescient.feedback.game.LaunchGame(base, capacity, teams,
                o.facts().warning(), congestion);
        io.prescient.feedback.game.LaunchGame.Analysis a = game.analyse(30, settings.seed());
        List<TeamPlan> plans = new java.util.ArrayList<>();
        for (int i = 0; i < teams.size(); i++) {
            io.prescient.feedback.game.Team t = teams.get(i);
            plans.add(new TeamPlan(t.name(), t.launches(), t.size(), first.plusDays(t.preferredDay()), first.plusDays(a.nash().days()[i]),
                    first.plusDays(a.cooperative().days()[i]), a.nash().costs()[i], a.cooperative().costs()[i]));
        }
        return new LaunchPlan(first, capacity[0], capacity[horizon - 1], plans, a);
    }

    /**
     * The what-if's equilibrium under parameter uncertainty: solved for {@code draws} of the fitted
     * organisation; per day the 10th, 50th and 90th percentiles of the equilibrium demand over the
     * draws whose solver converged (null when none did), and how many did.
     */
    public record Band(double[] p10, double[] p50, double[] p90, int converged, int draws) {
    }

    public Band whatIfBand(WhatIf w, int draws) {
        List<Launch> calendar = new java.util.ArrayList<>(fit.calendar());
        calendar.addAll(w.launches());
        List<double[]> solved = new java.util.ArrayList<>();
        int n = Math.min(draws, fit.draws().size());
        for (int i = 0; i < n; i++) {
            Organisation o = fit.draws().get(i);
            FeedbackForecaster f = new FeedbackForecaster(o.facts(), settings.horizon(), settings.paths(), settings.seed());
            double[] unconstrained = f.naive(o.history(), calendar, w.baseFactor()).median();
            for (int h = 0; h < unconstrained.length; h++) {
                unconstrained[h] *= w.market();
            }
            double[] cap = null;
            if (w.capacity() != null) {
                cap = new double[unconstrained.length];
                java.util.Arrays.fill(cap, w.capacity());
            }
            Equilibrium eq = Equilibrium.solve(scenario(o, unconstrained, cap, calendar), SolverSettings.anderson());
            if (eq.converged()) {
                solved.add(eq.demand());
            }
        }
        if (solved.isEmpty()) {
            return new Band(null, null, null, 0, n);
        }
        int horizon = settings.horizon();
        double[] p10 = new double[horizon];
        double[] p50 = new double[horizon];
        double[] p90 = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            double[] column = new double[solved.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = solved.get(i)[h];
            }
            java.util.Arrays.sort(column);
            p10[h] = column[(int) (0.1 * (column.length - 1))];
            p50[h] = column[column.length / 2];
            p90[h] = column[(int) Math.ceil(0.9 * (column.length - 1))];
        }
        return new Band(p10, p50, p90, solved.size(), n);
    }

    /** The loop's verdict: its dynamics after a 20% demand jump over 180 days, and the behaviour's response at the equilibrium. */
    Stability stability(PlanningScenario scenario, Equilibrium eq) {
        Organisation o = fit.point();
        LoopDynamics dynamics = LoopDynamics.of(o.facts(), o.efficiency(), 0.2, 180);
        double[] point = eq.converged() ? eq.demand() : scenario.unconstrained();
        return Stability.of(dynamics, LoopStability.at(Equilibrium.map(scenario), point, 1e-4));
    }

    /**
     * The planning question over the horizon: demand as the naive forecast has it (optionally
     * changed by a what-if), the share of it from launches due in the horizon, capacity in place and
     * on order, and the behaviour fitted to the history.
     */
    PlanningScenario scenario(double[] unconstrained, double[] capacityCap, List<Launch> calendar) {
        return scenario(fit.point(), unconstrained, capacityCap, calendar);
    }

    PlanningScenario scenario(Organisation o, double[] unconstrained, double[] capacityCap, List<Launch> calendar) {
        List<HistoryRow> past = o.history();
        int horizon = unconstrained.length;
        double[] inFlight = forecaster().ordersInFlight(past, o.facts());
        double[] max = new double[horizon];
        double capacity = io.prescient.feedback.behaviour.CapacityResponseModel.inPlace(past)[past.size() - 1];
        double[] launchShare = new double[horizon];
        int t0 = past.size();
        double[] launched = new double[horizon + 3];
        for (Launch l : calendar) {
            if (l.day() >= t0 && l.day() < t0 + horizon) {
                for (int r = 0; r < 3; r++) {
                    launched[l.day() - t0 + r] += l.size() / 3;
                }
            }
        }
        double cumulative = 0;
        for (int h = 0; h < horizon; h++) {
            capacity += inFlight[h];
            max[h] = capacityCap != null ? capacityCap[h] : capacity;
            cumulative += launched[h];
            launchShare[h] = Math.min(0.5, Math.max(0, cumulative / Math.max(1e-9, unconstrained[h])));
        }
        DelayModel delays = o.delays();
        double capability = 1 - Math.exp(-past.size() / o.efficiency().learningDays());
        return new PlanningScenario(unconstrained, launchShare, max, o.facts().targetUtilisation(), delays.probability(0.5, 0.5, 0.5),
                delays.probability(1, 0.5, 0.5), Math.max(0, o.efficiency().ceiling().value() * capability),
                Math.min(1, Math.max(0.01, o.efficiency().rate().value())), o.facts().warning(), o.facts().emergency(), 0.03);
    }
}
