package io.prescient.plan.scenario;

import io.prescient.core.TimeGrid;

import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A calendar window (a campaign, news, a holiday) in which demand or a covariate such as active
 * users is multiplied by a drawn factor (1.4 = +40%).
 *
 * @param from epoch seconds, inclusive
 * @param to   epoch seconds, exclusive
 */
public record ExternalEvent(String name, String target, double probability, long from, long to, Distribution multiplier)
        implements Scenario {

    public ExternalEvent {
        if (to <= from) {
            throw new IllegalArgumentException("event '" + name + "' ends before it starts");
        }
    }

    @Override
    public void draw(TimeGrid horizon, RandomGenerator random, double[] uplift) {
        double factor = multiplier.sample(random);
        for (int h = 0; h < uplift.length; h++) {
            long t = horizon.timeAt(h);
            if (t >= from && t < to) {
                uplift[h] += factor - 1;
            }
        }
    }

    /** {@code type: event}: from, to and multiplier. */
    public static final class Type implements ScenarioType {

        @Override
        public String type() {
            return "event";
        }

        @Override
        public Set<String> keys() {
            return Set.of("from", "to", "multiplier");
        }

        @Override
        public String describe() {
            return "a calendar window (campaign, news, holiday): from, to, multiplier";
        }

        @Override
        public Scenario read(ScenarioFields f) {
            long from = (long) f.instant("from");
            long to = (long) f.instant("to");
            if (to <= from) {
                throw f.error("to", "a time after 'from'");
            }
            return new ExternalEvent(f.name(), f.target(), f.probability(), from, to, f.distribution("multiplier", false));
        }
    }
}
