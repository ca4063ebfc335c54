package io.prescient.plan.scenario;

import java.util.List;

/** A named set of scenarios simulated together (e.g. "baseline" or "campaign next Friday"). */
public record ScenarioSet(String name, List<Scenario> scenarios) {

    public ScenarioSet {
        scenarios = List.copyOf(scenarios);
    }

    /** No scenario: the forecast's own uncertainty only. */
    public static ScenarioSet baseline() {
        return new ScenarioSet("baseline", List.of());
    }
}
