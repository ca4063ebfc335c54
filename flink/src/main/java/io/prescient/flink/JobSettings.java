package io.prescient.flink;

import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.config.LoopWorkloads;
import io.prescient.plan.loop.LoopSettings;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * What every parallel instance of the planning function needs, taken from a loop config once at
 * submission: the grid step, the rounds' spacing and first step, the model, Monte Carlo and planning
 * settings, the scenarios (YAML), and each workload's capacity rules (named workloads; the rest get
 * the config's {@code *} rules).
 *
 * @param firstDecision grid step of a workload's first round (its first point is step 0)
 * @param maxHistory    steps of history kept per workload
 */
public record JobSettings(long stepSeconds, int every, int firstDecision, int maxHistory, String model, LoopSettings loop,
                          String scenariosYaml, Map<String, CapacityModel> capacities, CapacityModel defaultCapacity,
                          boolean nonNegative) implements Serializable {

    public JobSettings {
        capacities = Map.copyOf(capacities);
        if (firstDecision < 1 || maxHistory < firstDecision || every < 1) {
            throw new IllegalArgumentException("need 1 <= first decision <= max history and every >= 1");
        }
    }

    /** From a config: named workloads' capacity rules by item, {@code *} (or the first workload) for the rest. */
    public static JobSettings of(LoopConfig c, int firstDecision, int maxHistory) {
        LoopWorkloads assembly = new LoopWorkloads(c, null);
        Map<String, CapacityModel> named = new HashMap<>();
        CapacityModel fallback = c.workloads().get(0).capacity();
        for (LoopConfig.Workload w : c.workloads()) {
            if (w.series().equals("*")) {
                fallback = w.capacity();
            } else {
                named.put(w.series(), w.capacity());
            }
        }
        String yaml = c.scenarios().map(p -> {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
            }
        }).orElse("");
        return new JobSettings(assembly.stepSeconds(), c.every(), firstDecision, maxHistory, c.model(), assembly.settings(), yaml, named,
                fallback, true);
    }

    /** The capacity rules of a workload ({@code item/metric}): its item's, else the default. */
    public CapacityModel capacity(String workload) {
        int slash = workload.indexOf('/');
        return capacities.getOrDefault(slash < 0 ? workload : workload.substring(0, slash), defaultCapacity);
    }

    public int perDay() {
        return (int) Math.max(1, 86_400 / stepSeconds);
    }
}
