package io.prescient.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.prescient.feedback.behaviour.DelayModel;
import io.prescient.feedback.world.HistoryRow;
import io.prescient.feedback.world.Launch;
import io.prescient.feedback.world.LaunchDecision;
import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code prescient feedback}: feedback-aware planning on simulated worlds (simulate, forecast, optimise). */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Feedback-aware planning: simulate a world where capacity pressure changes behaviour, and fit "
                + "behaviour models to its history.",
        subcommands = {FeedbackCommand.Simulate.class, FeedbackCommand.Forecast.class, FeedbackCommand.Backtest.class,
                FeedbackCommand.Optimise.class, FeedbackCommand.Launches.class})
public final class FeedbackCommand {

    /** {@code prescient feedback simulate}. */
    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = {"Simulates a world (daily GPU-hours with trend, weekly season and market shocks, a launch calendar, "
                    + "teams delaying launches and pushing efficiency work under utilisation pressure, a reactive "
                    + "infrastructure team) and writes <out>/history.csv, launches.csv, decisions.csv and "
                    + "parameters.json (the true parameters); then fits the launch-delay model to decisions.csv and "
                    + "prints it against the truth."})
    public static final class Simulate implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--strength", defaultValue = "0.5", description = "Feedback strength, 0.1 to 0.8 (default: ${DEFAULT-VALUE}).")
        double strength;

        @Option(names = "--days", defaultValue = "365", description = "Days to simulate (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--start", defaultValue = "2026-01-01", description = "First day (default: ${DEFAULT-VALUE}).")
        LocalDate start;

        @Option(names = "--out", required = true, description = "Output directory.")
        Path out;

        @Option(names = "--outages", defaultValue = "0", description = "Daily probability of an exogenous capacity outage "
                + "(holding back 25%% of capacity for 5 days) (default: ${DEFAULT-VALUE}).")
        double outages;

        @Option(names = "--elasticity", defaultValue = "0", description = "Elasticity of demand to the capacity on offer "
                + "(default: ${DEFAULT-VALUE}).")
        double elasticity;

        @Override
        public void run() {
            PrintWriter console = spec.commandLine().getOut();
            WorldParameters d = WorldParameters.defaults(strength, seed);
            WorldParameters p = new WorldParameters(days, d.baseLevel(), d.trendPerDay(), d.weeklyAmplitude(), d.volatility(),
                    d.launchesPerWeek(), d.launchSize(), d.warning(), d.emergency(), d.feedbackStrength(), d.delayIntercept(),
                    d.delayPressure(), d.delayRiskAversion(), d.delayComplexity(), d.delayDays(), d.maxEfficiency(),
                    d.efficiencyRate(), d.learningDays(), d.targetUtilisation(), d.infraLookback(), d.infraAggressiveness(),
                    d.infraLeadDays(), d.shockProbability(), d.shockDays(), seed);
            WorldSimulator.World world = new WorldSimulator(p, new io.prescient.feedback.world.SupplyShocks(outages, 0.25, 5,
                    elasticity)).run(start);
            try {
                Files.createDirectories(out);
                List<String> history = new ArrayList<>(List.of(HistoryRow.HEADER));
                world.history().forEach(r -> history.add(r.csv()));
                Files.write(out.resolve("history.csv"), history);
                List<String> launches = new ArrayList<>(List.of("planned_date,size,complexity,risk_aversion"));
                for (Launch l : world.calendar()) {
                    launches.add(String.format(Locale.ROOT, "%s,%.3f,%.4f,%.4f", start.plusDays(l.day()), l.size(), l.complexity(),
                            l.riskAversion()));
                }
                Files.write(out.resolve("launches.csv"), launches);
                List<String> decisions = new ArrayList<>(List.of(LaunchDecision.HEADER));
                world.decisions().forEach(x -> decisions.add(x.csv()));
                Files.write(out.resolve("decisions.csv"), decisions);
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("parameters.json").toFile(), p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the simulated world into " + out + ": " + e.getMessage(), e);
            }
            long pressureDays = world.history().stream().filter(r -> r.utilizationPressure() > 0).count();
            double maxEfficiency = world.history().stream().mapToDouble(HistoryRow::efficiencyGains).max().orElse(0);
            console.printf(Locale.ROOT, "simulated %d days at feedback strength %.2f: %d launches planned, %d delay decisions, "
                            + "%d days under pressure, efficiency gains up to %.1f%%%n", days, strength, world.calendar().size(),
                    world.decisions().stream().filter(LaunchDecision::delayed).count(), pressureDays, 100 * maxEfficiency);
            console.printf(Locale.ROOT, "wrote %s, launches.csv, decisions.csv and parameters.json%n", out.resolve("history.csv"));
            try {
                DelayModel m = DelayModel.fit(world.decisions());
                console.println("launch-delay model fitted to decisions.csv (logit of P(delay)), against the truth:");
                console.printf(Locale.ROOT, "  %s   true %.4f%n", m.intercept(), p.delayIntercept());
                console.printf(Locale.ROOT, "  %s   true %.4f%n", m.pressure(), p.pressureEffect());
                console.printf(Locale.ROOT, "  %s   true %.4f%n", m.riskAversion(), p.delayRiskAversion());
                console.printf(Locale.ROOT, "  %s   true %.4f%n", m.complexity(), p.delayComplexity());
            } catch (IllegalArgumentException | IllegalStateException e) {
                console.println("launch-delay model not fitted: " + e.getMessage());
            }
            io.prescient.feedback.behaviour.EfficiencyModel efficiency = io.prescient.feedback.behaviour.EfficiencyModel.fit(
                    world.history());
            console.printf(Locale.ROOT, "efficiency model: %s (true %.4f), %s (true %.4f), learning %.0f days (true %.0f)%n",
                    efficiency.rate(), p.efficiencyRate(), efficiency.ceiling(), p.efficiencyCeiling(), efficiency.learningDays(),
                    p.learningDays());
            io.prescient.feedback.behaviour.CapacityResponseModel response = io.prescient.feedback.behaviour.CapacityResponseModel
                    .fit(world.history(), p.infraLookback(), p.infraLeadDays(), p.shockDays());
            console.printf(Locale.ROOT, "capacity response: %s (true %.2f), %s (true %.2f)%n", response.target(),
                    p.targetUtilisation(), response.aggressiveness(), p.infraAggressiveness());
            if (outages > 0) {
                io.prescient.feedback.causal.TwoStageLeastSquares.Fit fit =
                        io.prescient.feedback.causal.CapacityElasticity.estimate(world.history());
                console.printf(Locale.ROOT, "elasticity of demand to capacity (true %.3f): %s; %s; first-stage F %.0f%n", elasticity,
                        fit.iv(), fit.ols(), fit.firstStageF());
                List<HistoryRow> lastMonth = world.history().subList(world.history().size() - 30, world.history().size());
                double[] unconstrained = io.prescient.feedback.causal.CapacityElasticity.counterfactual(lastMonth, fit.iv().value(),
                        p.targetUtilisation());
                double actualSum = lastMonth.stream().mapToDouble(HistoryRow::actualDemand).sum();
                console.printf(Locale.ROOT, "last 30 days: demand %.0f; with capacity at the %.0f%% target it would have been %.0f "
                        + "(%+.1f%%)%n", actualSum, 100 * p.targetUtilisation(), java.util.Arrays.stream(unconstrained).sum(),
                        100 * (java.util.Arrays.stream(unconstrained).sum() / actualSum - 1));
            }
        }
    }

    /** {@code prescient feedback forecast}: naive against feedback-aware over simulated worlds. */
    @Command(name = "forecast", mixinStandardHelpOptions = true,
            description = {"Simulates worlds (one per seed), forecasts the 30 days after day --at with the naive forecast "
                    + "(base demand extrapolated, launches as planned, today's efficiency) and the feedback-aware one (fitted "
                    + "delay and efficiency models, the capacity policy replayed, Monte Carlo p10/p50/p90), and prints both "
                    + "against what happened, with the mean MAPE over the seeds."})
    public static final class Forecast implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--strength", defaultValue = "0.5", description = "Feedback strength, 0.1 to 0.8 (default: ${DEFAULT-VALUE}).")
        double strength;

        @Option(names = "--seeds", defaultValue = "20", description = "Worlds simulated (default: ${DEFAULT-VALUE}).")
        int seeds;

        @Option(names = "--at", defaultValue = "300", description = "Forecast origin, in days of history (default: ${DEFAULT-VALUE}).")
        int at;

        @Option(names = "--horizon", defaultValue = "30", description = "Days forecast (default: ${DEFAULT-VALUE}).")
        int horizon;

        @Option(names = "--out", description = "Also write the last world's forecasts as forecast.csv and forecast.svg here.")
        Path out;

        @Override
        public void run() {
            PrintWriter console = spec.commandLine().getOut();
            io.prescient.feedback.forecast.DemandForecast lastNaive = null;
            double naive = 0;
            double aware = 0;
            io.prescient.feedback.forecast.DemandForecast lastAware = null;
            double[] lastActual = null;
            for (long seed = 1; seed <= seeds; seed++) {
                WorldParameters d = WorldParameters.defaults(strength, seed);
                WorldParameters p = new WorldParameters(at + horizon, d.baseLevel(), d.trendPerDay(), d.weeklyAmplitude(),
                        d.volatility(), d.launchesPerWeek(), d.launchSize(), d.warning(), d.emergency(), d.feedbackStrength(),
                        d.delayIntercept(), d.delayPressure(), d.delayRiskAversion(), d.delayComplexity(), d.delayDays(),
                        d.maxEfficiency(), d.efficiencyRate(), d.learningDays(), d.targetUtilisation(), d.infraLookback(),
                        d.infraAggressiveness(), d.infraLeadDays(), d.shockProbability(), d.shockDays(), seed);
                WorldSimulator.World world = new WorldSimulator(p).run(LocalDate.of(2026, 1, 1));
                List<HistoryRow> past = world.history().subList(0, at);
                List<LaunchDecision> log = world.decisions().stream().filter(x -> x.day() < at).toList();
                double[] actual = world.history().subList(at, at + horizon).stream().mapToDouble(HistoryRow::actualDemand).toArray();
                io.prescient.feedback.forecast.FeedbackForecaster f = new io.prescient.feedback.forecast.FeedbackForecaster(
                        io.prescient.feedback.forecast.OperatingFacts.of(p), horizon, 200, seed);
                lastNaive = f.naive(past, world.calendar());
                naive += lastNaive.mape(actual) / seeds;
                lastAware = f.feedbackAware(past, log, world.calendar());
                aware += lastAware.mape(actual) / seeds;
                lastActual = actual;
            }
            console.printf(Locale.ROOT, "strength %.2f, %d worlds, %d-day forecasts from day %d: mean MAPE naive %.2f%%, "
                    + "feedback-aware %.2f%% (%.0f%% lower)%n", strength, seeds, horizon, at, 100 * naive, 100 * aware,
                    100 * (1 - aware / naive));
            console.printf(Locale.ROOT, "world %d, day by day (demand, p10..p90, expected utilisation, delays, efficiency):%n", seeds);
            for (int h = 0; h < horizon; h++) {
                console.printf(Locale.ROOT, "  %s  actual %9.0f  forecast %9.0f  [%9.0f .. %9.0f]  util %.3f  delays %.2f  eff %.3f%n",
                        lastAware.days().get(h), lastActual[h], lastAware.median()[h], lastAware.p10()[h], lastAware.p90()[h],
                        lastAware.utilisation()[h], lastAware.delays()[h], lastAware.efficiency()[h]);
            }
            if (out != null) {
                try {
                    Files.createDirectories(out);
                    List<String> rows = new ArrayList<>(List.of("date,actual,naive,feedback_aware,p10,p90,utilisation,delays,efficiency"));
                    for (int h = 0; h < horizon; h++) {
                        rows.add(String.format(Locale.ROOT, "%s,%.3f,%.3f,%.3f,%.3f,%.3f,%.6f,%.4f,%.6f", lastAware.days().get(h),
                                lastActual[h], lastNaive.median()[h], lastAware.median()[h], lastAware.p10()[h], lastAware.p90()[h],
                                lastAware.utilisation()[h], lastAware.delays()[h], lastAware.efficiency()[h]));
                    }
                    Files.write(out.resolve("forecast.csv"), rows);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write into " + out + ": " + e.getMessage(), e);
                }
                new LineChart(String.format(Locale.ROOT, "Naive vs feedback-aware forecast (strength %.2f, world %d)", strength, seeds))
                        .band("feedback-aware p10-p90", lastAware.p10(), lastAware.p90())
                        .line("actual", lastActual, "#000000", false)
                        .line("naive", lastNaive.median(), "#1f77b4", true)
                        .line("feedback-aware", lastAware.median(), "#d62728", false)
                        .write(out.resolve("forecast.svg"));
                console.printf(Locale.ROOT, "wrote %s and %s%n", out.resolve("forecast.csv"), out.resolve("forecast.svg"));
            }
        }
    }

    /** {@code prescient feedback optimise}: tune the capacity policy against the 75% reactive one. */
    @Command(name = "optimise", mixinStandardHelpOptions = true,
            description = {"Tunes the capacity policy (target utilisation, share of the gap ordered) with CMA-ES on the "
                    + "simulated cost (capacity, unserved demand, delayed launch-days) over training worlds, and compares it "
                    + "with the 75%%-target reactive policy on fresh worlds: costs, saving and its 95%% confidence interval."})
    public static final class Optimise implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--strength", defaultValue = "0.5", description = "Feedback strength (default: ${DEFAULT-VALUE}).")
        double strength;

        @Option(names = "--capacity-cost", defaultValue = "2", description = "Cost of a unit of capacity for a day (default: ${DEFAULT-VALUE}).")
        double capacityCost;

        @Option(names = "--sla-penalty", defaultValue = "20", description = "Penalty per unit of demand above capacity (default: ${DEFAULT-VALUE}).")
        double slaPenalty;

        @Option(names = "--delay-cost", defaultValue = "5000", description = "Cost of a launch delayed by a day (default: ${DEFAULT-VALUE}).")
        double delayCost;

        @Option(names = "--evaluations", defaultValue = "300", description = "CMA-ES evaluations (default: ${DEFAULT-VALUE}).")
        int evaluations;

        @Override
        public void run() {
            PrintWriter console = spec.commandLine().getOut();
            io.prescient.feedback.policy.PolicyEvaluator evaluator = new io.prescient.feedback.policy.PolicyEvaluator(
                    seed -> WorldParameters.defaults(strength, seed),
                    new io.prescient.feedback.policy.CostModel(capacityCost, slaPenalty, delayCost));
            long[] training = java.util.stream.LongStream.rangeClosed(1, 10).toArray();
            long[] test = java.util.stream.LongStream.rangeClosed(101, 130).toArray();
            io.prescient.feedback.policy.PolicyOptimiser optimiser = new io.prescient.feedback.policy.PolicyOptimiser(evaluator, 7);
            io.prescient.feedback.policy.PolicyOptimiser.Result r = optimiser.optimise(
                    io.prescient.feedback.policy.CapacityPolicy.reactive75(), training, test, evaluations);
            console.printf(Locale.ROOT, "tuned on 10 worlds (%d evaluations): target utilisation %.3f, order %.3f of the gap a day%n",
                    r.evaluations(), r.policy().targetUtilisation(), r.policy().aggressiveness());
            console.printf(Locale.ROOT, "on 30 fresh worlds: reactive 75%% costs %.0f a year, tuned %.0f; saving %.0f (%.1f%%), "
                    + "95%% CI %.0f .. %.0f%n", r.baselineCost(), r.optimisedCost(), r.saving(), 100 * r.savingShare(),
                    r.savingLower(), r.savingUpper());
            console.println("impact on the 30 fresh worlds (reactive 75% -> tuned; reduction and its 95% CI):");
            for (var d : optimiser.impact(io.prescient.feedback.policy.CapacityPolicy.reactive75(), r.policy(), test)) {
                console.printf(Locale.ROOT, "  %-20s %14.4g -> %14.4g   reduction %12.4g  [%12.4g .. %12.4g]%n", d.measure(),
                        d.baseline(), d.tuned(), d.mean(), d.lower(), d.upper());
            }
            console.println("cost / SLA Pareto frontier over policies (capacity cost a year, unserved demand, delayed launch-days):");
            for (var t : evaluator.paretoFrontier(new double[] {0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9},
                    new double[] {0.1, 0.3, 0.5, 0.7, 0.9}, test)) {
                console.printf(Locale.ROOT, "  target %.2f, order %.1f of the gap: capacity %12.0f  unserved %10.0f  delays %6.1f%n",
                        t.policy().targetUtilisation(), t.policy().aggressiveness(), t.capacityCost(), t.unserved(),
                        t.delayedLaunchDays());
            }
        }
    }

    /** {@code prescient feedback backtest}: rolling origins over one history. */
    @Command(name = "backtest", mixinStandardHelpOptions = true,
            description = {"Rolling-origin backtest of the naive and feedback-aware 30-day forecasts over a history directory "
                    + "(history.csv, launches.csv, decisions.csv as `feedback simulate` writes them) or, without --history, a "
                    + "freshly simulated world: MAPE and MASE per origin and on average, and the share of origins whose "
                    + "capacity-behaviour equilibrium converged. The capacity policy and thresholds are the defaults' "
                    + "(75%% target, 80%%/95%%)."})
    public static final class Backtest implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--history", description = "A history directory (default: simulate one).")
        Path history;

        @Option(names = "--strength", defaultValue = "0.5", description = "Feedback strength when simulating (default: ${DEFAULT-VALUE}).")
        double strength;

        @Option(names = "--seed", defaultValue = "1", description = "Seed when simulating (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--first", defaultValue = "180", description = "First origin, in days (default: ${DEFAULT-VALUE}).")
        int first;

        @Option(names = "--every", defaultValue = "30", description = "Days between origins (default: ${DEFAULT-VALUE}).")
        int every;

        @Override
        public void run() {
            PrintWriter console = spec.commandLine().getOut();
            WorldParameters p = WorldParameters.defaults(strength, seed);
            io.prescient.feedback.world.HistoryFiles.Contents data;
            if (history != null) {
                data = io.prescient.feedback.world.HistoryFiles.read(history);
            } else {
                WorldSimulator.World w = new WorldSimulator(p).run(LocalDate.of(2026, 1, 1));
                data = new io.prescient.feedback.world.HistoryFiles.Contents(w.history(), w.calendar(), w.decisions());
            }
            io.prescient.feedback.forecast.FeedbackBacktest.Result r = new io.prescient.feedback.forecast.FeedbackBacktest(
                    io.prescient.feedback.forecast.OperatingFacts.of(p), 30, 200).run(data.history(), data.calendar(),
                    data.decisions(), first, every);
            console.println("origin      naive MAPE  aware MAPE  naive MASE  aware MASE  equilibrium");
            for (var o : r.origins()) {
                console.printf(Locale.ROOT, "%-10s  %9.2f%%  %9.2f%%  %10.3f  %10.3f  %s%n", data.history().get(o.day()).date(),
                        100 * o.naiveMape(), 100 * o.awareMape(), o.naiveMase(), o.awareMase(),
                        o.equilibrium() ? "converged" : "NOT converged");
            }
            console.printf(Locale.ROOT, "mean: MAPE naive %.2f%%, feedback-aware %.2f%%; MASE naive %.3f, feedback-aware %.3f; "
                    + "equilibrium converged at %.0f%% of origins%n", 100 * r.naiveMape(), 100 * r.awareMape(), r.naiveMase(),
                    r.awareMase(), 100 * r.convergenceRate());
            io.prescient.feedback.forecast.FeedbackBacktest backtest = new io.prescient.feedback.forecast.FeedbackBacktest(
                    io.prescient.feedback.forecast.OperatingFacts.of(p), 30, 200);
            io.prescient.feedback.equilibrium.PlanningScenario now = backtest.scenario(data.history(), data.decisions(),
                    data.calendar());
            io.prescient.feedback.equilibrium.Equilibrium eq = io.prescient.feedback.equilibrium.Equilibrium.solve(now,
                    io.prescient.feedback.equilibrium.SolverSettings.anderson());
            double[] point = eq.converged() ? eq.demand() : now.unconstrained();
            io.prescient.feedback.analysis.LoopStability stability = io.prescient.feedback.analysis.LoopStability.at(
                    io.prescient.feedback.equilibrium.Equilibrium.map(now), point, 1e-4);
            console.printf(Locale.ROOT, "the next %d days after the history: equilibrium %s after %d iterations; loop %s%n", 30,
                    eq.converged() ? "converged" : "NOT converged (" + eq.fixedPoint().verdict() + ")", eq.fixedPoint().iterations(),
                    stability.describe());
        }
    }

    /** {@code prescient feedback launches}: launch timing for the next 30 days as a game between teams. */
    @Command(name = "launches", mixinStandardHelpOptions = true,
            description = {"Treats the launches planned in the 30 days after a history (--history, or a simulated one) as a game: "
                    + "each team picks its launch day on shared capacity (capacity in place and on order), weighing its delay "
                    + "cost against the congestion it meets above the warning threshold. Prints the Nash equilibrium found by "
                    + "best responses, whether it is unique, the cooperative plan (the recommended launch days) and the price "
                    + "of anarchy."})
    public static final class Launches implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--history", description = "A history directory (default: simulate one).")
        Path history;

        @Option(names = "--strength", defaultValue = "0.5", description = "Feedback strength when simulating (default: ${DEFAULT-VALUE}).")
        double strength;

        @Option(names = "--seed", defaultValue = "1", description = "Seed when simulating (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--delay-cost", defaultValue = "5000", description = "A team's cost of a day of delay (default: ${DEFAULT-VALUE}).")
        double delayCost;

        @Option(names = "--congestion", defaultValue = "2000", description = "Cost per unit of launch size per day and per "
                + "squared utilisation above the warning threshold (default: ${DEFAULT-VALUE}).")
        double congestion;

        @Override
        public void run() {
            PrintWriter console = spec.commandLine().getOut();
            WorldParameters p = WorldParameters.defaults(strength, seed);
            io.prescient.feedback.world.HistoryFiles.Contents data;
            if (history != null) {
                data = io.prescient.feedback.world.HistoryFiles.read(history);
            } else {
                WorldSimulator.World w = new WorldSimulator(p).run(LocalDate.of(2026, 1, 1));
                int cut = w.history().size() - 30;
                List<Launch> calendar = w.calendar();
                data = new io.prescient.feedback.world.HistoryFiles.Contents(w.history().subList(0, cut), calendar,
                        w.decisions().stream().filter(x -> x.day() < cut).toList());
            }
            int t0 = data.history().size();
            io.prescient.feedback.forecast.OperatingFacts facts = io.prescient.feedback.forecast.OperatingFacts.of(p);
            io.prescient.feedback.forecast.FeedbackForecaster f = new io.prescient.feedback.forecast.FeedbackForecaster(facts, 30, 100, 1);
            double[] base = f.naive(data.history(), List.of()).median();
            double[] inFlight = f.ordersInFlight(data.history());
            double[] capacity = new double[30];
            double c = data.history().get(t0 - 1).allocatedCapacity();
            for (int h = 0; h < 30; h++) {
                c += inFlight[h];
                capacity[h] = c;
            }
            List<io.prescient.feedback.game.Team> teams = new ArrayList<>();
            for (Launch l : data.calendar()) {
                if (l.day() >= t0 && l.day() < t0 + 30) {
                    teams.add(new io.prescient.feedback.game.Team("launch " + (teams.size() + 1), l.size(), l.day() - t0, delayCost));
                }
            }
            if (teams.isEmpty()) {
                console.println("no launch is planned in the 30 days after the history: nothing to schedule");
                return;
            }
            io.prescient.feedback.game.LaunchGame game = new io.prescient.feedback.game.LaunchGame(base, capacity, teams,
                    facts.warning(), congestion);
            io.prescient.feedback.game.LaunchGame.Analysis a = game.analyse(30, seed);
            LocalDate first = data.history().get(t0 - 1).date().plusDays(1);
            console.printf(Locale.ROOT, "%d launches planned from %s; capacity in place and on order %.0f .. %.0f%n", teams.size(),
                    first, capacity[0], capacity[29]);
            console.println("launch      size  planned     Nash        recommended");
            for (int i = 0; i < teams.size(); i++) {
                console.printf(Locale.ROOT, "%-9s %7.0f  %s  %s  %s%n", teams.get(i).name(), teams.get(i).size(),
                        first.plusDays(teams.get(i).preferredDay()), first.plusDays(a.nash().days()[i]),
                        first.plusDays(a.cooperative().days()[i]));
            }
            console.printf(Locale.ROOT, "total cost: Nash %.0f (%s, %d distinct equilibria found from 31 starts), recommended %.0f; "
                    + "price of anarchy %.3f%n", a.nash().total(), a.unique() ? "unique" : "not unique", a.distinctEquilibria(),
                    a.cooperative().total(), a.priceOfAnarchy());
        }
    }
}
