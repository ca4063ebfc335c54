package io.prescient.cli;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.io.ingest.PanelSource;
import io.prescient.io.ingest.SourceFiles;
import io.prescient.io.read.Format;
import io.prescient.io.read.GwaReader;
import io.prescient.plan.replay.DemandTrace;
import io.prescient.plan.replay.Headlines;
import io.prescient.plan.replay.MemberScore;
import io.prescient.plan.replay.ReactivePolicy;
import io.prescient.plan.replay.Replay;
import io.prescient.plan.replay.ReplaySettings;
import io.prescient.plan.replay.StaticPeakPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The replay protocol's August reference values, reproduced by the reactive and static policies:
 * a check of the demand preparation, the lead time, the warm-up and the figures. Skipped, and said
 * so, when ../shared is absent.
 */
class ReplayReferenceIT {

    private static List<MemberScore> scores;

    @BeforeAll
    static void replay() {
        Path dir = ProtocolReferenceIT.sharedBitbrains();
        assumeTrue(dir != null, "../shared/data/bitbrains-rnd/2013-8 is absent; set -Dprescient.shared.data=<path>");
        Map<String, Panel> panels = PanelSource.fromFiles(SourceFiles.of(dir, Format.GWA), new GwaReader("2013-8"),
                m -> m.equals("cpu_usage_mhz"), 2);
        List<DemandTrace> traces = new ArrayList<>();
        for (RegularSeries s : panels.get("cpu_usage_mhz").series()) {
            traces.add(DemandTrace.of(s.key().toString(), s.values()));
        }
        scores = new Replay(List.of(ReactivePolicy.protocolSweep(), new StaticPeakPolicy()), ReplaySettings.PROTOCOL, 2)
                .run(traces, n -> { });
    }

    private static MemberScore member(String name) {
        return scores.stream().filter(s -> s.member().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void reactiveAndStaticMembersMatchTheProtocol() {
        assertEquals(0.071, member("target=0.70 window=1").violationRate(), 0.0005);
        assertEquals(1.43, member("target=0.70 window=1").costRatio(), 0.005);
        assertEquals(0.051, member("target=0.50 window=1").violationRate(), 0.0005);
        assertEquals(2.00, member("target=0.50 window=1").costRatio(), 0.005);
        assertEquals(0.013, member("target=0.70 window=12").violationRate(), 0.0005);
        assertEquals(1.76, member("target=0.70 window=12").costRatio(), 0.005);
        // the protocol says 0.78%; we get 0.771% (and 0.830% for target 0.50 window 12, where it says 0.84%):
        // long windows come out about 0.01 points lower, cause not found (see the closing note of issue 5)
        assertEquals(0.0078, member("target=0.70 window=36").violationRate(), 0.0002);
        assertEquals(0.0084, member("target=0.50 window=12").violationRate(), 0.0002);
        assertEquals(2.47, member("target=0.50 window=12").costRatio(), 0.005);
        assertEquals(2.07, member("target=0.70 window=36").costRatio(), 0.005);
        assertEquals(0.022, member("warmup-peak").violationRate(), 0.0005);
        assertEquals(2.85, member("warmup-peak").costRatio(), 0.005);
    }

    @Test
    void headlinesMatchTheProtocol() {
        Headlines.FamilyHeadline reactive = Headlines.of(scores).get(0);
        assertEquals(1.81, reactive.pooled1().orElseThrow().costRatio(), 0.005);
        assertEquals("target=0.80 window=36", reactive.pooled1().orElseThrow().member());
        assertEquals(1.27, reactive.pooled5().orElseThrow().costRatio(), 0.005);
        assertEquals(3.32, reactive.slo().orElseThrow().costRatio(), 0.005);
        assertEquals("target=0.50 window=72", reactive.slo().orElseThrow().member());
    }
}
