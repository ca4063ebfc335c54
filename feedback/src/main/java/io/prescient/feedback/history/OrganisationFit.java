package io.prescient.feedback.history;

import io.prescient.feedback.behaviour.CapacityResponseModel;
import io.prescient.feedback.behaviour.DelayModel;
import io.prescient.feedback.behaviour.EfficiencyModel;
import io.prescient.feedback.behaviour.Estimate;
import io.prescient.feedback.forecast.OperatingFacts;
import io.prescient.feedback.forecast.Organisation;
import io.prescient.feedback.world.HistoryRow;
import io.prescient.feedback.world.Launch;
import io.prescient.feedback.world.LaunchDecision;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An organisation fitted to its own history. What it did not record is estimated from what it did:
 * pressure from utilisation (the published thresholds), live launch demand from the calendar and the
 * day's launch and delay counts ({@link LaunchLoad}), efficiency work and so base demand from the
 * demand itself ({@link EfficiencyPosterior}), the capacity policy and the orders that slipped from
 * the capacity added ({@link CapacityResponseModel}), and launch-delay behaviour from the counts of
 * delayed launches against pressure ({@link DelayModel}, or from a per-launch log when there is one).
 * Columns the organisation has (base demand, efficiency, slipped orders) are used as they are.
 *
 * @param point    the most probable organisation
 * @param draws    organisations drawn from the parameters' uncertainty, for the forecast's bands
 * @param calendar the launches still to come: the calendar's, and those delays moved past the history
 * @param notes    what was estimated and how, for the report
 */
