package io.prescient.feedback.study;

import io.prescient.feedback.forecast.BaseDemandModel;
import io.prescient.feedback.forecast.Organisation;
import io.prescient.feedback.history.OrganisationFit;
import io.prescient.feedback.world.HistoryRow;
import io.prescient.feedback.world.Launch;
import io.prescient.feedback.world.WorldParameters;

import java.util.List;

/**
 * The organisation's fitted world as simulator parameters, for trying capacity policies on it: demand
 * from the level it ended its history at (launches already live count as base from then on), its trend,
 * weekly swing and volatility, its launch cadence and sizes, its teams' delay and efficiency behaviour,
 * and its own capacity policy, lead and slip rate. Each seed takes one of the fit's draws, so a policy is
 * judged across the parameters' uncertainty.
 */
final class FittedWorld {

    private FittedWorld() {
    }

    static WorldParameters parameters(OrganisationFit fit, long seed, int days) {
        List<Organisation> draws = fit.draws();
        Organisation o = draws.isEmpty() ? fit.point() : draws.get((int) Math.floorMod(seed, draws.size()));
        List<HistoryRow> rows = o.history();
        int n = rows.size();
        HistoryRow last = rows.get(n - 1);
        BaseDemandModel base = BaseDemandModel.fit(rows, 120);
        double level = last.actualDemand() / (1 - last.efficiencyGains());
        double share = Math.max(0.05, Math.min(1, last.baseDemand() / level));
        double weekend = Math.exp(base.weekend() * share);
        double amplitude = Math.max(0, Math.min(0.5, (1 - weekend) / (1 + 0.4 * weekend)));
        long launched = fit.observed().launches() != null ? java.util.Arrays.stream(fit.observed().launches()).sum()
                - (fit.observed().delays() == null ? 0 : java.util.Arrays.stream(fit.observed().delays()).sum()) : 0;
        double[] sizes = fit.calendar().stream().mapToDouble(Launch::size).sorted().toArray();
        double size = sizes.length == 0 ? 0.03 : Math.max(1e-4, sizes[sizes.length / 2] / level);
        int orders = Math.max(1, fit.policy().additions());
        long slipped = rows.stream().filter(r -> r.deliveryShock() == 1).count();
        return new WorldParameters(days, level, Math.max(-0.01, Math.min(0.01, Math.expm1(base.slope()) * share)), amplitude,
                Math.max(0.001, Math.min(0.2, base.sigma() * share)), 7.0 * Math.max(0, launched) / n, size, o.facts().warning(),
                o.facts().emergency(), 0.5, o.delays().intercept().value(), o.delays().pressure().value(),
                o.delays().riskAversion().value(), o.delays().complexity().value(), o.facts().delayDays(),
                Math.max(0, o.efficiency().ceiling().value()), Math.max(0.001, Math.min(1, o.efficiency().rate().value())),
                o.efficiency().learningDays(), o.facts().targetUtilisation(), o.facts().lookback(), o.facts().aggressiveness(),
                o.facts().leadDays(), Math.min(1, (double) slipped / orders), o.facts().shockDays(), seed);
    }
}
