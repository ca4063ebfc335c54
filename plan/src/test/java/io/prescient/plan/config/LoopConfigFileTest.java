package io.prescient.plan.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopConfigFileTest {

    private static final String VALID = """
            source: {path: demo-nab, freq: 5m}
            horizon: 24
            percentile: 0.9
            actuator: {type: file, path: actions.jsonl}
            capacity: {unit_capacity: 20, max_step: 3}
            workloads:
              - series: "*"
                limit: 2
              - series: elb
                capacity: {unit_capacity: 50, lead: 0}
            simulate: {from: 2014-04-20T00:00:00Z, until: 2014-04-21T00:00:00Z}
            """;

    @Test
    void readsTheLoopAndMergesCapacityDefaults(@TempDir Path dir) {
        LoopConfig c = LoopConfigFile.parse("p.yaml", VALID, dir);
        assertEquals("demo-nab", c.source().path());
        assertEquals(24, c.horizon());
        assertEquals(0.9, c.percentile());
        assertEquals(dir.resolve("actions.jsonl"), c.actuator().path().orElseThrow());
        assertEquals(2, c.workloads().get(0).limit());
        assertEquals(20, c.workloads().get(0).capacity().unitCapacity());
        assertEquals(3, c.workloads().get(1).capacity().maxStep());
        assertEquals(50, c.workloads().get(1).capacity().unitCapacity());
        assertEquals(0, c.workloads().get(1).capacity().leadSteps());
        assertEquals(86400, c.until().orElseThrow() - c.from().orElseThrow());
        assertEquals(0.8, c.monitor().minCoverage(), 1e-12);
    }

    private static String error(String yaml, Path dir) {
        return assertThrows(IllegalArgumentException.class, () -> LoopConfigFile.parse("p.yaml", yaml, dir)).getMessage();
    }

    @Test
    void errorsNameLineAndField(@TempDir Path dir) throws Exception {
        assertEquals("p.yaml:3: field 'percentile': expected a number between 0 and 1 (exclusive)",
                error(VALID.replace("percentile: 0.9", "percentile: 95"), dir));
        assertEquals("p.yaml:4: field 'actuator.type': expected dry-run, file or kubernetes",
                error(VALID.replace("type: file", "type: kubectl"), dir));
        assertTrue(error(VALID.replace("type: file", "type: kubernetes").replace("path: actions.jsonl", "path: none.yaml"), dir)
                .contains("field 'actuator.path': expected an existing Kubernetes targets file"));
        assertTrue(error(VALID.replace("source: {path: demo-nab, freq: 5m}", "source: {path: 'http://127.0.0.1:9090', format: prometheus, freq: 1m}"),
                dir).contains("field 'workloads[0]': expected a named series with its PromQL 'query'"));
        assertEquals("p.yaml:8: field 'workloads[0].limit': expected a whole number >= 1, got 0.5",
                error(VALID.replace("limit: 2", "limit: 0.5"), dir));
        String badCapacity = error(VALID.replace("unit_capacity: 50, lead: 0", "unit_capacity: 50, lead: 0, min_units: 9, max_units: 2"), dir);
        assertTrue(badCapacity.startsWith("p.yaml:10: field 'workloads[1].capacity': expected valid capacity rules"), badCapacity);
        String missing = error(VALID + "scenarios: nowhere.yaml\n", dir);
        assertTrue(missing.startsWith("p.yaml:12: field 'scenarios': expected an existing scenario file"), missing);
        Files.writeString(dir.resolve("s.yaml"), "name: s\n");
        assertTrue(LoopConfigFile.parse("p.yaml", VALID + "scenarios: s.yaml\n", dir).scenarios().isPresent());
    }
}
