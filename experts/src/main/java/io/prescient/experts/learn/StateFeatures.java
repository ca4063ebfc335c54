package io.prescient.experts.learn;

import io.prescient.experts.fleet.ActionSpace;
import io.prescient.experts.fleet.Observation;
import io.prescient.experts.fleet.Tag;
import io.prescient.experts.catalogue.InstanceType;

import java.util.List;

/**
 * What a learnt policy reads of a VM: utilisation levels of the last week (P50, P95 and peak CPU,
 * P95 memory, in log2 of the type's capacity), saturation, the size and family in place, the tag,
 * days since the last change, and the usage pattern: the trend (last two days against the week),
 * the CPU-memory correlation, the strength of the daily cycle and memory per vCPU; and, for each
 * family, how many sizes up or down the smallest type holding the week's P95 is, and its price
 * against the current type (what a person reads off the catalogue).
 */
public final class StateFeatures {

    public static final int COUNT = 22;

    private StateFeatures() {
    }

    public static float[] of(Observation o, ActionSpace space) {
        float[] x = new float[COUNT];
        double vcpu = o.type().vcpu();
        double memory = o.type().memoryGib();
        x[0] = log2(o.cpuQuantile(0.95) / vcpu) / 3;
        x[1] = log2(o.cpuQuantile(0.5) / vcpu) / 3;
        x[2] = log2(o.cpuQuantile(1.0) / vcpu) / 3;
        x[3] = log2(o.memoryQuantile(0.95) / memory) / 3;
        x[4] = (float) (5 * o.saturatedShare());
        x[5] = space.sizes().size() <= 1 ? 0 : (float) space.sizeOf(o.type()) / (space.sizes().size() - 1);
        int family = space.familyOf(o.type());
        for (int f = 0; f < Math.min(3, space.families().size()); f++) {
            x[6 + f] = f == family ? 1 : 0;
        }
        x[9] = o.tag() == Tag.PRODUCTION ? 1 : 0;
        x[10] = Math.min(14, o.daysSinceChange()) / 14f;
        x[11] = trend(o.cpu());
        x[12] = (float) correlation(o.cpu(), o.memory());
        x[13] = (float) dailyCycle(o.cpu());
        x[14] = log2(o.memoryQuantile(0.95) / Math.max(1e-3, o.cpuQuantile(0.95)) / 4) / 3;
        x[15] = log2(o.cpuQuantile(0.95) / o.tag().targetUtilisation() / vcpu) / 3;
        int size = space.sizeOf(o.type());
        for (int f = 0; f < Math.min(3, space.families().size()); f++) {
            InstanceType fit = space.cheapestHolding(o.cpuQuantile(0.95), o.memoryQuantile(0.95), List.of(space.families().get(f)));
            boolean holds = fit.vcpu() >= o.cpuQuantile(0.95) && fit.memoryGib() >= o.memoryQuantile(0.95);
            x[16 + f] = (space.sizeOf(fit) - size + (holds ? 0 : 1)) / 3f;
            x[19 + f] = log2(fit.hourlyUsd() / o.type().hourlyUsd()) / 3;
        }
        return x;
    }

    /** Which moves are open from the observed type (sizes stay within the catalogue). */
    public static boolean[] mask(Observation o, ActionSpace space) {
        boolean[] m = new boolean[space.size()];
        for (int a = 0; a < m.length; a++) {
            m[a] = space.valid(o.type(), space.move(a));
        }
        return m;
    }

    private static float log2(double v) {
        return (float) (Math.log(Math.max(1e-3, v)) / Math.log(2));
    }

    private static float trend(double[] x) {
        double week = 0;
        double recent = 0;
        int tail = Math.min(48, x.length);
        for (int i = 0; i < x.length; i++) {
            week += x[i] / x.length;
            if (i >= x.length - tail) {
                recent += x[i] / tail;
            }
        }
        return (float) Math.max(-2, Math.min(2, Math.log(Math.max(1e-6, recent) / Math.max(1e-6, week))));
    }

    static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa < 1e-12 || sbb < 1e-12 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    /** Share of the variance explained by the mean hour-of-day profile. */
    static double dailyCycle(double[] x) {
        double[] profile = new double[24];
        int[] count = new int[24];
        double mean = 0;
        for (int i = 0; i < x.length; i++) {
            profile[i % 24] += x[i];
            count[i % 24]++;
            mean += x[i] / x.length;
        }
        double total = 0;
        double explained = 0;
        for (int i = 0; i < x.length; i++) {
            double p = profile[i % 24] / count[i % 24];
            total += (x[i] - mean) * (x[i] - mean);
            explained += (p - mean) * (p - mean);
        }
        return total < 1e-12 ? 0 : Math.min(1, explained / total);
    }
}
