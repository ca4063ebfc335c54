package io.prescient.experts.workloads;

import io.prescient.experts.recommend.Recommendation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadRecommenderTest {

    /** Pods sampled seconds apart still add up to the workload's total: four pods of one core keep their replicas. */
    @Test
    void podsSampledSecondsApartAddUp() {
        List<WorkloadUsage.Sample> samples = new ArrayList<>();
        Instant start = Instant.parse("2024-05-01T00:00:00Z");
        for (int step = 0; step < 7 * 288; step++) {
            for (int pod = 0; pod < 4; pod++) {
                samples.add(new WorkloadUsage.Sample(start.plusSeconds(300L * step + pod), "shop/deployments/web", "web-" + pod, "app",
                        1.0, 1.0));
            }
        }
        WorkloadConfig config = new WorkloadConfig("shop/deployments/web", 4, Map.of("app", new double[] {1.0, 1.0}));
        List<Recommendation> recs = WorkloadRecommender.defaults().recommend(Map.of("shop/deployments/web", config), new WorkloadUsage(samples));
        Recommendation replicas = recs.stream().filter(r -> r.to().startsWith("replicas=")).findFirst().orElseThrow();
        int wanted = Integer.parseInt(replicas.to().substring("replicas=".length()));
        assertTrue(wanted >= 4, "4 cores of use over pods requesting 1.15 cores each at 70%: not fewer replicas, got " + replicas.explanation());
        assertEquals("cpu=1150m memory=1184Mi", recs.stream().filter(r -> r.to().startsWith("cpu=")).findFirst().orElseThrow().to());
    }
}
