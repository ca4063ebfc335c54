package io.prescient.feedback.study;

import io.prescient.feedback.behaviour.Estimate;
import io.prescient.feedback.history.OrganisationFit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The study's answers as documents (keys in snake case): what {@code prescient feedback ... --output
 * json} prints and what the server's feedback routes send, so both faces give the same shape.
 */
public final class FeedbackDocuments {

    private FeedbackDocuments() {
    }

    public static Map<String, Object> fit(OrganisationFit fit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", fit.observed().source());
        m.put("days", fit.observed().days());
        m.put("step_days", fit.observed().stepDays());
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("target", estimate(fit.policy().target()));
        policy.put("aggressiveness", estimate(fit.policy().aggressiveness()));
        policy.put("lookback_days", fit.policy().lookback());
        policy.put("lead_days", fit.policy().leadDays());
        policy.put("additions", fit.policy().additions());
        m.put("policy", policy);
        m.put("delays", Map.of("intercept", estimate(fit.delays().intercept()), "pressure", estimate(fit.delays().pressure())));
        m.put("efficiency_ceiling", estimate(fit.efficiencyCeiling()));
        m.put("notes", fit.notes());
        return m;
    }

    public static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", e.value());
        m.put("standard_error", e.standardError());
        m.put("lower_95", e.lower());
        m.put("upper_95", e.upper());
        return m;
    }

    public static Map<String, Object> forecast(FeedbackStudy.Forecast f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("days", days(f.days()));
        m.put("naive", f.naive().median());
        m.put("aware_p50", f.aware().median());
        m.put("aware_p10", f.aware().p10());
        m.put("aware_p90", f.aware().p90());
        m.put("equilibrium", f.equilibrium());
        m.put("effect", f.effect());
        m.put("utilisation", f.aware().utilisation());
        m.put("delays", f.aware().delays());
        m.put("efficiency", f.aware().efficiency());
        m.put("converged", f.converged());
        m.put("iterations", f.iterations());
        m.put("residuals", f.residuals());
        m.put("stability", stability(f.stability()));
        return m;
    }

    public static Map<String, Object> answer(FeedbackStudy.Answer a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("days", days(a.days()));
        m.put("unconstrained", a.unconstrained());
        m.put("equilibrium", a.equilibrium());
        m.put("capacity", a.capacity());
        m.put("utilisation", a.utilisation());
        m.put("delayed", a.delayed());
        m.put("efficiency", a.efficiency());
        m.put("converged", a.converged());
        m.put("iterations", a.iterations());
        m.put("stability", stability(a.stability()));
        return m;
    }

    public static Map<String, Object> stability(FeedbackStudy.Stability s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", s.verdict().name().toLowerCase(Locale.ROOT));
        m.put("description", s.describe());
        m.put("decay_ratio", s.dynamics().decayRatio());
        m.put("settling_days", s.dynamics().settlingDays());
        m.put("loop_gain", s.dynamics().loopGain());
        m.put("step_utilisation", s.dynamics().utilisation());
        m.put("step_capacity", s.dynamics().capacity());
        m.put("spectral_radius", s.response().spectralRadius());
        m.put("loop_strength", s.response().strength());
        return m;
    }

    private static List<String> days(List<LocalDate> days) {
        return days.stream().map(LocalDate::toString).toList();
    }
}
