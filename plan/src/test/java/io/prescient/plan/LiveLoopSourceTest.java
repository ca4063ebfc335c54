package io.prescient.plan;

import io.prescient.plan.config.LoopConfigFile;
import io.prescient.plan.loop.LoopRound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A live source that loses a file, then its whole directory: the loop reports it, holds the workloads and goes on. */
class LiveLoopSourceTest {

    private static final String[] FILES = {"ec2_cpu_utilization_5f5533.csv", "rds_cpu_utilization_e47b3b.csv"};

    @Test
    void aDeletedFileHoldsItsWorkloadAndADeletedDirectoryHoldsThemAllWithoutStoppingTheLoop(@TempDir Path dir) throws Exception {
        Path nab = Files.createDirectories(dir.resolve("nab"));
        for (String f : FILES) {
            Files.copy(Path.of("..", "samples", "nab", f), nab.resolve(f));
        }
        LoopAssembly assembly = new LoopAssembly(LoopConfigFile.parse("p.yaml", """
                source: {path: nab, format: nab, freq: 5m}
                horizon: 12
                model: naive
                paths: 200
                capacity: {unit_capacity: 20, max_units: 100}
                workloads:
                  - series: "*"
                """, dir), dir.resolve("p.yaml"), Map.of(), Optional.empty());
        List<String> log = new ArrayList<>();
        LiveLoop loop = assembly.live("live-test", List.of("naive"), d -> { }, log::add, 1);
        long now = Instant.parse("2014-04-24T00:45:00Z").getEpochSecond();

        LiveLoop.Round first = loop.round(now);
        assertEquals(2, first.workloads().size());

        Files.delete(nab.resolve(FILES[1]));
        LiveLoop.Round second = loop.round(now + 300);
        assertEquals(2, second.workloads().size(), "the workload whose file is gone still has a round: " + names(second));
        LoopRound gone = second.workloads().stream().filter(r -> r.workload().startsWith("rds_cpu")).findFirst().orElseThrow();
        assertTrue(gone.outcome().decision().held());
        assertTrue(gone.outcome().decision().reason().contains("no longer delivers"), gone.outcome().decision().reason());
        assertTrue(log.stream().anyMatch(l -> l.contains("rds_cpu") && l.contains("no longer delivers")), String.join("\n", log));

        try (Stream<Path> files = Files.walk(nab)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        LiveLoop.Round third = loop.round(now + 600);
        assertEquals(2, third.workloads().size());
        assertTrue(third.workloads().stream().allMatch(r -> r.outcome().decision().held()
                && r.outcome().decision().reason().contains("could not be read")), names(third));
    }

    private static String names(LiveLoop.Round r) {
        return r.workloads().stream().map(w -> w.workload() + ": " + w.outcome().decision().reason()).toList().toString();
    }
}
