package io.prescient.feedback.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates a world day by day. Each day: base demand (trend x weekly season x AR(1) market shock);
 * pressure from yesterday's utilisation; every launch due today is delayed by {@code delayDays} with
 * probability logistic(intercept + pressureEffect x pressure + riskAversion and complexity terms),
 * else it goes live (ramped over three days); efficiency work closes part of the gap to
 * ceiling x capability x pressure (capability grows as teams learn); actual demand is base plus live
 * launches, less the efficiency gains. The infrastructure team averages recent utilisation and orders
 * a share of the gap to its target, delivered after the lead time, or later when a delivery slips.
 */
public final class WorldSimulator {

    private final WorldParameters p;
    private final SupplyShocks shocks;

    public WorldSimulator(WorldParameters parameters) {
        this(parameters, SupplyShocks.NONE);
    }

    public WorldSimulator(WorldParameters parameters, SupplyShocks shocks) {
        this.p = parameters;
        this.shocks = shocks;
    }

    /** The simulated history, the launch calendar as planned, and every launch decision. */
    public record World(WorldParameters parameters, List<Launch> calendar, List<HistoryRow> history,
                        List<LaunchDecision> decisions) {
        public World {
            calendar = List.copyOf(calendar);
            history = List.copyOf(history);
            decisions = List.copyOf(decisions);
        }
    }

    public World run(LocalDate start) {
        SplittableRandom random = new SplittableRandom(p.seed());
        List<Launch> calendar = calendar(random.split());
        SplittableRandom noise = random.split();
        SplittableRandom teams = random.split();
        SplittableRandom infra = random.split();
        SplittableRandom supply = random.split();
        int outageLeft = 0;
        List<Launch> due = new ArrayList<>(calendar);
        double[] liveSize = new double[p.days() + 3];
        double[] arrivals = new double[p.days() + p.infraLeadDays() + p.shockDays() + 2];
        double capacity = p.baseLevel() / p.targetUtilisation();
        double shock = 0;
        double efficiency = 0;
        double previousUtilisation = p.targetUtilisation();
        List<Double> utilisations = new ArrayList<>();
        List<HistoryRow> rows = new ArrayList<>();
        List<LaunchDecision> decisions = new ArrayList<>();
        double live = 0;
        for (int t = 0; t < p.days(); t++) {
            shock = 0.7 * shock + p.volatility() * noise.nextGaussian();
            LocalDate date = start.plusDays(t);
            double weekly = 1 + p.weeklyAmplitude() * (date.getDayOfWeek().getValue() <= 5 ? 0.4 : -1.0);
            double base = p.baseLevel() * Math.pow(1 + p.trendPerDay(), t) * weekly * Math.exp(shock);
            double pressure = p.pressure(previousUtilisation);
            int planned = 0;
            int delayed = 0;
            List<Launch> still = new ArrayList<>();
            for (Launch l : due) {
                if (l.day() != t) {
                    still.add(l);
                    continue;
                }
                planned++;
                double logit = p.delayIntercept() + p.pressureEffect() * pressure + p.delayRiskAversion() * (l.riskAversion() - 0.5)
                        + p.delayComplexity() * (l.complexity() - 0.5);
                boolean delay = teams.nextDouble() < 1 / (1 + Math.exp(-logit));
                decisions.add(new LaunchDecision(t, pressure, l.riskAversion(), l.complexity(), delay));
                if (delay) {
                    delayed++;
                    still.add(l.withDay(t + p.delayDays()));
                } else {
                    for (int r = 0; r < 3; r++) {
                        liveSize[Math.min(liveSize.length - 1, t + r)] += l.size() / 3;
                    }
                }
            }
            due = still;
            live += liveSize[t];
            double capability = 1 - Math.exp(-t / p.learningDays());
            double target = p.efficiencyCeiling() * capability * pressure;
            efficiency += p.efficiencyRate() * (target - efficiency);
            capacity += arrivals[t];
            if (outageLeft == 0 && shocks.outageProbability() > 0 && supply.nextDouble() < shocks.outageProbability()) {
                outageLeft = shocks.outageDays();
            }
            int outage = outageLeft > 0 ? 1 : 0;
            outageLeft = Math.max(0, outageLeft - 1);
            double effective = capacity * (1 - shocks.outageShare() * outage);
            double needed = (base + live) / p.targetUtilisation();
            double actual = (base + live) * (1 - efficiency) * Math.pow(effective / needed, shocks.capacityElasticity());
            double utilisation = actual / effective;
            utilisations.add(utilisation);
            int slipped = 0;
            double recent = utilisations.subList(Math.max(0, utilisations.size() - p.infraLookback()), utilisations.size())
                    .stream().mapToDouble(Double::doubleValue).average().orElse(utilisation);
            double desired = recent * capacity / p.targetUtilisation();
            double onOrder = 0;
            for (int s = t + 1; s < arrivals.length; s++) {
                onOrder += arrivals[s];
            }
            double gap = desired - capacity - onOrder;
            if (gap > 0) {
                int arrival = t + Math.max(1, p.infraLeadDays());
                if (infra.nextDouble() < p.shockProbability()) {
                    arrival += p.shockDays();
                    slipped = 1;
                }
                arrivals[Math.min(arrivals.length - 1, arrival)] += p.infraAggressiveness() * gap;
            }
            rows.add(new HistoryRow(date, base, planned, actual, effective, utilisation, delayed, efficiency, pressure, slipped, outage));
            previousUtilisation = utilisation;
        }
        return new World(p, calendar, rows, decisions);
    }

    private List<Launch> calendar(SplittableRandom random) {
        List<Launch> out = new ArrayList<>();
        double perDay = p.launchesPerWeek() / 7;
        for (int t = 0; t < p.days(); t++) {
            if (random.nextDouble() < perDay) {
                double size = p.baseLevel() * Math.pow(1 + p.trendPerDay(), t) * p.launchSize() * Math.exp(0.5 * random.nextGaussian());
                out.add(new Launch(t, size, random.nextDouble(), random.nextDouble()));
            }
        }
        return out;
    }
}
