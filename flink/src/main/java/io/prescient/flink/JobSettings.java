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
 * the scenarios (YAML: the config's, and each workload's own), and each workload's capacity rules and
 * covariates' names (named workloads; the rest get the config's {@code *} rules).
 *
 * @param firstDecision grid step of a workload's first round (its first point is step 0)
 * @param maxHistory    steps of history kept per workload
 * @param workloadScenariosYaml each workload's own scenario file, by item ({@code *}: the rest's), simulated besides the config's
 */
public record JobSettings(long stepSeconds, int every, int firstDecision, int maxHistory, ServedModel model, LoopSettings loop,
                          String scenariosYaml, Map<String, CapacityModel> capacities, CapacityModel defaultCapacity,
                          Map<String, List<String>> covariates, List<String> defaultCovariates,
                          boolean nonNegative, Map<String, String> workloadScenariosYaml) implements Serializable {

    public JobSettings {
        workloadScenariosYaml = Map.copyOf(workloadScenariosYaml);
        capacities = Map.copyOf(capacities);
        covariates = Map.copyOf(covariates);
        defaultCovariates = List.copyOf(defaultCovariates);
        if (firstDecision < 1 || maxHistory < firstDecision || every < 1) {
            throw new IllegalArgumentException("need 1 <= first decision <= max history and every >= 1");
        }
    }

    /**
     * From the loop's assembly: named workloads' capacity rules by item, {@code *} (or the first workload) for the rest.
     *
     * @throws IllegalArgumentException for a model that must be trained first (the job cannot train across its keys), or a
     *                                  scenario that cannot reach a workload's plan
     */
    public static JobSettings of(LoopAssembly assembly, int firstDecision, int maxHistory) {
        LoopConfig c = assembly.config();
        if (assembly.configuredModelNeedsTraining()) {
            throw new IllegalArgumentException("model " + c.model() + " learns across series, which a streaming job cannot do: train it "
                    + "once (prescient model train --model '" + c.model() + "' ...) and set model: " + LoopAssembly.CHAMPION_PREFIX
                    + "<its scope> in the config, so the job serves the trained artifact");
        }
        Map<String, CapacityModel> named = new HashMap<>();
        Map<String, List<String>> namedCovariates = new HashMap<>();
        CapacityModel fallback = c.workloads().get(0).capacity();
        List<String> fallbackCovariates = List.copyOf(new java.util.TreeSet<>(c.workloads().get(0).covariates().keySet()));
        for (LoopConfig.Workload w : c.workloads()) {
            List<String> names = List.copyOf(new java.util.TreeSet<>(w.covariates().keySet()));
            if (w.series().equals("*")) {
                fallback = w.capacity();
                fallbackCovariates = names;
            } else {
                named.put(w.series(), w.capacity());
                namedCovariates.put(w.series(), names);
            }
        }
        ServedModel model = assembly.configuredModel(List.of(), line -> { });
        // a scenario that cannot reach a workload's plan (a covariate it lacks, or one the model does not read) refuses the job at start
        io.prescient.plan.loop.PlanningStep probe = LoopAssembly.step(model, assembly.scenarios(), fallback, assembly.settings());
        for (LoopConfig.Workload w : c.workloads()) {
            probe.reach(assembly.scenarios(w), w.covariates().keySet());
        }
        return new JobSettings(assembly.stepSeconds(), c.every(), firstDecision, maxHistory, model, assembly.settings(),
                assembly.scenariosYaml(), named, fallback, namedCovariates, fallbackCovariates, LoopAssembly.NON_NEGATIVE_DEMAND,
                assembly.workloadScenariosYaml());
    }

    /** The capacity rules of a workload ({@code item/metric}): its item's, else the default. */
    public CapacityModel capacity(String workload) {
        int slash = workload.indexOf('/');
        return capacities.getOrDefault(slash < 0 ? workload : workload.substring(0, slash), defaultCapacity);
    }

    /** The covariates a workload ({@code item/metric}) plans with: its item's, else the default's. */
    public List<String> covariates(String workload) {
        int slash = workload.indexOf('/');
        return covariates.getOrDefault(slash < 0 ? workload : workload.substring(0, slash), defaultCovariates);
    }

    /**
     * Whose own scenarios a workload ({@code item/metric}) simulates besides the config's: its item's
     * (a named workload), {@code *}'s (the rest), or "" for none.
     */
    public String scenarioScope(String workload) {
        int slash = workload.indexOf('/');
        String item = slash < 0 ? workload : workload.substring(0, slash);
        if (capacities.containsKey(item)) {
            return workloadScenariosYaml.containsKey(item) ? item : "";
        }
        return workloadScenariosYaml.containsKey("*") ? "*" : "";
    }

    /** Steps per day on the grid (the loop's season). */
    public int perDay() {
        return loop.season();
    }
}
