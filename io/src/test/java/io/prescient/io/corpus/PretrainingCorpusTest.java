package io.prescient.io.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The corpus reader on a small folder laid out as ../shared/data, written here in each trace's own format. */
class PretrainingCorpusTest {

    @TempDir
    Path data;

    @Test
    void everySourceIsReadInPlaceResampledAndABadFileIsReportedWhileTheRestIsRead() throws IOException {
        Path nab = Files.createDirectories(data.resolve("nab/realAWSCloudwatch"));
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 2400; i++) {
            csv.append(String.format("2014-02-%02d %02d:%02d:00,%d%n", 1 + i / 288, i % 288 / 12, i % 12 * 5, 10 + i % 7));
        }
        Files.writeString(nab.resolve("ec2_cpu.csv"), csv);
        Files.writeString(nab.resolve("broken.csv"), "timestamp,value\n2014-02-01 00:00:00,abc\n");

        Path genai = Files.createDirectories(data.resolve("alibaba-genai-2026"));
        StringBuilder qps = new StringBuilder("timestamp_anon,value,container_ip,request_type\n");
        for (int k = 0; k < 600; k++) {
            qps.append(1662858720L + 57L * k).append(".0,").append(1 + k % 5).append(",ip1,API Requests\n");
        }
        tarGz(genai.resolve("qps.tar.gz"), "qps.csv", qps.toString());

        Path dlrm = Files.createDirectories(data.resolve("alibaba-dlrm-2025"));
        StringBuilder trace = new StringBuilder("instance_sn,role,app_name,cpu_request,creation_time,deletion_time\n");
        for (int i = 0; i < 300; i++) {
            trace.append("instance_").append(i).append(",CN,app_").append(i % 3).append(",4,").append(i * 600.0).append(",")
                    .append(i % 2 == 0 ? "" : String.valueOf(i * 600.0 + 36000)).append('\n');
        }
        Files.writeString(dlrm.resolve("disaggregated_DLRM_trace.csv"), trace);

        Path nezha = Files.createDirectories(data.resolve("extra/nezha/rca_data/2022-08-22/metric"));
        StringBuilder pod = new StringBuilder("Time,TimeStamp,PodName,CpuUsage(m),PodWorkload(Ops)\n");
        for (int m = 0; m < 300; m++) {
            pod.append(String.format("2022-08-22 %02d:%02d:19.589328775 +0000 UTC m=+60.09,1,pod-a,%d.5,%d%n", 4 + m / 60, m % 60,
                    m % 9, m % 4));
        }
        Files.writeString(nezha.resolve("pod-a_metric.csv"), pod);

        long unpackedBefore = unpackFolders();
        List<String> log = new ArrayList<>();
        List<PretrainingCorpus.Entry> corpus = new PretrainingCorpus(log::add).read(data, false);
        assertEquals(unpackedBefore, unpackFolders(), "the unpacked members' folder is removed");
        Map<String, Integer> bySource = new TreeMap<>();
        corpus.forEach(e -> bySource.merge(e.source(), 1, Integer::sum));
        // nab: the 5-minute series and its 15-minute copy (the hourly one has 200 steps: 2,400 / 12)
        assertEquals(3, bySource.get("nab"), bySource + " " + log);
        // genai: the 57 s series and 285 s copy (600 / 3 = 200); the lora trace is absent
        assertEquals(2, bySource.get("genai"), bySource + " " + log);
        // dlrm: instances and CPUs by role and for each of 3 apps, 359 ten-minute steps (too few to resample)
        assertEquals(8, bySource.get("dlrm"), bySource + " " + log);
        assertEquals(2, bySource.get("nezha"), "two metrics of 300 one-minute steps: " + bySource + " " + log);
        assertTrue(log.stream().anyMatch(l -> l.contains("broken.csv") && l.contains("skipped")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("bitbrains")) == false, "Bitbrains only when asked");
        assertTrue(corpus.stream().noneMatch(e -> e.source().equals("bitbrains")));
        double[] instances = corpus.stream().filter(e -> e.series().key().item().equals("role-CN")
                        && e.series().key().metric().equals("instances") && e.series().grid().stepSeconds() == 600)
                .findFirst().orElseThrow().series().values();
        assertEquals(1, instances[0], "one instance lives in the first ten minutes");
        assertEquals(61, instances[61], "by bin 61, 62 created and the first odd one (live in bins 1 to 60) gone");
    }

    private static long unpackFolders() throws IOException {
        try (var list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(p -> p.getFileName().toString().startsWith("prescient-genai")).count();
        }
    }

    @Test
    void aMissingSourceIsReportedNotFatal() {
        List<String> log = new ArrayList<>();
        assertTrue(new PretrainingCorpus(log::add).read(data, true).isEmpty());
        assertEquals(5, log.stream().filter(l -> l.contains("skipped")).count(), log.toString());
    }

    static void tarGz(Path file, String name, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, header, 0, n.length);
        byte[] size = String.format("%011o", body.length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, header, 124, size.length);
        header[156] = '0';
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 5);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        tar.write(header);
        tar.write(body);
        tar.write(new byte[(512 - body.length % 512) % 512]);
        tar.write(new byte[1024]);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(tar.toByteArray());
        }
    }
}
