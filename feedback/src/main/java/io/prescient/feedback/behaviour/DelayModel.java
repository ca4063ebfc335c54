package io.prescient.feedback.behaviour;

import io.prescient.feedback.world.LaunchDecision;

import java.util.List;

/**
 * Launch-delay probability as a function of utilisation pressure, the team's risk aversion and the
 * launch's complexity: logit P(delay) = intercept + pressure x p + risk_aversion x (r - 0.5) +
 * complexity x (c - 0.5), fitted by maximum likelihood from a launch log, with 95% intervals.
 */
public record DelayModel(Estimate intercept, Estimate pressure, Estimate riskAversion, Estimate complexity) {

    /** @throws IllegalArgumentException with fewer than 20 decisions, or without any delayed and any kept launch */
    public static DelayModel fit(List<LaunchDecision> log) {
        if (log.size() < 20) {
            throw new IllegalArgumentException("a delay model needs at least 20 launch decisions, got " + log.size());
        }
        double[][] x = new double[log.size()][];
        boolean[] y = new boolean[log.size()];
        int delayed = 0;
        for (int i = 0; i < log.size(); i++) {
            LaunchDecision d = log.get(i);
            x[i] = new double[] {d.pressure(), d.riskAversion() - 0.5, d.complexity() - 0.5};
            y[i] = d.delayed();
            delayed += d.delayed() ? 1 : 0;
        }
        if (delayed == 0 || delayed == log.size()) {
            throw new IllegalArgumentException("the launch log has " + (delayed == 0 ? "no delayed" : "only delayed")
                    + " launches: delay behaviour cannot be estimated");
        }
        List<Estimate> e = LogisticRegression.fit(x, y, List.of("intercept", "pressure", "risk_aversion", "complexity"));
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
