package io.prescient.plan.scenario;

import io.prescient.core.TimeGrid;
import io.prescient.feedback.history.HistoryInputs;
import io.prescient.feedback.history.ObservedHistoryReader;
import io.prescient.feedback.history.OrganisationFit;
import io.prescient.feedback.study.FeedbackStudy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The organisation's response to capacity pressure, from its own history ({@code prescient feedback
 * --history}'s file or directory): on each day the feedback-aware forecast covers, demand is the
 * naive forecast's times the feedback-aware one's ratio to it. Each simulated future takes one level
 * between the aware forecast's 10th and 90th percentiles for all its days (a coherent response), so a
 * plan sized at P95 covers the response's uncertainty too. Days outside the forecast are unchanged.
 *
 * @param days  the days the forecast covers
 * @param low   per day, the p10 of the aware forecast over the naive one
 * @param mid   per day, the median's ratio
 * @param high  per day, the p90's ratio
 */
public record FeedbackResponse(String name, String target, double probability, List<LocalDate> days, double[] low, double[] mid,
                               double[] high) implements Scenario {

    public FeedbackResponse {
        days = List.copyOf(days);
    }

    @Override
    public void draw(TimeGrid horizon, RandomGenerator random, double[] uplift) {
        double level = random.nextDouble();
        LocalDate first = days.get(0);
        for (int h = 0; h < uplift.length; h++) {
            LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(horizon.timeAt(h), 86_400L));
            int d = (int) (day.toEpochDay() - first.toEpochDay());
            if (d < 0 || d >= days.size()) {
                continue;
            }
            double ratio = level < 0.1 ? low[d] : level > 0.9 ? high[d]
                    : level < 0.5 ? low[d] + (mid[d] - low[d]) * (level - 0.1) / 0.4 : mid[d] + (high[d] - mid[d]) * (level - 0.5) / 0.4;
            uplift[h] += ratio - 1;
        }
    }

    /** {@code type: feedback}: history, and optionally columns, launches, warning, emergency. */
    public static final class Type implements ScenarioType {

        @Override
        public String type() {
            return "feedback";
        }

        @Override
        public Set<String> keys() {
            return Set.of("history", "columns", "launches", "warning", "emergency");
        }

        @Override
        public String describe() {
            return "the organisation's feedback response from its own history (teams delaying launches and working on "
                    + "efficiency under pressure): history, columns, launches, warning, emergency";
        }

        @Override
        public Scenario read(ScenarioFields f) {
            HistoryInputs inputs;
            try {
                inputs = HistoryInputs.read(f.path("history"), ObservedHistoryReader.mapping(f.text("columns", "")),
                        f.has("launches") ? f.path("launches") : null);
            } catch (RuntimeException e) {
                throw f.error("history", "a history prescient feedback can read (" + e.getMessage() + ")");
            }
            OrganisationFit.Thresholds d = OrganisationFit.Thresholds.defaults();
            double warning = f.has("warning") ? f.number("warning") : d.warning();
            double emergency = f.has("emergency") ? f.number("emergency") : d.emergency();
            if (!(warning > 0 && warning < emergency)) {
                throw f.error("warning", "0 < warning < emergency");
            }
            FeedbackStudy.Forecast forecast = FeedbackStudy.of(inputs, new FeedbackStudy.Settings(new OrganisationFit.Thresholds(warning,
                    emergency, d.delayDays(), d.shockDays()), 60, 300, 30, 1)).forecast();
            int n = forecast.days().size();
            double[] low = new double[n];
            double[] mid = new double[n];
            double[] high = new double[n];
            for (int i = 0; i < n; i++) {
                double naive = forecast.naive().median()[i];
                low[i] = naive > 0 ? forecast.aware().p10()[i] / naive : 1;
                mid[i] = naive > 0 ? forecast.aware().median()[i] / naive : 1;
                high[i] = naive > 0 ? forecast.aware().p90()[i] / naive : 1;
            }
            return new FeedbackResponse(f.name(), f.target(), f.probability(), forecast.days(), low, mid, high);
        }
    }
}
