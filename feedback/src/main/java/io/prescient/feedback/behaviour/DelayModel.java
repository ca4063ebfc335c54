package io.prescient.feedback.behaviour;

import io.prescient.feedback.world.LaunchDecision;

import java.util.List;

/**
 * Launch-delay probability as a function of utilisation pressure, the team's risk aversion and the
 * launch's complexity: logit P(delay) = intercept + pressure x p + risk_aversion x (r - 0.5) +
 * complexity x (c - 0.5), fitted by maximum likelihood from a launch log, with 95% intervals. A covariate the
 * log does not vary (risk aversion and complexity when only daily counts were kept) is left out of the fit.
 */
public record DelayModel(Estimate intercept, Estimate pressure, Estimate riskAversion, Estimate complexity) {

    /** @throws IllegalArgumentException with fewer than 20 decisions, or without any delayed and any kept launch */
    public static DelayModel fit(List<LaunchDecision> log) {
        return fitShares(log.stream().map(d -> new Due(d.pressure(), d.riskAversion(), d.complexity(), 1, d.delayed() ? 1 : 0)).toList());
    }

    /**
     * One launch that was due on a day whose count of delays is known but not which launches they were.
     *
     * @param weight       how much of the launch was due (a launch partly moved by an earlier delay counts in part)
     * @param delayedShare the day's share of due launches that were delayed
     */
    public record Due(double pressure, double riskAversion, double complexity, double weight, double delayedShare) {
    }

    /**
     * The model fitted to days of launches due and the share of them delayed (quasi-likelihood: each due
     * launch counts as delayed in its day's share), with its covariates from the launch calendar.
     */
    public static DelayModel fitShares(List<Due> due) {
        double total = due.stream().mapToDouble(Due::weight).sum();
        double delayed = due.stream().mapToDouble(d -> d.weight() * d.delayedShare()).sum();
        if (total < 20) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "a delay model needs at least 20 launch decisions, "
                    + "got %.1f", total));
        }
        if (delayed <= 0 || delayed >= total) {
            throw new IllegalArgumentException("the launch log has " + (delayed <= 0 ? "no delayed" : "only delayed")
                    + " launches: delay behaviour cannot be estimated");
        }
        boolean[] varies = new boolean[3];
        for (Due d : due) {
            varies[0] |= d.pressure() != due.get(0).pressure();
            varies[1] |= d.riskAversion() != due.get(0).riskAversion();
            varies[2] |= d.complexity() != due.get(0).complexity();
        }
        List<String> names = new java.util.ArrayList<>(List.of("intercept"));
        String[] all = {"pressure", "risk_aversion", "complexity"};
        for (int k = 0; k < 3; k++) {
            if (varies[k]) {
                names.add(all[k]);
            }
        }
        double[][] x = new double[due.size()][];
        double[] y = new double[due.size()];
        double[] w = new double[due.size()];
        for (int i = 0; i < due.size(); i++) {
            Due d = due.get(i);
            double[] full = {d.pressure(), d.riskAversion() - 0.5, d.complexity() - 0.5};
            x[i] = java.util.stream.IntStream.range(0, 3).filter(k -> varies[k]).mapToDouble(k -> full[k]).toArray();
            y[i] = d.delayedShare();
            w[i] = d.weight();
        }
        List<Estimate> fitted = LogisticRegression.fit(x, y, w, names);
        List<Estimate> e = new java.util.ArrayList<>(List.of(fitted.get(0)));
        int next = 1;
        for (int k = 0; k < 3; k++) {
            e.add(varies[k] ? fitted.get(next++) : new Estimate(all[k], 0, Double.NaN));
        }
        return new DelayModel(e.get(0), e.get(1), e.get(2), e.get(3));
    }

    /**
     * A model without covariates, for when a log cannot support a fit (too few launches, or none or
     * all delayed): the observed share of delays, whatever the pressure.
     */
    public static DelayModel constant(List<LaunchDecision> log) {
        long delayed = log.stream().filter(LaunchDecision::delayed).count();
        double rate = (delayed + 0.5) / (log.size() + 1.0);
        double logit = rate <= 0.5 / (log.size() + 1.0) && delayed == 0 ? -12 : Math.log(rate / (1 - rate));
        return new DelayModel(new Estimate("intercept", logit, Double.NaN), new Estimate("pressure", 0, Double.NaN),
                new Estimate("risk_aversion", 0, Double.NaN), new Estimate("complexity", 0, Double.NaN));
    }

    /** The fitted model, or {@link #constant} when the log cannot support a fit. */
    public static DelayModel fitOrConstant(List<LaunchDecision> log) {
        try {
            return fit(log);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return constant(log);
        }
    }

    /** The probability of a delay. */
    public double probability(double pressureNow, double risk, double complexityOfLaunch) {
        double logit = intercept.value() + pressure.value() * pressureNow + riskAversion.value() * (risk - 0.5)
                + complexity.value() * (complexityOfLaunch - 0.5);
        return 1 / (1 + Math.exp(-logit));
    }
}
