package io.prescient.experts.workloads;

import io.prescient.core.text.DelimitedLines;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-pod container usage, read from a CSV whose columns declare their units:
 * {@code time,workload,pod,container,cpu_cores|cpu_millicores,memory_bytes|memory_mib|memory_gib}, any
 * step, rows in any order. The workload is namespace/kind/name as the audit log names it
 * ({@code shop/deployments/web}). Negative usage, a percentage for CPU or a column without a unit is
 * an error naming the file, the line and the column.
 */
public record WorkloadUsage(List<Sample> samples) {

    /** One pod's container at one time: CPU in cores, memory in GiB. */
    public record Sample(Instant time, String workload, String pod, String container, double cpu, double memoryGib) {
    }

    public WorkloadUsage {
        samples = List.copyOf(samples);
    }

    public static WorkloadUsage read(Path file) {
        String source = file.toString();
        List<Sample> out = new ArrayList<>();
        try (DelimitedLines lines = DelimitedLines.open(file, ',')) {
            List<String> header = lines.next();
            if (header == null) {
                throw new InvalidInputException(InputProblem.ofSource(source, "a header: time,workload,pod,container,cpu_<unit>,memory_<unit>"));
            }
            List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            int time = required(source, names, header, "time");
            int workload = required(source, names, header, "workload");
            int pod = required(source, names, header, "pod");
            int container = required(source, names, header, "container");
            int cpu = -1;
            double cpuScale = 1;
            int memory = -1;
            double memoryScale = 1;
            for (int i = 0; i < names.size(); i++) {
                switch (names.get(i)) {
                    case "cpu_cores" -> cpu = i;
                    case "cpu_millicores" -> {
                        cpu = i;
                        cpuScale = 0.001;
                    }
                    case "memory_gib" -> memory = i;
                    case "memory_mib" -> {
                        memory = i;
                        memoryScale = 1.0 / 1024;
                    }
                    case "memory_bytes" -> {
                        memory = i;
                        memoryScale = 1.0 / (1L << 30);
                    }
                    case "cpu", "cpu_percent", "memory", "memory_percent" -> throw new InvalidInputException(new InputProblem(source, 1,
                            header.get(i), header.get(i), "a column whose name declares its unit: cpu_cores or cpu_millicores, "
                            + "memory_bytes, memory_mib or memory_gib (a percentage is not a usage)"));
                    default -> {
                    }
                }
            }
            if (cpu < 0 || memory < 0) {
                throw new InvalidInputException(new InputProblem(source, 1, cpu < 0 ? "cpu_cores" : "memory_gib", String.join(",", header),
                        "a cpu_cores (or cpu_millicores) and a memory_gib (or memory_mib, memory_bytes) column"));
            }
            for (List<String> f = lines.nextRecord(header.size()); f != null; f = lines.nextRecord(header.size())) {
                long line = lines.lineNumber();
                Instant t = lines.instant(header.get(time), f.get(time));
                double c = number(source, line, header.get(cpu), f.get(cpu)) * cpuScale;
                double m = number(source, line, header.get(memory), f.get(memory)) * memoryScale;
                if (f.get(workload).split("/").length != 3) {
                    throw new InvalidInputException(new InputProblem(source, line, header.get(workload), f.get(workload),
                            "namespace/kind/name, e.g. shop/deployments/web"));
                }
                out.add(new Sample(t, f.get(workload), f.get(pod), f.get(container), c, m));
            }
        }
        return new WorkloadUsage(out);
    }

    private static int required(String source, List<String> names, List<String> header, String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new InvalidInputException(new InputProblem(source, 1, name, String.join(",", header),
                    "a header with time, workload, pod, container, cpu_<unit> and memory_<unit>"));
        }
        return i;
    }

    private static double number(String source, long line, String column, String text) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v) && v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(new InputProblem(source, line, column, text, "a usage >= 0"));
    }
}
