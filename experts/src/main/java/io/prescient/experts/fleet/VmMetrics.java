package io.prescient.experts.fleet;

import io.prescient.core.text.DelimitedLines;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;
import io.prescient.experts.catalogue.InstanceType;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * A fleet's monitored VM usage, read from a CSV whose columns declare their units:
 * {@code resource,time,} then CPU as {@code cpu_vcpu} (vCPUs in use) or {@code cpu_percent} (of the
 * VM's vCPUs at that time) and memory as {@code memory_gib}, {@code memory_mib}, {@code memory_bytes}
 * or {@code memory_percent}. Rows may come at any step: several in an hour are averaged, and an
 * hour between two rows at most {@value #MAX_GAP_HOURS} hours apart takes the earlier row's value (a VM
 * whose rows start later than the fleet's, one created during the recording, has no usage before them);
 * a longer gap, a negative value, a percentage above 100 or a column without a unit is an error naming
 * the file, the line (or the resource and the gap) and what was expected.
 */
final class VmMetrics {

    static final int MAX_GAP_HOURS = 6;

    private VmMetrics() {
    }

    /** Hourly usage per resource from {@code start}: [0] vCPUs, [1] GiB. */
    record Hourly(Instant start, Map<String, double[][]> usage) {
    }

    /**
     * @param typeAt the VM's type at a time (for percentages)
     */
    static Hourly read(Path file, BiFunction<String, Instant, InstanceType> typeAt) {
        String source = file.toString();
        Map<String, List<double[]>> rows = new TreeMap<>();
        long start = Long.MAX_VALUE;
        try (DelimitedLines lines = DelimitedLines.open(file, ',')) {
            List<String> header = lines.next();
            List<String> names = header == null ? List.of() : header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            int resource = names.indexOf("resource");
            int time = names.indexOf("time");
            int cpu = first(names, "cpu_vcpu", "cpu_percent");
            int memory = first(names, "memory_gib", "memory_mib", "memory_bytes", "memory_percent");
            if (resource < 0 || time < 0 || cpu < 0 || memory < 0) {
                throw new InvalidInputException(new InputProblem(source, 1, resource < 0 ? "resource" : time < 0 ? "time" : cpu < 0 ? "cpu"
                        : "memory", header == null ? "" : String.join(",", header), "a header resource,time, CPU as cpu_vcpu or "
                        + "cpu_percent, memory as memory_gib, memory_mib, memory_bytes or memory_percent (the unit in the name)"));
            }
            String cpuUnit = names.get(cpu);
            String memoryUnit = names.get(memory);
            for (List<String> f = lines.nextRecord(header.size()); f != null; f = lines.nextRecord(header.size())) {
                long line = lines.lineNumber();
                Instant t = lines.instant(header.get(time), f.get(time));
                double c = value(source, line, header.get(cpu), f.get(cpu), cpuUnit.endsWith("percent"));
                double m = value(source, line, header.get(memory), f.get(memory), memoryUnit.endsWith("percent"));
                if (cpuUnit.endsWith("percent") || memoryUnit.endsWith("percent")) {
                    InstanceType type = typeAt.apply(f.get(resource), t);
                    if (type == null) {
                        throw new InvalidInputException(new InputProblem(source, line, header.get(resource), f.get(resource),
                                "a resource listed in resources.csv (a percentage needs its type)"));
                    }
                    c = cpuUnit.endsWith("percent") ? c / 100 * type.vcpu() : c;
                    m = memoryUnit.endsWith("percent") ? m / 100 * type.memoryGib() : m;
                }
                m = switch (memoryUnit) {
                    case "memory_mib" -> m / 1024;
                    case "memory_bytes" -> m / (1L << 30);
                    default -> m;
                };
                start = Math.min(start, t.getEpochSecond());
                rows.computeIfAbsent(f.get(resource), k -> new ArrayList<>()).add(new double[] {t.getEpochSecond(), c, m});
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(InputProblem.ofSource(source, "metric rows after the header"));
        }
        long first = start - Math.floorMod(start, 3600);
        Map<String, double[][]> usage = new TreeMap<>();
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            usage.put(e.getKey(), hourly(source, e.getKey(), e.getValue(), first));
        }
        return new Hourly(Instant.ofEpochSecond(first), usage);
    }

    private static double[][] hourly(String source, String resource, List<double[]> rows, long first) {
        rows.sort((a, b) -> Double.compare(a[0], b[0]));
        int hours = (int) ((rows.get(rows.size() - 1)[0] - first) / 3600) + 1;
        double[][] sum = new double[3][hours];
        for (double[] r : rows) {
            int h = (int) ((r[0] - first) / 3600);
            sum[0][h] += r[1];
            sum[1][h] += r[2];
            sum[2][h]++;
        }
        double[][] out = new double[2][hours];
        int last = -1;
        for (int h = 0; h < hours; h++) {
            if (sum[2][h] > 0) {
                if (last >= 0 && h - last - 1 > MAX_GAP_HOURS) {
                    throw new InvalidInputException(new InputProblem(source, 0, resource, (h - last - 1) + " hours without a row from "
                            + Instant.ofEpochSecond(first + (last + 1) * 3600L), "rows at most " + MAX_GAP_HOURS + " hours apart (a longer "
                            + "gap cannot be filled honestly: remove the resource or supply its rows)"));
                }
                out[0][h] = sum[0][h] / sum[2][h];
                out[1][h] = sum[1][h] / sum[2][h];
                for (int g = Math.max(0, last + 1); last >= 0 && g < h; g++) {
                    out[0][g] = out[0][last];
                    out[1][g] = out[1][last];
                }
                last = h;
            }
        }
        return out;
    }

    private static int first(List<String> names, String... wanted) {
        for (String w : wanted) {
            int i = names.indexOf(w);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static double value(String source, long line, String column, String text, boolean percent) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v) || v < 0 || percent && v > 100) {
            throw new InvalidInputException(new InputProblem(source, line, column, text, percent ? "a percentage from 0 to 100"
                    : "a usage >= 0 in the unit the column names"));
        }
        return v;
    }
}
