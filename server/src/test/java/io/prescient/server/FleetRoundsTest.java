package io.prescient.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescient.experts.recommend.AuditLog;
import io.prescient.experts.recommend.Decisions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetRoundsTest {

    /** As its files change the fleet is re-recommended on: the first round proposes, a round on unchanged files is skipped, a decided change is not proposed again. */
    @Test
    void theServedFleetIsReRecommendedAsItsFilesChange(@TempDir Path fleet) throws Exception {
        Files.writeString(fleet.resolve("audit.log"), "{\"kind\":\"Event\",\"level\":\"Request\",\"verb\":\"update\",\"objectRef\":"
                + "{\"resource\":\"deployments\",\"namespace\":\"shop\",\"name\":\"web\"},\"responseStatus\":{\"code\":200},"
                + "\"stageTimestamp\":\"2024-04-20T09:00:00Z\",\"requestObject\":{\"spec\":{\"replicas\":8,\"template\":{\"spec\":"
                + "{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"cpu\":\"2\",\"memory\":\"4Gi\"}}}]}}}}}\n");
        List<String> usage = new ArrayList<>(List.of("time,workload,pod,container,cpu_cores,memory_gib"));
        for (int step = 0; step < 3 * 288; step++) {
            for (int pod = 0; pod < 8; pod++) {
                usage.add(Instant.parse("2024-05-01T00:00:00Z").plusSeconds(300L * step) + ",shop/deployments/web,web-" + pod + ",app,"
                        + (0.5 + 0.1 * Math.sin(step / 20.0 + pod)) + ",1.2");
            }
        }
        Files.write(fleet.resolve("usage.csv"), usage);
        FleetRounds rounds = new FleetRounds(fleet, Optional.empty(), new Object(), Clock.systemUTC(), line -> { });
        rounds.run();
        rounds.run();
        List<String> lines = Files.readAllLines(fleet.resolve(FleetRounds.FILE));
        assertEquals(1, lines.size(), "unchanged files are not read again");
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("1 workloads", first.get("resources").asText(), first.toString());
        assertTrue(first.get("new").size() >= 2, "requests and replicas proposed: " + first);
        String rejected = first.get("new").get(0).asText();
        new Decisions(new AuditLog(fleet.resolve("recommendations.jsonl")), Clock.systemUTC()).reject(rejected, "ops", "not now");

        Files.setLastModifiedTime(fleet.resolve("usage.csv"), FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        rounds.run();
        JsonNode second = new ObjectMapper().readTree(Files.readAllLines(fleet.resolve(FleetRounds.FILE)).get(1));
        assertEquals(1, second.get("already_decided").asInt(), second.toString());
        assertEquals(List.of(rejected), List.of(second.get("gone").get(0).asText()), "the rejected one leaves the open list: " + second);
        assertEquals(0, second.get("new").size(), second.toString());
    }
}
