package io.prescient.kube;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KubeTargetsFileTest {

    @Test
    void theSampleReadsAsDryRunWithItsTargets() {
        KubeTargetsFile.Settings s = KubeTargetsFile.read(Path.of("..", "samples", "kube-targets.yaml"));
        assertTrue(s.dryRun());
        assertEquals(2, s.targets().size());
        KubeTarget hpa = s.targets().get(0);
        assertEquals(KubeTarget.Kind.HPA_MIN_REPLICAS, hpa.kind());
        assertEquals(Duration.ofMinutes(10), hpa.cooldown());
        assertEquals("kube-audit.jsonl", s.audit().getFileName().toString());
    }

    @Test
    void errorsNameFileLineAndField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, "targets:\n  - workload: a/b\n    kind: pods\n    name: x\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KubeTargetsFile.read(f));
        assertTrue(e.getMessage().contains("t.yaml:3") && e.getMessage().contains("targets[0].kind"), e.getMessage());
        Files.writeString(f, "targets:\n  - workload: a/b\n    kind: deployment\n    name: x\n    min_replicas: 9\n    max_replicas: 3\n");
        e = assertThrows(IllegalArgumentException.class, () -> KubeTargetsFile.read(f));
        assertTrue(e.getMessage().contains("t.yaml:2") && e.getMessage().contains("min_replicas <= max_replicas"), e.getMessage());
    }

    @Test
    void scaleToZeroAndDuplicateTargetsAreRefusedAtLoad(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, "targets:\n  - workload: a/b\n    kind: deployment\n    name: x\n    min_replicas: 0\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KubeTargetsFile.read(f));
        assertTrue(e.getMessage().contains("t.yaml:2") && e.getMessage().contains("allow_scale_to_zero: true"), e.getMessage());
        Files.writeString(f, "targets:\n  - workload: a/b\n    kind: deployment\n    name: x\n    min_replicas: 0\n"
                + "    allow_scale_to_zero: true\n");
        assertEquals(0, KubeTargetsFile.read(f).targets().get(0).minReplicas());
        Files.writeString(f, "targets:\n  - workload: a/b\n    kind: deployment\n    name: x\n"
                + "  - workload: a/b\n    kind: deployment\n    name: y\n");
        e = assertThrows(IllegalArgumentException.class, () -> KubeTargetsFile.read(f));
        assertTrue(e.getMessage().contains("t.yaml:5") && e.getMessage().contains("targets[1].workload")
                && e.getMessage().contains("targets[0] already sets a/b"), e.getMessage());
        Files.writeString(f, "targets:\n  - workload: a/b\n    kind: deployment\n    name: x\n"
                + "  - workload: c/d\n    kind: deployment\n    name: x\n");
        e = assertThrows(IllegalArgumentException.class, () -> KubeTargetsFile.read(f));
        assertTrue(e.getMessage().contains("t.yaml:7") && e.getMessage().contains("targets[0] already sets deployment default/x"), e.getMessage());
    }
}
