package io.prescient.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.prescient.feedback.behaviour.DelayModel;
import io.prescient.feedback.world.HistoryRow;
import io.prescient.feedback.world.Launch;
import io.prescient.feedback.world.LaunchDecision;
import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;
import io.prescient.feedback.history.HistoryInputs;
import io.prescient.feedback.history.ObservedHistoryReader;
import io.prescient.feedback.history.OrganisationFit;
import io.prescient.feedback.study.FeedbackStudy;
import io.prescient.feedback.study.HistoryBacktest;
import picocli.CommandLine.Mixin;
import java.util.LinkedHashMap;
import java.util.Map;
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

/**
 * {@code prescient feedback}: feedback-aware planning on an organisation's own history (forecast, equilibrium what-if,
 * backtest, policy tuning, launch timing), or on a simulated one for demos. The commands parse, call the feedback
 * module's {@link FeedbackStudy} and print.
 */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Feedback-aware planning on your own history (--history): capacity pressure changes what teams do "
                + "(launch delays, efficiency work), which changes demand. Without --history, a simulated organisation.",
        subcommands = {FeedbackCommand.Simulate.class, FeedbackCommand.Forecast.class, FeedbackCommand.Equilibrium.class,
                FeedbackCommand.Backtest.class, FeedbackCommand.Optimise.class, FeedbackCommand.Launches.class})
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

        @Option(names = "--observable", description = "Write history.csv with only what an organisation observes (date, demand, "
                + "capacity, launches, delays), as the other feedback commands read it with --history.")
        boolean observable;

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
                io.prescient.feedback.study.WorldBenchmark.write(out, world, !observable, start);
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

    /** Where the history comes from, the thresholds the organisation publishes, and how the fit draws. */
    static final class HistorySource {
        @Option(names = "--history", description = "Your history: a CSV file (date, demand and capacity columns at least; launches, "
                + "delays, outage and others optional; daily or weekly rows) or a directory holding history.csv and optionally "
                + "launches.csv (default: a simulated organisation).")
        Path history;

        @Option(names = "--columns", description = "Header names for roles whose header is not a known name, e.g. "
                + "demand=gpu_hours,capacity=gpus.")
        String columns;

        @Option(names = "--launches", description = "Launch calendar CSV (planned_date, size; team, complexity, risk_aversion optional).")
        Path launches;

        @Option(names = "--warning", defaultValue = "0.80", description = "Utilisation where teams start to feel pressure (default: ${DEFAULT-VALUE}).")
        double warning;

        @Option(names = "--emergency", defaultValue = "0.95", description = "Utilisation of full pressure (default: ${DEFAULT-VALUE}).")
        double emergency;

        @Option(names = "--delay-days", defaultValue = "7", description = "Days a delayed launch moves (default: ${DEFAULT-VALUE}).")
        int delayDays;

        @Option(names = "--slip-days", defaultValue = "21", description = "Days a slipped capacity delivery is late (default: ${DEFAULT-VALUE}).")
        int slipDays;

        @Option(names = "--draws", defaultValue = "100", description = "Draws of the fitted parameters carried into the bands (default: ${DEFAULT-VALUE}).")
        int draws;

        @Option(names = "--strength", defaultValue = "0.5", description = "Without --history: the simulated organisation's feedback "
                + "strength, 0.1 to 0.8 (default: ${DEFAULT-VALUE}).")
        double strength;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulated organisation and of the forecast's draws "
                + "(default: ${DEFAULT-VALUE}).")
        long seed;

        /** The history read, or a simulated organisation exported with its observable columns and read the same way. */
        HistoryInputs inputs(PrintWriter notes, int simulatedDays) {
            if (history != null) {
                return HistoryInputs.read(history, ObservedHistoryReader.mapping(columns), launches);
            }
            HistoryInputs simulated = io.prescient.feedback.study.SimulatedOrganisation.inputs(strength, seed, simulatedDays);
            notes.printf(Locale.ROOT, "no --history: a simulated organisation (strength %.2f, seed %d, %d days), exported with its "
                    + "observable columns and read back%n", strength, seed, simulatedDays);
            notes.flush();
            return simulated;
        }

        FeedbackStudy.Settings settings(int horizon, int paths) {
            return new FeedbackStudy.Settings(new OrganisationFit.Thresholds(warning, emergency, delayDays, slipDays), draws, paths, horizon,
                    seed);
        }
    }

    static void printFit(PrintWriter out, FeedbackStudy study) {
        OrganisationFit fit = study.fit();
        out.printf(Locale.ROOT, "%s: %d days from %s to %s%s; %d launches in the calendar%n", fit.observed().source(), fit.observed().days(),
                fit.observed().dates().get(0), fit.observed().dates().get(fit.observed().days() - 1),
                fit.observed().stepDays() == 7 ? " (weekly rows, held over their days)" : "", study.inputs().calendar().size());
        study.inputs().skipped().forEach(n -> out.println("  calendar item skipped: " + n));
        fit.notes().forEach(n -> out.println("  " + n));
    }

    /** {@code prescient feedback forecast}. */
    @Command(name = "forecast", mixinStandardHelpOptions = true,
            description = {"Forecasts the days after your history: the naive forecast (base demand extrapolated, launches as planned, "
                    + "today's efficiency), the feedback-aware one (your teams' fitted delay and efficiency behaviour, your capacity "
                    + "policy and orders in flight, outages at your rate; p10/p90 over behaviour and parameter uncertainty), the "
                    + "solved equilibrium path, expected utilisation, delays and efficiency, the feedback effect (naive minus aware) "
                    + "and the loop's stability."})
    public static final class Forecast implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        HistorySource source = new HistorySource();

        @Mixin
        OutputOption output;

        @Option(names = "--horizon", defaultValue = "30", description = "Days forecast (default: ${DEFAULT-VALUE}).")
        int horizon;

        @Option(names = "--paths", defaultValue = "400", description = "Simulated futures (default: ${DEFAULT-VALUE}).")
        int paths;

        @Option(names = "--out", description = "Also write forecast.csv and forecast.svg here.")
        Path out;

        @Override
        public void run() {
            boolean json = output.json();
            PrintWriter console = spec.commandLine().getOut();
            PrintWriter notes = json ? spec.commandLine().getErr() : console;
            FeedbackStudy study = FeedbackStudy.of(source.inputs(notes, 330), source.settings(horizon, paths));
            FeedbackStudy.Forecast f = study.forecast();
            if (out != null) {
                write(f);
            }
            if (json) {
                output.print(console, Map.of("fit", io.prescient.feedback.study.FeedbackDocuments.fit(study.fit()), "calendar_skipped", study.inputs().skipped(), "forecast",
                        io.prescient.feedback.study.FeedbackDocuments.forecast(f)));
                return;
            }
            printFit(console, study);
            TextTable table = new TextTable(List.of("date", "naive", "aware_p50", "aware_p10", "aware_p90", "equilibrium", "effect",
                    "utilisation", "delays", "efficiency"), false, true, true, true, true, true, true, true, true, true);
            for (int h = 0; h < horizon; h++) {
                table.add(f.days().get(h).toString(), num(f.naive().median()[h]), num(f.aware().median()[h]), num(f.aware().p10()[h]),
                        num(f.aware().p90()[h]), f.equilibrium() == null ? "-" : num(f.equilibrium()[h]), num(f.effect()[h]),
                        String.format(Locale.ROOT, "%.3f", f.aware().utilisation()[h]), String.format(Locale.ROOT, "%.2f",
                                f.aware().delays()[h]), String.format(Locale.ROOT, "%.3f", f.aware().efficiency()[h]));
            }
            table.print(console);
            double effect = java.util.Arrays.stream(f.effect()).sum();
            console.printf(Locale.ROOT, "feedback effect over %d days: %.0f (%.1f%% of the naive forecast)%n", horizon, effect,
                    100 * effect / java.util.Arrays.stream(f.naive().median()).sum());
            console.println("equilibrium: " + (f.converged() ? "converged after " + f.iterations() + " iterations" : "NOT converged"));
            console.println("stability: " + f.stability().describe());
            if (out != null) {
                console.printf("wrote %s and %s%n", out.resolve("forecast.csv"), out.resolve("forecast.svg"));
            }
        }

        private void write(FeedbackStudy.Forecast f) {
            try {
                Files.createDirectories(out);
                List<String> rows = new ArrayList<>(List.of("date,naive,feedback_aware,p10,p90,equilibrium,effect,utilisation,delays,efficiency"));
                for (int h = 0; h < horizon; h++) {
                    rows.add(String.format(Locale.ROOT, "%s,%.3f,%.3f,%.3f,%.3f,%s,%.3f,%.6f,%.4f,%.6f", f.days().get(h), f.naive().median()[h],
                            f.aware().median()[h], f.aware().p10()[h], f.aware().p90()[h],
                            f.equilibrium() == null ? "" : String.format(Locale.ROOT, "%.3f", f.equilibrium()[h]), f.effect()[h],
                            f.aware().utilisation()[h], f.aware().delays()[h], f.aware().efficiency()[h]));
                }
                Files.write(out.resolve("forecast.csv"), rows);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write into " + out + ": " + e.getMessage(), e);
            }
            LineChart chart = new LineChart("Naive vs feedback-aware forecast")
                    .band("feedback-aware p10-p90", f.aware().p10(), f.aware().p90())
                    .line("naive", f.naive().median(), "#1f77b4", true)
                    .line("feedback-aware", f.aware().median(), "#d62728", false);
            if (f.equilibrium() != null) {
                chart.line("equilibrium", f.equilibrium(), "#2ca02c", true);
            }
            chart.write(out.resolve("forecast.svg"));
        }
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    /** {@code prescient feedback equilibrium}: the what-if. */
    @Command(name = "equilibrium", mixinStandardHelpOptions = true,
            description = {"What-if on the days after your history: base demand times --base, launches added with --launch, capacity "
                    + "held at --capacity, market conditions (all demand times --market). Solves for the demand consistent with the "
                    + "behaviour it provokes (delays, efficiency work) and prints it with utilisation, delays, efficiency and the "
                    + "loop's stability."})
    public static final class Equilibrium implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        HistorySource source = new HistorySource();

        @Mixin
        OutputOption output;

        @Option(names = "--base", defaultValue = "1", description = "Base demand (before launches) times this (default: ${DEFAULT-VALUE}).")
        double base;

        @Option(names = "--market", defaultValue = "1", description = "All demand times this (default: ${DEFAULT-VALUE}).")
        double market;

        @Option(names = "--capacity", description = "Hold capacity at this many units a day (default: in place and on order).")
        Double capacity;

        @Option(names = "--launch", description = "Add a launch: date=size or date=size:team (repeatable).")
        List<String> launches = new ArrayList<>();

        @Option(names = "--horizon", defaultValue = "30", description = "Days (default: ${DEFAULT-VALUE}).")
        int horizon;

        @Override
        public void run() {
            boolean json = output.json();
            PrintWriter console = spec.commandLine().getOut();
            PrintWriter notes = json ? spec.commandLine().getErr() : console;
            FeedbackStudy study = FeedbackStudy.of(source.inputs(notes, 300), source.settings(horizon, 200));
            LocalDate start = study.inputs().history().dates().get(0);
            List<Launch> added = new ArrayList<>();
            for (String l : launches) {
                try {
                    added.add(FeedbackStudy.WhatIf.launch(l, start));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--" + e.getMessage(), e);
                }
            }
            FeedbackStudy.Answer a = study.whatIf(new FeedbackStudy.WhatIf(base, market, added, capacity));
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("what_if", Map.of("base", base, "market", market, "launches", launches, "capacity", capacity == null ? "in place and on order" : capacity));
                m.putAll(io.prescient.feedback.study.FeedbackDocuments.answer(a));
                output.print(console, m);
                return;
            }
            printFit(console, study);
            TextTable table = new TextTable(List.of("date", "planned", "equilibrium", "capacity", "utilisation", "delayed", "efficiency"),
                    false, true, true, true, true, true, true);
            for (int h = 0; h < horizon; h++) {
                table.add(a.days().get(h).toString(), num(a.unconstrained()[h]), a.equilibrium() == null ? "-" : num(a.equilibrium()[h]),
                        num(a.capacity()[h]), String.format(Locale.ROOT, "%.3f", a.utilisation()[h]), num(a.delayed()[h]),
                        String.format(Locale.ROOT, "%.3f", a.efficiency()[h]));
            }
            table.print(console);
            console.println("equilibrium: " + (a.converged() ? "converged after " + a.iterations() + " iterations" : "NOT converged"));
            console.println("stability: " + a.stability().describe());
        }
    }

    /** {@code prescient feedback backtest}: rolling origins over one history. */
    @Command(name = "backtest", mixinStandardHelpOptions = true,
            description = {"Rolling-origin backtest on your history: at each origin the organisation is fitted to the days before it "
                    + "only and its next --horizon days forecast; MAPE, MASE and p10-p90 coverage of the naive and feedback-aware "
                    + "forecasts per origin and on average, whether the equilibrium converged, and the stability verdict."})
    public static final class Backtest implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        HistorySource source = new HistorySource();

        @Mixin
        OutputOption output;

        @Option(names = "--first", defaultValue = "180", description = "First origin, in days (default: ${DEFAULT-VALUE}).")
        int first;

        @Option(names = "--every", defaultValue = "30", description = "Days between origins (default: ${DEFAULT-VALUE}).")
        int every;

        @Option(names = "--horizon", defaultValue = "30", description = "Days forecast (default: ${DEFAULT-VALUE}).")
        int horizon;

        @Override
        public void run() {
            boolean json = output.json();
            PrintWriter console = spec.commandLine().getOut();
            PrintWriter notes = json ? spec.commandLine().getErr() : console;
            HistoryInputs inputs = source.inputs(notes, 365);
            HistoryBacktest.Result r = HistoryBacktest.run(inputs, source.settings(horizon, 200), first, every);
            if (json) {
                output.print(console, r);
                return;
            }
            console.println("origin      naive MAPE  aware MAPE  naive MASE  aware MASE  p10-p90  equilibrium    stability");
            for (var o : r.origins()) {
                console.printf(Locale.ROOT, "%-10s  %9.2f%%  %9.2f%%  %10.3f  %10.3f  %7.2f  %-13s  %s%n", o.date(), 100 * o.naiveMape(),
                        100 * o.awareMape(), o.naiveMase(), o.awareMase(), o.coverage(), o.equilibrium() ? "converged" : "NOT converged",
                        o.stability());
            }
            console.printf(Locale.ROOT, "mean: MAPE naive %.2f%%, feedback-aware %.2f%%; MASE naive %.3f, feedback-aware %.3f; p10-p90 "
                    + "coverage %.2f; equilibrium converged at %.0f%% of origins%n", 100 * r.naiveMape(), 100 * r.awareMape(), r.naiveMase(),
                    r.awareMase(), r.coverage(), 100 * r.convergenceRate());
        }
    }

    /** {@code prescient feedback optimise}: tune the capacity policy in the organisation's fitted world. */
    @Command(name = "optimise", mixinStandardHelpOptions = true,
            description = {"Tunes your capacity policy (target utilisation, share of the gap ordered a day) with CMA-ES on the cost "
                    + "of a simulated year of your fitted world (capacity, unserved demand, delayed launch-days), each world on one "
                    + "draw of the fitted parameters; compares it with your own estimated policy on 30 fresh worlds (paired, 95%% "
                    + "intervals) including capacity volatility; and prints the cost/stability Pareto frontier of a grid of policies."})
    public static final class Optimise implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        HistorySource source = new HistorySource();

        @Mixin
        OutputOption output;

        @Option(names = "--capacity-cost", defaultValue = "2", description = "Cost of a unit of capacity for a day (default: ${DEFAULT-VALUE}).")
        double capacityCost;

        @Option(names = "--sla-penalty", defaultValue = "20", description = "Penalty per unit of demand above capacity (default: ${DEFAULT-VALUE}).")
        double slaPenalty;

        @Option(names = "--delay-cost", defaultValue = "5000", description = "Cost of a launch delayed by a day (default: ${DEFAULT-VALUE}).")
        double delayCost;

        @Option(names = "--evaluations", defaultValue = "200", description = "CMA-ES evaluations (default: ${DEFAULT-VALUE}).")
        int evaluations;

        @Override
        public void run() {
            boolean json = output.json();
            PrintWriter console = spec.commandLine().getOut();
            PrintWriter notes = json ? spec.commandLine().getErr() : console;
            FeedbackStudy study = FeedbackStudy.of(source.inputs(notes, 300), source.settings(30, 200));
            FeedbackStudy.Tuning t = study.optimise(new io.prescient.feedback.policy.CostModel(capacityCost, slaPenalty, delayCost),
                    evaluations);
            var r = t.result();
            if (json) {
                output.print(console, Map.of("fit", io.prescient.feedback.study.FeedbackDocuments.fit(study.fit()), "baseline", t.baseline(), "tuned", r, "impact", t.impact(),
                        "frontier", t.frontier()));
                return;
            }
            printFit(console, study);
            console.printf(Locale.ROOT, "your policy (estimated): target utilisation %.3f, order %.3f of the gap a day%n",
                    t.baseline().targetUtilisation(), t.baseline().aggressiveness());
            console.printf(Locale.ROOT, "tuned on 10 fitted worlds (%d evaluations): target utilisation %.3f, order %.3f of the gap a day%n",
                    r.evaluations(), r.policy().targetUtilisation(), r.policy().aggressiveness());
            console.printf(Locale.ROOT, "on 30 fresh worlds: your policy costs %.0f a year, tuned %.0f; saving %.0f (%.1f%%), 95%% CI %.0f .. %.0f%n",
                    r.baselineCost(), r.optimisedCost(), r.saving(), 100 * r.savingShare(), r.savingLower(), r.savingUpper());
            console.println("impact (yours -> tuned; reduction and its 95% CI):");
            for (var d : t.impact()) {
                console.printf(Locale.ROOT, "  %-20s %14.4g -> %14.4g   reduction %12.4g  [%12.4g .. %12.4g]%n", d.measure(), d.baseline(),
                        d.tuned(), d.mean(), d.lower(), d.upper());
            }
            console.println("cost / stability Pareto frontier (total cost a year, capacity volatility, unserved demand, delayed launch-days):");
            for (var m : t.frontier()) {
                console.printf(Locale.ROOT, "  target %.2f, order %.1f of the gap: cost %12.0f  volatility %.4f  unserved %10.0f  delays %6.1f%n",
                        m.policy().targetUtilisation(), m.policy().aggressiveness(), m.cost(), m.volatility(), m.unserved(),
                        m.delayedLaunchDays());
            }
        }
    }

    /** {@code prescient feedback launches}: launch timing as a game between teams. */
    @Command(name = "launches", mixinStandardHelpOptions = true,
            description = {"Treats the launches planned in the --horizon days after your history as a game between teams (the "
                    + "calendar's team column; a launch without a team is its own player): each team picks the day of its first "
                    + "launch on the capacity in place and on order, weighing its delay cost against the congestion it meets above "
                    + "the warning threshold. Prints the Nash equilibrium found by best responses, whether it is unique, the "
                    + "cooperative plan (the recommended days) and the price of anarchy."})
    public static final class Launches implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        HistorySource source = new HistorySource();

        @Mixin
        OutputOption output;

        @Option(names = "--delay-cost", defaultValue = "5000", description = "A team's cost of a day of delay, per launch (default: ${DEFAULT-VALUE}).")
        double delayCost;

        @Option(names = "--congestion", defaultValue = "2000", description = "Cost per unit of launch size per day and per "
                + "squared utilisation above the warning threshold (default: ${DEFAULT-VALUE}).")
        double congestion;

        @Option(names = "--horizon", defaultValue = "30", description = "Days (default: ${DEFAULT-VALUE}).")
        int horizon;

        @Override
        public void run() {
            boolean json = output.json();
            PrintWriter console = spec.commandLine().getOut();
            PrintWriter notes = json ? spec.commandLine().getErr() : console;
            FeedbackStudy study = FeedbackStudy.of(source.inputs(notes, 335), source.settings(horizon, 200));
            FeedbackStudy.LaunchPlan plan = study.launches(delayCost, congestion);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("first_day", plan.first().toString());
                m.put("teams", plan.teams());
                if (plan.analysis() != null) {
                    m.put("nash_total", plan.analysis().nash().total());
                    m.put("recommended_total", plan.analysis().cooperative().total());
                    m.put("unique", plan.analysis().unique());
                    m.put("price_of_anarchy", plan.analysis().priceOfAnarchy());
                }
                output.print(console, m);
                return;
            }
            if (plan.teams().isEmpty()) {
                console.printf("no launch is planned in the %d days after the history: nothing to schedule%n", horizon);
                return;
            }
            var a = plan.analysis();
            console.printf(Locale.ROOT, "%d teams with launches from %s; capacity in place and on order %.0f .. %.0f%n", plan.teams().size(),
                    plan.first(), plan.capacityFrom(), plan.capacityTo());
            TextTable table = new TextTable(List.of("team", "launches", "size", "planned", "nash", "recommended"), false, true, true, false,
                    false, false);
            for (var t : plan.teams()) {
                table.add(t.team(), Integer.toString(t.launches()), num(t.size()), t.planned().toString(), t.nash().toString(),
                        t.recommended().toString());
            }
            table.print(console);
            console.printf(Locale.ROOT, "total cost: Nash %.0f (%s, %d distinct equilibria found from 31 starts), recommended %.0f; "
                    + "price of anarchy %.3f%n", a.nash().total(), a.unique() ? "unique" : "not unique", a.distinctEquilibria(),
                    a.cooperative().total(), a.priceOfAnarchy());
        }
    }
}
