package io.prescient.flink;

import io.prescient.core.RegularSeries;
import io.prescient.plan.config.LoopConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Flink job against the server's simulated-clock loop on the same inputs, on a local MiniCluster. */
class PlanningJobTest {

    static final Comparator<PlanRecord> ORDER = Comparator.comparing(PlanRecord::workload).thenComparingLong(PlanRecord::time);

    static List<PlanRecord> flinkPlans(LoopConfig config, List<RegularSeries> series, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        List<MetricPoint> points = Fleets.points(series);
        DataStream<MetricPoint> in = env.fromData(points).assignTimestampsAndWatermarks(PlanningJob.watermarks(Duration.ofMinutes(5)));
        List<PlanRecord> out = new ArrayList<>();
        try (var it = PlanningJob.plans(in, JobSettings.of(Fleets.assembly(config, java.util.Optional.empty()), Fleets.DAY, 28 * Fleets.DAY)).executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        out.sort(ORDER);
        return out;
    }

    @Test
    void theJobPlansExactlyAsTheServersLoop(@TempDir Path dir) throws Exception {
        LoopConfig config = Fleets.config(dir, "ensemble", 200);
        List<RegularSeries> series = Fleets.series(3, 2, 5);
        List<PlanRecord> server = new ArrayList<>(Fleets.serverPlans(config, series));
        server.sort(ORDER);
        List<PlanRecord> flink = flinkPlans(config, series, 2);
        assertEquals(3 * 48, server.size());
        assertEquals(server.size(), flink.size());
        for (int i = 0; i < server.size(); i++) {
            assertTrue(server.get(i).same(flink.get(i)), "plan " + i + " differs:\n server " + server.get(i) + "\n flink  " + flink.get(i));
        }
        assertTrue(flink.stream().anyMatch(r -> r.units() != r.from()), "some rounds change capacity");
    }

    @Test
    void aWorkloadsOwnScenariosPlanTheSameInTheJobAsInTheServersLoop(@TempDir Path dir) throws Exception {
        List<RegularSeries> series = Fleets.series(2, 2, 5);
        String item = series.get(0).key().item();
        java.nio.file.Files.writeString(dir.resolve("campaign.yaml"), """
                name: %s campaign
                scenarios:
                  - name: demand doubles
                    type: event
                    from: 2013-01-01T00:00:00Z
                    to: 2100-01-01T00:00:00Z
                    multiplier: 2
                """.formatted(item));
        LoopConfig config = io.prescient.plan.config.LoopConfigFile.parse("flink.yaml", """
                source: {path: synthetic, freq: 5m}
                every: 6
                horizon: 24
                percentile: 0.95
                model: ensemble
                paths: 200
                capacity: {unit_capacity: 40, target_utilisation: 0.7, min_units: 1, max_units: 100, max_step: 5, cooldown: 6, lead: 2}
                workloads:
                  - series: %s
                    scenarios: campaign.yaml
                  - series: "*"
                simulate: {from: %s}
                """.formatted(item, java.time.Instant.ofEpochSecond(Fleets.START + Fleets.DAY * 300L)), dir);
        List<PlanRecord> server = new ArrayList<>(Fleets.serverPlans(config, series));
        server.sort(ORDER);
        List<PlanRecord> flink = flinkPlans(config, series, 2);
        assertEquals(server.size(), flink.size());
        for (int i = 0; i < server.size(); i++) {
            assertTrue(server.get(i).same(flink.get(i)), "plan " + i + " differs:\n server " + server.get(i) + "\n flink  " + flink.get(i));
        }
        List<PlanRecord> plain = new ArrayList<>(Fleets.serverPlans(Fleets.config(dir, "ensemble", 200), series));
        plain.sort(ORDER);
        double with = 0;
        double without = 0;
        for (int i = 0; i < plain.size(); i++) {
            if (plain.get(i).workload().startsWith(item + "/")) {
                with += java.util.Arrays.stream(flink.get(i).capacity()).sum();
                without += java.util.Arrays.stream(plain.get(i).capacity()).sum();
            } else {
                assertTrue(plain.get(i).same(flink.get(i)), "the other workload plans without it: " + flink.get(i));
            }
        }
        assertTrue(with > 1.6 * without, "the named workload's own scenario (demand x2) raises its plans: " + with + " vs " + without);
    }

    @Test
    void badPointsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.point("{\"workload\": \"a\", \"time\": \"noon\", \"value\": 1}"));
        assertTrue(e.getMessage().startsWith("field 'time': expected epoch seconds"), e.getMessage());
        assertTrue(Double.isNaN(Json.point("{\"workload\": \"a/b\", \"time\": 60, \"value\": null}").value()));
        MetricPoint p = new MetricPoint("web/requests", 1_375_315_200L, 212.5);
        assertEquals(p, Json.point(Json.point(p)));
        MetricPoint users = new MetricPoint("web/requests", 1_375_315_200L, 1200, "active_users");
        assertEquals(users, Json.point(Json.point(users)));
        assertTrue(Json.point(Json.point(p)).demand());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> Json.point("{\"workload\": \"a\", \"time\": 60, \"value\": 1, \"covariate\": \" \"}"));
        assertTrue(blank.getMessage().startsWith("field 'covariate'"), blank.getMessage());
    }
}
