package io.prescient.feedback.study;

import io.prescient.feedback.forecast.DemandForecast;
import io.prescient.feedback.history.HistoryInputs;
import io.prescient.feedback.history.OrganisationFit;
import io.prescient.feedback.world.HistoryRow;
import io.prescient.feedback.world.Launch;
import io.prescient.feedback.world.SupplyShocks;
import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The acceptance benchmark of feedback-aware forecasting on an organisation's own history: worlds
 * are simulated (each with its own capacity policy and outages), and each is written as an
 * organisation would export it twice, with only the observable columns (date, demand, capacity,
 * launches, delays) and with the latent ones too, plus its launch calendar. Each file goes through
 * the product's reader, fit and forecast ({@link HistoryInputs}, {@link FeedbackStudy}) and is forecast
 * {@code horizon} days past {@code origin}; forecasts are scored against what the world did next.
 */
public final class WorldBenchmark {

    /** One world's scores. */
    public record World(long seed, double trueTarget, double trueAggressiveness, double naiveMape, double awareMape,
                        double latentMape, double coverage, double latentCoverage, double targetValue, double targetLower,
                        double targetUpper, double aggressivenessValue, double aggressivenessLower, double aggressivenessUpper,
                        boolean policyCovered) {
    }

    /** Every world and the summary. */
    public record Result(double strength, List<World> worlds, double naiveMape, double awareMape, double latentMape, double coverage,
                         double latentCoverage, int policyCovered, double seconds) {
    }

    private final double strength;
    private final int origin;
    private final int horizon;
    private final int paths;
    private final double outageProbability;
    private final boolean variedPolicies;

    /** @param variedPolicies give each world its own capacity policy (target 0.65-0.85, aggressiveness 0.15-0.6), else the default one */
    public WorldBenchmark(double strength, int origin, int horizon, int paths, double outageProbability, boolean variedPolicies) {
        this.variedPolicies = variedPolicies;
        this.strength = strength;
        this.origin = origin;
        this.horizon = horizon;
        this.paths = paths;
        this.outageProbability = outageProbability;
    }

    public Result run(int worlds, Path scratch) {
        long started = System.nanoTime();
        List<World> out = new ArrayList<>();
        for (long seed = 1; seed <= worlds; seed++) {
            out.add(world(seed, scratch.resolve("world-" + seed)));
        }
        int n = out.size();
        return new Result(strength, out, out.stream().mapToDouble(World::naiveMape).sum() / n,
                out.stream().mapToDouble(World::awareMape).sum() / n, out.stream().mapToDouble(World::latentMape).sum() / n,
                out.stream().mapToDouble(World::coverage).sum() / n, out.stream().mapToDouble(World::latentCoverage).sum() / n,
                (int) out.stream().filter(World::policyCovered).count(), (System.nanoTime() - started) / 1e9);
    }

    World world(long seed, Path dir) {
        WorldParameters d = WorldParameters.defaults(strength, seed);
        SplittableRandom policy = new SplittableRandom(seed * 7919);
        double target = variedPolicies ? 0.65 + 0.2 * policy.nextDouble() : d.targetUtilisation();
        double aggressiveness = variedPolicies ? 0.15 + 0.45 * policy.nextDouble() : d.infraAggressiveness();
        WorldParameters p = new WorldParameters(origin + horizon, d.baseLevel(), d.trendPerDay(), d.weeklyAmplitude(), d.volatility(),
                d.launchesPerWeek(), d.launchSize(), d.warning(), d.emergency(), d.feedbackStrength(), d.delayIntercept(),
                d.delayPressure(), d.delayRiskAversion(), d.delayComplexity(), d.delayDays(), d.maxEfficiency(), d.efficiencyRate(),
                d.learningDays(), target, d.infraLookback(), aggressiveness, d.infraLeadDays(), d.shockProbability(), d.shockDays(),
                seed);
        LocalDate start = LocalDate.of(2026, 1, 1);
        WorldSimulator.World w = new WorldSimulator(p, new SupplyShocks(outageProbability, 0.25, 5, 0)).run(start);
        double[] actual = w.history().subList(origin, origin + horizon).stream().mapToDouble(HistoryRow::actualDemand).toArray();
        Path observable = dir.resolve("observable");
        Path latent = dir.resolve("latent");
        write(observable, w, false, start);
        write(latent, w, true, start);
        OrganisationFit.Thresholds known = new OrganisationFit.Thresholds(p.warning(), p.emergency(), p.delayDays(), p.shockDays());
        FeedbackStudy.Settings settings = new FeedbackStudy.Settings(known, 100, paths, horizon, seed);
        FeedbackStudy seen = FeedbackStudy.of(HistoryInputs.read(observable, Map.of(), null).head(origin), settings);
        FeedbackStudy all = FeedbackStudy.of(HistoryInputs.read(latent, Map.of(), null).head(origin), settings);
        FeedbackStudy.Forecast forecast = seen.forecast();
        DemandForecast naive = forecast.naive();
        DemandForecast aware = forecast.aware();
        DemandForecast withLatent = all.forecast().aware();
        OrganisationFit fit = seen.fit();
        boolean covered = fit.policy().target().covers(target) && fit.policy().aggressiveness().covers(aggressiveness);
        return new World(seed, target, aggressiveness, naive.mape(actual), aware.mape(actual), withLatent.mape(actual),
                coverage(aware, actual), coverage(withLatent, actual), fit.policy().target().value(), fit.policy().target().lower(),
                fit.policy().target().upper(), fit.policy().aggressiveness().value(), fit.policy().aggressiveness().lower(),
                fit.policy().aggressiveness().upper(), covered);
    }

