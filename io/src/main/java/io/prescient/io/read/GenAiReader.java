package io.prescient.io.read;

import io.prescient.core.text.DelimitedLines;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;
import io.prescient.core.grid.Repairs;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one file of Alibaba's GenAI serving trace (cluster-trace-v2026-GenAI, unpacked from its
 * {@code .tar.gz}): rows of {@code value}, {@code timestamp_anon} (seconds) and {@code container_ip}
 * (hashed) in any column order. Each container is an item; the metric is named after the file
 * ({@code pod_gpu_duty_cycle_anon.csv} gives {@code gpu_duty_cycle} in %, {@code pod_gpu_memory_used_bytes_anon}
 * {@code gpu_memory_used_bytes}, {@code pod_memory_util_anon} {@code memory_util}, {@code qps}
 * {@code requests} per second). Samples lie on the trace's {@value #STEP}-second grid; every series of
 * a file is put on the file's whole span. The gateway reports a container's requests only when it
 * had some, so in {@code qps} a tick without a row is 0 requests, and the rows of one tick (generative
 * and API requests) add up; requests without a container are the item {@code gateway}. In the other
 * files a tick without a row is missing.
 */
public final class GenAiReader implements SeriesReader {

    /** The trace's sampling step in seconds (its anonymised clock ticks every 57 s). */
    public static final long STEP = 57;

    private final String dataset;

    /** @param dataset the dataset name, or null for the name of each file's folder */
    public GenAiReader(String dataset) {
        this.dataset = dataset;
    }

    @Override
    public Format format() {
        return Format.GENAI;
    }

    private record Metric(String name, Unit unit, boolean absentIsZero) {

        static Metric of(String stem) {
            String s = stem.toLowerCase(Locale.ROOT).replaceFirst("^pod_", "").replaceFirst("_anon$", "");
            return switch (s) {
                case "qps" -> new Metric("requests", Unit.REQUESTS_PER_SECOND, true);
                case "gpu_duty_cycle" -> new Metric(s, Unit.PERCENT, false);
                case "gpu_memory_used_bytes" -> new Metric(s, Unit.BYTES, false);
                case "memory_util" -> new Metric(s, Unit.RATIO, false);
                default -> new Metric(s, Unit.UNKNOWN, false);
            };
        }
    }

    @Override
    public ReadResult read(Path file) {
        String source = file.toString();
        Metric metric = Metric.of(FileNames.stem(file));
        FieldParser parser = new FieldParser(source, FieldParser.TimeUnitMode.SECONDS);
        Map<String, TreeMap<Long, Double>> byItem = new TreeMap<>();
        long rows = 0;
        long dropped = 0;
        long floored = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (DelimitedLines lines = DelimitedLines.open(file, ',')) {
            List<String> header = lines.next();
            if (header == null) {
                throw new InvalidInputException(InputProblem.ofSource(source, "a header with value, timestamp_anon and container_ip"));
            }
            int value = header.indexOf("value");
            int time = header.indexOf("timestamp_anon");
            int container = header.indexOf("container_ip");
            if (value < 0 || time < 0 || container < 0) {
                throw new InvalidInputException(new InputProblem(source, 1, "", String.join(",", header),
                        "the GenAI trace's columns value, timestamp_anon and container_ip"));
            }
            List<String> fields;
            while ((fields = lines.next()) != null) {
                long line = lines.lineNumber();
                parser.requireWidth(fields, header.size(), line);
                long t = parser.epochSeconds(fields.get(time), line, "timestamp_anon");
                double v = parser.value(fields.get(value), line, "value", metric.unit());
                if (Math.floorMod(t, STEP) != 0) {
                    floored++;
                    t -= Math.floorMod(t, STEP);
                }
                String ip = fields.get(container).trim();
                String item = ip.isEmpty() || ip.equalsIgnoreCase("none") || ip.equalsIgnoreCase("null") ? "gateway" : ip;
                TreeMap<Long, Double> series = byItem.computeIfAbsent(item, k -> new TreeMap<>());
                Double before = series.get(t);
                if (before == null) {
                    series.put(t, v);
                } else if (metric.absentIsZero()) {
                    series.put(t, before + v);
                } else {
                    dropped++;
                }
                first = Math.min(first, t);
                last = Math.max(last, t);
                rows++;
            }
        }
        if (rows == 0) {
            throw new InvalidInputException(InputProblem.ofSource(source, "at least one data row"));
        }
        long start = first;
        int length = Math.toIntExact((last - first) / STEP + 1);
        TimeGrid grid = new TimeGrid(start, STEP, length);
        String datasetName = dataset != null ? dataset : FileNames.folderName(file);
        List<RegularSeries> out = new ArrayList<>();
        byItem.forEach((item, samples) -> {
            double[] y = new double[length];
            Arrays.fill(y, metric.absentIsZero() ? 0 : Double.NaN);
            samples.forEach((t, v) -> y[(int) ((t - start) / STEP)] = v);
            out.add(new RegularSeries(new SeriesInfo(new SeriesKey(datasetName, item, metric.name()), metric.unit(),
                    Map.of("format", "genai")), grid, y));
        });
        return new ReadResult(source, out, rows, new Repairs(0, dropped, floored));
    }
}
