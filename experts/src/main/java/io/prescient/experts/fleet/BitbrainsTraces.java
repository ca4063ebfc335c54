package io.prescient.experts.fleet;

import io.prescient.core.Aggregation;
import io.prescient.core.RegularSeries;
import io.prescient.io.ingest.SourceFiles;
import io.prescient.io.read.Format;
import io.prescient.io.read.GwaReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads GWA-T-12 Bitbrains VM files into hourly traces: CPU usage in vCPUs (MHz over
 * {@link #MHZ_PER_VCPU}) and memory usage in GiB, hourly means of the 5-minute rows; a missing hour
 * repeats the hour before. VMs with less than {@code minP95Vcpu} of P95 CPU (idle machines whose
 * shape is noise) or with more than 10% of hours missing are left out.
 */
public final class BitbrainsTraces {

    public static final double MHZ_PER_VCPU = 2600;

    private BitbrainsTraces() {
    }

    public static List<Trace> read(Path directory, double minP95Vcpu) {
        List<Trace> out = new ArrayList<>();
        GwaReader reader = new GwaReader("bitbrains");
        for (Path file : SourceFiles.of(directory, Format.GWA)) {
            double[] cpu = null;
            double[] memory = null;
            String id = null;
            for (RegularSeries s : reader.read(file).series()) {
                if (s.key().metric().equals("cpu_usage_mhz")) {
                    cpu = hourly(s, 1 / MHZ_PER_VCPU);
                    id = s.key().item();
                } else if (s.key().metric().equals("memory_usage_kb")) {
                    memory = hourly(s, 1 / 1048576.0);
                }
            }
            if (cpu == null || memory == null || missing(cpu) > 0.1 || missing(memory) > 0.1) {
                continue;
            }
            int hours = Math.min(cpu.length, memory.length);
            Trace t = new Trace(id, fill(java.util.Arrays.copyOf(cpu, hours)), fill(java.util.Arrays.copyOf(memory, hours)));
            if (t.cpuQuantile(0.95) >= minP95Vcpu && t.memoryQuantile(0.95) > 0) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(directory + ": no GWA-T-12 VM file with enough CPU activity and data");
        }
        return out;
    }

    private static double[] hourly(RegularSeries s, double factor) {
        double[] v = s.resample(3600, Aggregation.MEAN).values();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return v;
    }

    private static double missing(double[] v) {
        return java.util.Arrays.stream(v).filter(Double::isNaN).count() / (double) Math.max(1, v.length);
    }

    private static double[] fill(double[] v) {
        double last = java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).findFirst().orElse(0);
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                v[i] = last;
            }
            last = v[i];
        }
        return v;
    }
}