    /** What random worlds did to the pipeline: how many went through, and each failure with its world. */
    public record Robustness(int worlds, int passed, List<String> failures, double seconds) {
    }

    /**
     * Random worlds (length 30 to 430 days, strength 0.1 to 0.8, any policy, outage rate up to 3% a
     * day, observable or latent columns) through reading, fitting, forecasting, the equilibrium with
     * its stability and a what-if: every exception is a failure.
     */
    public static Robustness robustness(int worlds, long seed, Path scratch) {
        long started = System.nanoTime();
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < worlds; i++) {
            WorldParameters d = WorldParameters.defaults(0.1 + 0.7 * r.nextDouble(), r.nextLong());
            WorldParameters p = new WorldParameters(30 + r.nextInt(400), d.baseLevel() * Math.exp(4 * r.nextGaussian()),
                    0.003 * r.nextGaussian(), 0.3 * r.nextDouble(), 0.1 * r.nextDouble(), 5 * r.nextDouble(), 0.1 * r.nextDouble(),
                    d.warning(), d.emergency(), d.feedbackStrength(), d.delayIntercept(), d.delayPressure(), d.delayRiskAversion(),
                    d.delayComplexity(), 1 + r.nextInt(14), d.maxEfficiency(), d.efficiencyRate(), d.learningDays(),
                    0.5 + 0.45 * r.nextDouble(), 1 + r.nextInt(7), 0.02 + 0.98 * r.nextDouble(), r.nextInt(40), r.nextDouble() * 0.5,
                    1 + r.nextInt(30), d.seed());
            Path dir = scratch.resolve("random-" + i);
            try {
                WorldSimulator.World w = new WorldSimulator(p, new SupplyShocks(0.03 * r.nextDouble(), 0.1 + 0.6 * r.nextDouble(),
                        1 + r.nextInt(10), 0)).run(LocalDate.of(2026, 1, 1));
                write(dir, w, r.nextBoolean(), LocalDate.of(2026, 1, 1));
                FeedbackStudy study = FeedbackStudy.of(HistoryInputs.read(dir, Map.of(), null), new FeedbackStudy.Settings(
                        OrganisationFit.Thresholds.defaults(), 20, 50, 30, i));
                study.forecast();
                study.whatIf(new FeedbackStudy.WhatIf(1.2, 1, List.of(), null));
            } catch (RuntimeException | StackOverflowError e) {
                failures.add("world " + i + " (" + p + "): " + e);
            }
        }
        return new Robustness(worlds, worlds - failures.size(), failures, (System.nanoTime() - started) / 1e9);
    }

    private static double coverage(DemandForecast f, double[] actual) {
        int in = 0;
        for (int h = 0; h < actual.length; h++) {
            in += actual[h] >= f.p10()[h] && actual[h] <= f.p90()[h] ? 1 : 0;
        }
        return (double) in / actual.length;
    }

    /** The history as an organisation would export it: observable columns only, or the latent ones too; and its calendar. */
    public static void write(Path dir, WorldSimulator.World w, boolean latent, LocalDate start) {
        List<String> rows = new ArrayList<>();
        rows.add(latent ? HistoryRow.HEADER : "date,demand,capacity,launches,delays");
        for (HistoryRow r : w.history()) {
            rows.add(latent ? r.csv() : String.format(Locale.ROOT, "%s,%.6f,%.6f,%d,%d", r.date(), r.actualDemand(),
                    r.allocatedCapacity(), r.plannedLaunches(), r.delayedLaunches()));
        }
        List<String> launches = new ArrayList<>(List.of("planned_date,size,complexity,risk_aversion"));
        for (Launch l : w.calendar()) {
            launches.add(String.format(Locale.ROOT, "%s,%.6f,%.4f,%.4f", start.plusDays(l.day()), l.size(), l.complexity(),
                    l.riskAversion()));
        }
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("history.csv"), rows);
            Files.write(dir.resolve("launches.csv"), launches);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }
}
