package io.prescient.plan.scenario;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioFileTest {

    private static final String VALID = """
            name: campaign-friday
            scenarios:
              - name: flash sales
                type: spike
                probability: 0.5
                per_day: 2
                magnitude: {normal: {mean: 0.5, sd: 0.1}}
                duration: {uniform: {min: 10m, max: 1h}}
                shape: decay
              - name: v2 launch
                type: release
                at: 2013-08-20T12:00:00Z
                at_uncertainty: 6h
                uplift: {uniform: {min: 0.1, max: 0.3}}
                ramp_up: 2h
              - name: campaign
                type: event
                target: active_users
                from: 2013-08-23T00:00:00Z
                to: 2013-08-24T00:00:00Z
                multiplier: {lognormal: {median: 1.4, sigma: 0.1}}
            """;

    @Test
    void readsEveryKindOfScenario() {
        ScenarioSet set = ScenarioFile.parse("s.yaml", VALID);
        assertEquals("campaign-friday", set.name());
        LoadSpike spike = assertInstanceOf(LoadSpike.class, set.scenarios().get(0));
        assertEquals(0.5, spike.probability());
        assertEquals(Shape.DECAY, spike.shape());
        assertEquals(new Distribution.Uniform(600, 3600), spike.duration());
        FeatureRelease release = assertInstanceOf(FeatureRelease.class, set.scenarios().get(1));
        assertEquals(new Distribution.Normal(1377000000, 21600), release.at());
        assertEquals(7200, release.rampUp());
        ExternalEvent event = assertInstanceOf(ExternalEvent.class, set.scenarios().get(2));
        assertEquals("active_users", event.target());
        assertEquals(86400, event.to() - event.from());
    }

    @Test
    void readsHistoryEdits() {
        ScenarioSet set = ScenarioFile.parse("s.yaml", """
                name: what if
                scenarios:
                  - name: outage on the 12th
                    type: incident
                    from: 2013-08-12T02:00:00Z
                    to: 2013-08-12T05:00:00Z
                  - name: v2 launched last week
                    type: launch
                    target: active_users
                    at: 2013-08-20T12:00:00Z
                    uplift: 0.3
                    ramp_up: 1d
                """);
        IncidentRemoved incident = assertInstanceOf(IncidentRemoved.class, set.scenarios().get(0));
        assertEquals(3 * 3600, incident.to() - incident.from());
        LaunchAdded launch = assertInstanceOf(LaunchAdded.class, set.scenarios().get(1));
        assertEquals("active_users", launch.target());
        assertEquals(86400, launch.rampUp());
        assertEquals(0.3, launch.uplift());
        assertEquals("s.yaml:6: field 'scenarios[0].probability': expected no probability: an incident edits the history, it always applies",
                error("name: x\nscenarios:\n  - name: i\n    type: incident\n    from: 2013-08-12T02:00:00Z\n    probability: 0.5\n"
                        + "    to: 2013-08-12T05:00:00Z\n"));
        assertTrue(error("name: x\nscenarios:\n  - name: l\n    type: launch\n    at: 2013-08-12T02:00:00Z\n    uplift: -2\n")
                .contains("scenarios[0].uplift': expected a relative rise above -1"));
    }

    private static String error(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> ScenarioFile.parse("s.yaml", yaml)).getMessage();
    }

    @Test
    void errorsNameTheLineTheFieldAndWhatWasExpected() {
        assertEquals("s.yaml:7: field 'scenarios[0].magnitude.normal.sd': expected a number, got 'big'",
                error(VALID.replace("sd: 0.1", "sd: big")));
        assertEquals("s.yaml:5: field 'scenarios[0].probability': expected a probability between 0 and 1",
                error(VALID.replace("probability: 0.5", "probability: 1.5")));
        assertEquals("s.yaml:4: field 'scenarios[0].type': expected one of event, feedback, incident, launch, release, spike, step-change",
                error(VALID.replace("type: spike", "type: surge")));
        assertEquals("s.yaml:12: field 'scenarios[1].at': expected a time such as 2013-08-20T12:00:00Z, got 'friday'",
                error(VALID.replace("at: 2013-08-20T12:00:00Z", "at: friday")));
        assertEquals("s.yaml:3: field 'scenarios[0].per_day': expected a value (the key is missing)",
                error(VALID.replace("    per_day: 2\n", "")));
        assertEquals("s.yaml:9: field 'scenarios[0].shape': expected one of step, ramp, decay",
                error(VALID.replace("shape: decay", "shape: wobble")));
        assertEquals("s.yaml:20: field 'scenarios[2].to': expected a time after 'from'",
                error(VALID.replace("to: 2013-08-24T00:00:00Z", "to: 2013-08-22T00:00:00Z")));
        assertEquals("s.yaml:10: field 'scenarios[0].colour': expected one of the keys [duration, magnitude, name, per_day, "
                + "probability, shape, target, type]",
                error(VALID.replace("    shape: decay", "    shape: decay\n    colour: red")));
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        String message = error("name: x\nscenarios: [\n  - a: b\n");
        assertEquals(true, message.startsWith("s.yaml:"), message);
        assertEquals(true, message.contains("not valid YAML"), message);
    }

    @Test
    void aTypeRegisteredByAServiceLineIsReadLikeTheBuiltInOnes() {
        ScenarioSet set = ScenarioFile.parse("s.yaml", """
                scenarios:
                  - name: new region
                    type: step-change
                    probability: 0.5
                    at: 2013-08-20T12:00:00Z
                    size: 0.25
                """);
        assertEquals(new StepChange("new region", Scenario.DEMAND, 0.5, 1_377_000_000L, 0.25), set.scenarios().get(0));
        assertEquals("s.yaml:6: field 'scenarios[0].size': expected a number, got 'big'", error("""
                scenarios:
                  - name: new region
                    type: step-change
                    probability: 0.5
                    at: 2013-08-20T12:00:00Z
                    size: big
                """));
        assertEquals("s.yaml:2: field 'scenarios[0]': expected a valid step-change scenario: a step cannot take away more than all demand,"
                + " got -2.0", error("""
                scenarios:
                  - name: new region
                    type: step-change
                    at: 2013-08-20T12:00:00Z
                    size: -2
                """), "a type's own check is located in the file");
        assertTrue(ScenarioTypes.registered().names().containsAll(List.of("spike", "release", "event", "step-change")));
    }
}
