package io.prescient.plan.scenario;

import io.prescient.core.TimeGrid;

import java.util.Set;
import java.util.random.RandomGenerator;

/** A scenario type that exists only in the tests, registered by a service line in test resources: a lasting step at a known time. */
record StepChange(String name, String target, double probability, long at, double size) implements Scenario {

    StepChange {
        if (size <= -1) {
            throw new IllegalArgumentException("a step cannot take away more than all demand, got " + size);
        }
    }

    @Override
    public void draw(TimeGrid horizon, RandomGenerator random, double[] uplift) {
        for (int h = 0; h < uplift.length; h++) {
            if (horizon.timeAt(h) >= at) {
                uplift[h] += size;
            }
        }
    }

    public static final class Type implements ScenarioType {

        @Override
        public String type() {
            return "step-change";
        }

        @Override
        public Set<String> keys() {
            return Set.of("at", "size");
        }

        @Override
        public String describe() {
            return "a lasting step: at, size";
        }

        @Override
        public Scenario read(ScenarioFields f) {
            return new StepChange(f.name(), f.target(), f.probability(), (long) f.instant("at"), f.number("size"));
        }
    }
}
