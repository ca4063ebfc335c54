package io.prescient.feedback.history;

import io.prescient.feedback.forecast.DemandForecast;
import io.prescient.feedback.forecast.FeedbackForecaster;
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
 * the product's reader and fit ({@link HistoryInputs}, {@link OrganisationFit}) and is forecast
 * {@code horizon} days past {@code origin}; forecasts are scored against what the world did next.
 */
public final class ObservableWorlds {

    /** One world's scores. */
    public record World(long seed, double trueTarget, double trueAggressiveness, double naiveMape, double awareMape,
                        double latentMape, double coverage, double latentCoverage, String target, String aggressiveness,
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
    public ObservableWorlds(double strength, int origin, int horizon, int paths, double outageProbability, boolean variedPolicies) {
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
        HistoryInputs seen = HistoryInputs.read(observable, Map.of(), null).head(origin);
        HistoryInputs all = HistoryInputs.read(latent, Map.of(), null).head(origin);
        OrganisationFit fit = OrganisationFit.fit(seen.history(), seen.calendar(), seen.log(), known, 100, seed);
        OrganisationFit latentFit = OrganisationFit.fit(all.history(), all.calendar(), all.log(), known, 100, seed);
        FeedbackForecaster f = new FeedbackForecaster(fit.point().facts(), horizon, paths, seed);
        DemandForecast naive = f.naive(fit.point().history(), fit.calendar());
        DemandForecast aware = f.feedbackAware(fit.draws(), fit.calendar());
        DemandForecast withLatent = new FeedbackForecaster(latentFit.point().facts(), horizon, paths, seed)
                .feedbackAware(latentFit.draws(), latentFit.calendar());
        boolean covered = fit.policy().target().covers(target) && fit.policy().aggressiveness().covers(aggressiveness);
        return new World(seed, target, aggressiveness, naive.mape(actual), aware.mape(actual), withLatent.mape(actual),
                coverage(aware, actual), coverage(withLatent, actual), fit.policy().target().toString(),
                fit.policy().aggressiveness().toString(), covered);
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
            rows.add(latent ? r.csv() : String.format(Locale.ROOT, "%s,%.3f,%.3f,%d,%d", r.date(), r.actualDemand(),
                    r.allocatedCapacity(), r.plannedLaunches(), r.delayedLaunches()));
        }
        List<String> launches = new ArrayList<>(List.of("planned_date,size,complexity,risk_aversion"));
        for (Launch l : w.calendar()) {
            launches.add(String.format(Locale.ROOT, "%s,%.3f,%.4f,%.4f", start.plusDays(l.day()), l.size(), l.complexity(),
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
