package io.prescient.experts.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test traces: a daily cycle around a level that shifts once, with noise and occasional bursts; memory follows slowly. */
final class SyntheticTraces {

    private SyntheticTraces() {
    }

    static List<Trace> of(int count, int days, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Trace> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double level = 0.5 + 6 * r.nextDouble();
            double memoryLevel = level * (1 + 8 * r.nextDouble());
            int shift = 24 * (8 + r.nextInt(days - 10));
            double factor = Math.exp(r.nextGaussian() * 0.5);
            double[] cpu = new double[days * 24];
            double[] memory = new double[days * 24];
            for (int h = 0; h < cpu.length; h++) {
                double l = h < shift ? level : level * factor;
                cpu[h] = Math.max(0.05, l * (1 + 0.4 * Math.sin(2 * Math.PI * h / 24)) * (1 + 0.1 * r.nextGaussian())
                        + (r.nextDouble() < 0.01 ? l : 0));
                memory[h] = memoryLevel * (h < shift ? 1 : Math.sqrt(factor)) * (1 + 0.05 * r.nextGaussian());
            }
            out.add(new Trace("t" + i, cpu, memory));
        }
        return out;
    }
}