public record OrganisationFit(ObservedHistory observed, Organisation point, List<Organisation> draws, List<Launch> calendar,
                              CapacityResponseModel policy, DelayModel delays, Estimate efficiencyCeiling, List<String> notes) {

    /** What the organisation publishes or knows without fitting. */
    public record Thresholds(double warning, double emergency, int delayDays, int shockDays) {

        public static Thresholds defaults() {
            return new Thresholds(0.80, 0.95, 7, 21);
        }

        double pressure(double u) {
            return u <= warning ? 0 : 0.5 + 0.5 * Math.min(1, (u - warning) / (emergency - warning));
        }
    }

    public static OrganisationFit fit(ObservedHistory h, List<Launch> calendar, List<LaunchDecision> log, Thresholds known, int count,
                                      long seed) {
        int n = h.days();
        List<String> notes = new ArrayList<>();
        double[] utilisation = new double[n];
        double[] pressure = new double[n];
        for (int t = 0; t < n; t++) {
            utilisation[t] = h.utilisation(t);
            pressure[t] = t == 0 ? 0 : known.pressure(utilisation[t - 1]);
        }
        LaunchLoad load = LaunchLoad.of(h, calendar, known.delayDays());
        CapacityResponseModel.Fit policy = CapacityResponseModel.fit(h.capacity(), utilisation, h.outage(), h.slipped(),
                new CapacityResponseModel.Known(null, null, known.shockDays()));
        CapacityResponseModel p = policy.model();
        notes.add(String.format(java.util.Locale.ROOT, "capacity policy from %d additions: %s, %s, lookback %d days, lead %d days%s",
                p.additions(), p.target(), p.aggressiveness(), p.lookback(), p.leadDays(),
                h.slipped() == null ? "; " + java.util.Arrays.stream(policy.slipped()).sum() + " slipped orders inferred" : ""));
        DelayModel delays = delays(h, pressure, log, load, notes);
        SplittableRandom random = new SplittableRandom(seed);
        List<EfficiencyPosterior.Point> efficiencyDraws;
        EfficiencyPosterior.Point mode;
        Estimate ceiling;
        DayOfWeek[] weekdays = h.dates().stream().map(java.time.LocalDate::getDayOfWeek).toArray(DayOfWeek[]::new);
        if (h.efficiency() != null) {
            EfficiencyModel m = EfficiencyModel.fit(rows(h, pressure, h.efficiency(), load.live(), policy.slipped(), policy.outage()));
            mode = new EfficiencyPosterior.Point(m.ceiling().value(), m.rate().value(), m.learningDays(), 1);
            efficiencyDraws = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                efficiencyDraws.add(new EfficiencyPosterior.Point(normal(m.ceiling(), random, 0, 1), normal(m.rate(), random, 0.001, 1),
                        m.learningDays(), 1.0 / count));
            }
            ceiling = m.ceiling();
            notes.add("efficiency from its column: " + m.ceiling() + ", " + m.rate());
        } else {
            EfficiencyPosterior posterior = EfficiencyPosterior.fit(h.demand(), load.live(), pressure, weekdays);
            mode = posterior.mode();
            efficiencyDraws = posterior.draws(count, random);
            ceiling = posterior.ceiling();
            notes.add(String.format(java.util.Locale.ROOT, "efficiency estimated from demand (grid posterior): %s; most probable "
                    + "ceiling %.2f, rate %.2f, learning %.0f days", ceiling, mode.ceiling(), mode.rate(), mode.learningDays()));
        }
        Organisation point = organisation(h, pressure, load, policy, delays, mode, p.target().value(), p.aggressiveness().value(), known);
        List<Organisation> draws = new ArrayList<>();
        for (EfficiencyPosterior.Point e : efficiencyDraws) {
            DelayModel d = new DelayModel(fixed(delays.intercept(), random), fixed(delays.pressure(), random), delays.riskAversion(),
                    delays.complexity());
            draws.add(organisation(h, pressure, load, policy, d, e, normal(p.target(), random, 0.3, 0.99),
                    normal(p.aggressiveness(), random, 0.001, 1), known));
        }
        List<Launch> future = new ArrayList<>();
        calendar.stream().filter(l -> l.day() >= n).forEach(future::add);
        future.addAll(load.pending());
        return new OrganisationFit(h, point, draws, future, p, delays, ceiling, notes);
    }

    private static Organisation organisation(ObservedHistory h, double[] pressure, LaunchLoad load, CapacityResponseModel.Fit policy,
                                             DelayModel delays, EfficiencyPosterior.Point e, double target, double aggressiveness,
                                             Thresholds known) {
        double[] efficiency = h.efficiency() != null ? h.efficiency()
                : EfficiencyPosterior.path(pressure, e.ceiling(), e.rate(), e.learningDays());
        CapacityResponseModel p = policy.model();
        OperatingFacts facts = new OperatingFacts(known.warning(), known.emergency(), target, p.lookback(), aggressiveness,
                p.leadDays(), known.shockDays(), known.delayDays(),
                Math.min(1, (double) java.util.Arrays.stream(policy.slipped()).sum() / Math.max(1, p.additions())));
        List<HistoryRow> rows = rows(h, pressure, efficiency, load.live(), policy.slipped(), policy.outage());
        return new Organisation(rows, delays, e.model(), facts, Organisation.Outages.of(rows));
    }

    /** The days with the latent quantities filled in. */
    static List<HistoryRow> rows(ObservedHistory h, double[] pressure, double[] efficiency, double[] live, int[] slipped, int[] outage) {
        List<HistoryRow> out = new ArrayList<>(h.days());
        for (int t = 0; t < h.days(); t++) {
            double base = h.baseDemand() != null ? h.baseDemand()[t]
                    : Math.max(1e-9 * h.demand()[t], h.demand()[t] / (1 - efficiency[t]) - live[t]);
            out.add(new HistoryRow(h.dates().get(t), base, h.launches() == null ? 0 : h.launches()[t], h.demand()[t], h.capacity()[t],
                    h.utilisation(t), h.delays() == null ? 0 : h.delays()[t], efficiency[t], pressure[t], slipped[t], outage[t]));
        }
        return out;
    }

    private static DelayModel delays(ObservedHistory h, double[] pressure, List<LaunchDecision> log, LaunchLoad load, List<String> notes) {
        if (!log.isEmpty()) {
            notes.add("launch delays from the launch log (" + log.size() + " decisions)");
            return DelayModel.fitOrConstant(log);
        }
        if (h.launches() == null || h.delays() == null) {
            notes.add("no launch and delay counts: launches are taken to go live as planned");
            return new DelayModel(new Estimate("intercept", -30, 0), new Estimate("pressure", 0, 0),
                    new Estimate("risk_aversion", 0, 0), new Estimate("complexity", 0, 0));
        }
        if (!load.due().isEmpty()) {
            List<DelayModel.Due> due = load.due().stream().map(d -> new DelayModel.Due(pressure[d.day()], d.launch().riskAversion(),
                    d.launch().complexity(), d.weight(), d.delayedShare())).toList();
            try {
                DelayModel fitted = DelayModel.fitShares(due);
                notes.add(String.format(java.util.Locale.ROOT, "launch delays from the daily counts and the calendar (%.0f launches due): "
                        + "%s, %s", due.stream().mapToDouble(DelayModel.Due::weight).sum(), fitted.intercept(), fitted.pressure()));
                return fitted;
            } catch (IllegalArgumentException | IllegalStateException e) {
                notes.add("launch delays not fitted from the calendar (" + e.getMessage() + "); from the counts alone");
            }
        }
        List<LaunchDecision> counted = new ArrayList<>();
        for (int t = 0; t < h.days(); t++) {
            for (int k = 0; k < h.launches()[t]; k++) {
                counted.add(new LaunchDecision(t, pressure[t], 0.5, 0.5, k < h.delays()[t]));
            }
        }
        DelayModel fitted = DelayModel.fitOrConstant(counted);
        notes.add("launch delays from the daily counts (" + counted.size() + " launches due): " + fitted.intercept() + ", "
                + fitted.pressure());
        return fitted;
    }

    private static Estimate fixed(Estimate e, SplittableRandom random) {
        if (!(e.standardError() > 0)) {
            return e;
        }
        return new Estimate(e.name(), e.value() + e.standardError() * gaussian(random), 0);
    }

    private static double normal(Estimate e, SplittableRandom random, double low, double high) {
        double se = e.standardError() > 0 ? e.standardError() : 0;
        return Math.max(low, Math.min(high, e.value() + se * gaussian(random)));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
