package io.prescient.experts.fleet;

import io.prescient.experts.catalogue.InstanceType;

import java.util.Arrays;

/**
 * What an operator sees of one VM before deciding on a day: its tag, current type, days since its
 * type last changed, and the last week of hourly usage as monitoring records it (vCPUs and GiB,
 * capped at what the type has: saturation shows as 100%).
 */
public record Observation(String resource, Tag tag, InstanceType type, int daysSinceChange, double[] cpu, double[] memory) {

    public double cpuUtilisation(double quantile) {
        return quantile(cpu, quantile) / type.vcpu();
    }

    public double memoryUtilisation(double quantile) {
        return quantile(memory, quantile) / type.memoryGib();
    }

    public double cpuQuantile(double q) {
        return quantile(cpu, q);
    }

    public double memoryQuantile(double q) {
        return quantile(memory, q);
    }

    /** Share of hours at the type's vCPUs or memory. */
    public double saturatedShare() {
        int n = 0;
        for (int h = 0; h < cpu.length; h++) {
            n += cpu[h] >= type.vcpu() * 0.999 || memory[h] >= type.memoryGib() * 0.999 ? 1 : 0;
        }
        return cpu.length == 0 ? 0 : (double) n / cpu.length;
    }

    static double quantile(double[] x, double q) {
        if (x.length == 0) {
            return 0;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, Math.max(0, (int) Math.ceil(q * s.length) - 1))];
    }
}
