package io.prescient.flink;

import io.prescient.forecast.registry.ServedModel;
import io.prescient.plan.LoopAssembly;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.loop.LoopSettings;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every parallel instance of the planning function needs, taken from the loop's assembly once
 * at submission: the grid step, the rounds' spacing and first step, the model it serves (a registry
 * champion's artifact, a trained network included, travels inside the job), the planning settings,
 * the scenarios (YAML), and each workload's capacity rules (named workloads; the rest get the
 * config's {@code *} rules).
 *
 * @param firstDecision grid step of a workload's first round (its first point is step 0)
 * @param maxHistory    steps of history kept per workload
 */
public record JobSettings(long stepSeconds, int every, int firstDecision, int maxHistory, ServedModel model, LoopSettings loop,
                          String scenariosYaml, Map<String, CapacityModel> capacities, CapacityModel defaultCapacity,
                          boolean nonNegative) implements Serializable {

    public JobSettings {
        capacities = Map.copyOf(capacities);
        if (firstDecision < 1 || maxHistory < firstDecision || every < 1) {
            throw new IllegalArgumentException("need 1 <= first decision <= max history and every >= 1");
        }
    }

    /**
     * From the loop's assembly: named workloads' capacity rules by item, {@code *} (or the first workload) for the rest.
     *
     * @throws IllegalArgumentException for a model that must be trained first: the job cannot train across its keys
     */
    public static JobSettings of(LoopAssembly assembly, int firstDecision, int maxHistory) {
        LoopConfig c = assembly.config();
        if (assembly.configuredModelNeedsTraining()) {
            throw new IllegalArgumentException("model " + c.model() + " learns across series, which a streaming job cannot do: train it "
                    + "once (prescient model train --model " + c.model() + " ...) and set model: " + LoopAssembly.CHAMPION_PREFIX
                    + "<its scope> in the config, so the job serves the trained artifact");
        }
        if (c.workloads().stream().anyMatch(w -> !w.covariates().isEmpty())) {
            throw new IllegalArgumentException("the Flink job plans from the demand points alone; workloads with covariates run in "
                    + "prescient run or serve");
        }
        Map<String, CapacityModel> named = new HashMap<>();
        CapacityModel fallback = c.workloads().get(0).capacity();
        for (LoopConfig.Workload w : c.workloads()) {
            if (w.series().equals("*")) {
                fallback = w.capacity();
            } else {
                named.put(w.series(), w.capacity());
            }
        }
        ServedModel model = assembly.configuredModel(List.of(), line -> { });
        return new JobSettings(assembly.stepSeconds(), c.every(), firstDecision, maxHistory, model, assembly.settings(),
                assembly.scenariosYaml(), named, fallback, LoopAssembly.NON_NEGATIVE_DEMAND);
    }

    /** The capacity rules of a workload ({@code item/metric}): its item's, else the default. */
    public CapacityModel capacity(String workload) {
        int slash = workload.indexOf('/');
        return capacities.getOrDefault(slash < 0 ? workload : workload.substring(0, slash), defaultCapacity);
    }

    /** Steps per day on the grid (the loop's season). */
    public int perDay() {
        return loop.season();
    }
}
