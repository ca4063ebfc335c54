package io.prescient.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The analysis of an experiment at its latest look: per metric, treatment minus control with Welch
 * and bootstrap intervals at the look's O'Brien-Fleming boundary ({@link Looks}). The test stops
 * when the primary metric's repeated Welch interval excludes zero (an effect), at the last planned
 * look (no effect found), or continues. Units of the assignment without an outcome at the look are
 * counted as missing, not dropped silently; outcomes for units outside the assignment are refused.
 */
public final class SequentialTest {

    /** Where the test stands. */
    public enum Decision { STOP_EFFECT, STOP_NO_EFFECT, CONTINUE }

    /**
     * @param missing units of the assignment without an outcome for the primary metric at the look
     */
    public record Analysis(String experiment, String primary, int look, int planned, double boundary, Decision decision, long treated,
                           long control, int missing, List<Effect> effects) {

        public Effect effect(String metric) {
            return effects.stream().filter(e -> e.metric().equals(metric)).findFirst().orElseThrow();
        }

        /** One line for a person. */
        public String describe() {
            Effect p = effect(primary);
            String interval = String.format(java.util.Locale.ROOT, "%s %.4g (repeated 95%% interval %.4g .. %.4g)", primary, p.estimate(),
                    p.welchLow(), p.welchHigh());
            return switch (decision) {
                case STOP_EFFECT -> "stop at look " + look + " of " + planned + ": the treatment changes " + interval;
                case STOP_NO_EFFECT -> "stop at the last look: no effect on " + interval;
                case CONTINUE -> "continue to look " + (look + 1) + " of " + planned + ": " + interval + " has not crossed the boundary "
                        + String.format(java.util.Locale.ROOT, "%.3f", boundary);
            };
        }
    }

    private SequentialTest() {
    }

    public static Analysis analyse(Assignment assignment, Outcomes outcomes, String primary, int planned, long seed) {
        Map<String, String> arms = new TreeMap<>();
        assignment.units().forEach(u -> arms.put(u.id(), u.arm()));
        int look = 0;
        Set<String> metrics = new LinkedHashSet<>();
        for (Outcomes.Outcome o : outcomes.rows()) {
            if (!arms.containsKey(o.unit())) {
                throw new IllegalArgumentException("outcome for unit '" + o.unit() + "', which the assignment of " + assignment.experiment()
                        + " does not hold");
            }
            look = Math.max(look, o.look());
            metrics.add(o.metric());
        }
        if (look == 0) {
            throw new IllegalArgumentException("no outcomes to analyse");
        }
        if (!metrics.contains(primary)) {
            throw new IllegalArgumentException("no outcome for the primary metric '" + primary + "'; the outcomes hold " + metrics);
        }
        double boundary = Looks.boundary(look, planned);
        EffectEstimator estimator = new EffectEstimator(2000, seed);
        List<Effect> effects = new ArrayList<>();
        int missing = 0;
        for (String metric : metrics) {
            List<Double> treated = new ArrayList<>();
            List<Double> control = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            for (Outcomes.Outcome o : outcomes.rows()) {
                if (o.look() == look && o.metric().equals(metric)) {
                    if (!seen.add(o.unit())) {
                        throw new IllegalArgumentException("unit '" + o.unit() + "' has two outcomes for '" + metric + "' at look " + look);
                    }
                    (Assignment.TREATMENT.equals(arms.get(o.unit())) ? treated : control).add(o.value());
                }
            }
            if (metric.equals(primary)) {
                missing = arms.size() - seen.size();
            }
            if (treated.size() < 2 || control.size() < 2) {
                throw new IllegalArgumentException("metric '" + metric + "' at look " + look + " has " + treated.size() + " treated and "
                        + control.size() + " control units with outcomes; each arm needs at least 2");
            }
            effects.add(estimator.estimate(metric, treated.stream().mapToDouble(Double::doubleValue).toArray(),
                    control.stream().mapToDouble(Double::doubleValue).toArray(), boundary, Double.NaN));
        }
        Effect p = effects.stream().filter(e -> e.metric().equals(primary)).findFirst().orElseThrow();
        // the repeated interval is Welch's at the boundary's tail (a t quantile), so it, not the normal-scale statistic, decides
        Decision d = p.welchLow() > 0 || p.welchHigh() < 0 ? Decision.STOP_EFFECT : look == planned ? Decision.STOP_NO_EFFECT
                : Decision.CONTINUE;
        return new Analysis(assignment.experiment(), primary, look, planned, boundary, d, assignment.treated(),
                assignment.units().size() - assignment.treated(), missing, effects);
    }
}
