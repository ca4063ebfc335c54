package io.prescient.io.read;

import io.prescient.core.RegularSeries;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import io.prescient.core.validation.InvalidInputException;
import io.prescient.io.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenAiReaderTest {

    @TempDir
    Path dir;

    @Test
    void requestsAreZeroWhereTheGatewayReportedNoneAndOneTicksRowsAddUp() {
        Path f = Fixtures.text(dir, "qps.csv", String.join("\n", "timestamp_anon,value,container_ip,request_type",
                "1662859176.0,0.09,abc,Generative Requests",
                "1662859233.0,0.09,,API Requests",
                "1662859347.0,0.09,abc,Generative Requests",
                "1662859347.0,0.18,abc,API Requests", ""));
        ReadResult r = new GenAiReader("genai").read(f);
        assertEquals(2, r.series().size());
        RegularSeries abc = r.series().get(0);
        assertEquals("genai/abc/requests", abc.key().toString());
        assertEquals(Unit.REQUESTS_PER_SECOND, abc.info().unit());
        assertEquals(new TimeGrid(1662859176L, 57, 4), abc.grid());
        assertArrayEquals(new double[] {0.09, 0, 0, 0.27}, abc.values(), 1e-12);
        assertEquals("genai/gateway/requests", r.series().get(1).key().toString());
        assertArrayEquals(new double[] {0, 0.09, 0, 0}, r.series().get(1).values(), 1e-12);
    }

    @Test
    void utilisationIsMissingWhereNotSampledInAnyColumnOrder() {
        Path f = Fixtures.text(dir, "pod_gpu_duty_cycle_anon.csv", String.join("\n", "value,timestamp_anon,container_ip",
                "12.5,1662858720.0,p1", "0.0,1662858720.0,p2", "40.0,1662858834.0,p1", ""));
        ReadResult r = new GenAiReader(null).read(f);
        assertEquals("gpu_duty_cycle", r.series().get(0).key().metric());
        assertEquals(Unit.PERCENT, r.series().get(0).info().unit());
        assertArrayEquals(new double[] {12.5, Double.NaN, 40.0}, r.series().get(0).values());
        assertArrayEquals(new double[] {0.0, Double.NaN, Double.NaN}, r.series().get(1).values());
        assertTrue(Format.GENAI.accepts("pod_gpu_duty_cycle_anon.csv") && Format.GENAI.accepts("qps.csv"));
        assertFalse(Format.GENAI.accepts("lora_request_trace.csv"), "the request trace has other columns");
    }

    @Test
    void aFileWithoutTheTracesColumnsIsNamed() {
        Path f = Fixtures.text(dir, "pod_memory_util_anon.csv", "time,value,pod\n1,2,3\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new GenAiReader(null).read(f));
        assertTrue(e.getMessage().contains("pod_memory_util_anon.csv") && e.getMessage().contains("timestamp_anon"), e.getMessage());
        Path negative = Fixtures.text(dir, "pod_gpu_duty_cycle_anon.csv", "value,timestamp_anon,container_ip\n-3,1662858720,p1\n");
        InvalidInputException n = assertThrows(InvalidInputException.class, () -> new GenAiReader(null).read(negative));
        assertTrue(n.getMessage().contains(":2") || n.getMessage().contains("line 2"), n.getMessage());
    }
}
