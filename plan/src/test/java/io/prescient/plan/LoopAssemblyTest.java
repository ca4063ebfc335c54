package io.prescient.plan;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import io.prescient.forecast.Models;
import io.prescient.forecast.registry.ServedModel;
import io.prescient.plan.config.LoopConfigFile;
import io.prescient.plan.loop.Accuracy;
import io.prescient.plan.loop.Actuator;
import io.prescient.plan.loop.Recording;
import io.prescient.plan.loop.SimulatedClockLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Workload selection with covariates, and the loop planning with a regression on them. */
class LoopAssemblyTest {

    static final TimeGrid GRID = new TimeGrid(1_375_315_200L, 3600, 24 * 21);

    /** Requests = 2 x active users + noise; users follow a daily cycle whose level moves week to week. */
    static Map<String, Panel> panels(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] users = new double[GRID.length()];
        double[] requests = new double[GRID.length()];
        for (int t = 0; t < users.length; t++) {
            double week = 1 + 0.3 * (t / 168);
            users[t] = week * (100 + 60 * Math.sin(2 * Math.PI * (t % 24) / 24.0)) + r.nextGaussian() * 3;
            requests[t] = 2 * users[t] + r.nextGaussian() * 4;
        }
        return Map.of("requests", Panel.aligned(List.of(series("shop", "requests", requests))),
                "active_users", Panel.aligned(List.of(series("shop", "active_users", users))));
    }

    static RegularSeries series(String item, String metric, double[] y) {
        return new RegularSeries(new SeriesInfo(new SeriesKey("d", item, metric), new Unit("1", "count", true), Map.of()), GRID, y);
    }

    static LoopAssembly assembly(String covariates, Path dir) {
        return new LoopAssembly(LoopConfigFile.parse("p.yaml", """
                source: {path: d, freq: 1h}
                every: 6
                horizon: 12
                percentile: 0.9
                model: dynreg
                paths: 200
                capacity: {unit_capacity: 50, max_units: 100}
                workloads:
                  - series: shop
                    %s
                """.formatted(covariates), dir), dir.resolve("p.yaml"), Map.of(), java.util.Optional.empty());
    }

    @Test
    void covariatesComeFromTheSameItemAndAreNotWorkloads(@TempDir Path dir) {
        List<LoopAssembly.Selected> selected = assembly("covariates: {users: active_users}", dir).select(panels(1));
        assertEquals(1, selected.size());
        assertEquals("shop/requests", selected.get(0).name());
        assertEquals(GRID.length(), selected.get(0).covariates().get("users").length);
        assertEquals(List.of("users"), List.copyOf(selected.get(0).history().covariates().keySet()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> assembly("covariates: {users: logins}", dir).select(panels(1)));
        assertTrue(e.getMessage().contains("covariate 'users'") && e.getMessage().contains("metric logins"), e.getMessage());
    }

    @Test
    void theLoopPlansWithARegressionOnTheCovariate(@TempDir Path dir) {
        LoopAssembly a = assembly("covariates: {users: active_users}", dir);
        List<LoopAssembly.Selected> selected = a.select(panels(2));
        List<SimulatedClockLoop.Workload> workloads = a.simulated(selected, Map.of("shop/requests", ServedModel.unregistered(Models.create("dynreg", 3600, 24, 12))));
        Actuator none = d -> { };
        SimulatedClockLoop.Result with = new SimulatedClockLoop().run(workloads, 6, none, Recording.none());
        assertTrue(with.decisions().stream().noneMatch(d -> d.held()), "dynamic regression got its future covariates: "
                + with.decisions().stream().filter(d -> d.held()).map(d -> d.reason()).findFirst().orElse(""));
        Accuracy acc = with.accuracy().get("shop/requests");
        assertEquals(4, acc.forecasts());
        assertTrue(acc.coverage() >= 0.8, "the plan draws the covariate's future, so P90 covers (a point future gave 0.57): "
                + acc.coverage() + ", MAE " + acc.meanAbsoluteError());
        assertTrue(acc.meanAbsoluteError() < 40, "MAE " + acc.meanAbsoluteError() + " on a level of about 260");
    }

    @Test
    void aWorkloadSimulatesItsOwnScenariosBesidesTheConfigs(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("users.yaml"), """
                name: shop campaign
                scenarios:
                  - name: users double
                    type: event
                    target: users
                    from: 2013-08-02T00:00:00Z
                    to: 2013-08-03T00:00:00Z
                    multiplier: 2
                """);
        LoopAssembly a = assembly("covariates: {users: active_users}\n    scenarios: users.yaml", dir);
        LoopAssembly.Selected shop = a.select(panels(1)).get(0);
        assertEquals("shop campaign", shop.scenarios().name());
        ServedModel dynreg = ServedModel.unregistered(Models.create("dynreg", 3600, 24, 12));
        assertEquals("shop campaign", a.step(shop, dynreg).scenarios().name(), "the workload's step simulates them");
        assertTrue(a.step(shop, dynreg).reach(shop.scenarios(), shop.covariates().keySet()).get(0).contains("acts on covariate 'users'"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.step(shop,
                ServedModel.unregistered(Models.create("ets", 3600, 24, 12))));
        assertTrue(e.getMessage().contains("p.yaml: workload shop/requests: scenario 'users double' changes covariate 'users', but model ets "
                + "does not read covariates: plan with one that does (dynreg, lstm, transformer)"),
                e.getMessage());
        assertEquals(List.of(), assembly("covariates: {users: active_users}", dir).select(panels(1)).get(0).scenarios().scenarios());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> assembly("scenarios: nope.yaml", dir));
        assertTrue(missing.getMessage().contains("field 'workloads[0].scenarios': expected an existing scenario file"), missing.getMessage());
    }

    @Test
    void sharedAndOwnScenariosAreMergedInOrder() {
        io.prescient.plan.scenario.Scenario spike = new io.prescient.plan.scenario.ExternalEvent("a", "demand", 1, 0, 10,
                new io.prescient.plan.scenario.Distribution.Fixed(2));
        io.prescient.plan.scenario.Scenario own = new io.prescient.plan.scenario.ExternalEvent("b", "demand", 1, 0, 10,
                new io.prescient.plan.scenario.Distribution.Fixed(3));
        io.prescient.plan.scenario.ScenarioSet merged = LoopAssembly.merged(new io.prescient.plan.scenario.ScenarioSet("fleet", List.of(spike)),
                java.util.Optional.of(new io.prescient.plan.scenario.ScenarioSet("shop", List.of(own))));
        assertEquals("fleet + shop", merged.name());
        assertEquals(List.of(spike, own), merged.scenarios());
    }
}
