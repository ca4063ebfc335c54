package io.prescient.experts.workloads;

import io.prescient.experts.actions.ConfigAction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A workload's configuration as its audit log last set it: replicas, and each container's CPU and
 * memory requests (in cores and GiB).
 */
public record WorkloadConfig(String workload, int replicas, Map<String, double[]> requests) {

    /** From the actions kept from audit logs, the latest of each. */
    public static Map<String, WorkloadConfig> latest(List<ConfigAction> actions) {
        Map<String, Integer> replicas = new HashMap<>();
        Map<String, Map<String, double[]>> requests = new HashMap<>();
        for (ConfigAction a : actions) {
            if (a.kind() == ConfigAction.Kind.REPLICAS) {
                try {
                    replicas.put(a.resource(), Integer.parseInt(a.to().strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(a.resource() + " at " + a.time() + ": replicas '" + a.to() + "' is not a whole number");
                }
            } else if (a.kind() == ConfigAction.Kind.RESOURCE_REQUESTS) {
                int cut = a.resource().lastIndexOf('/');
                String workload = a.resource().substring(0, cut);
                String container = a.resource().substring(cut + 1);
                double[] r = requests.computeIfAbsent(workload, k -> new HashMap<>()).computeIfAbsent(container, k -> new double[] {
                        Double.NaN, Double.NaN});
                for (String part : a.to().split("\\s+")) {
                    String[] kv = part.split("=", 2);
                    if (kv.length == 2 && kv[0].equals("cpu")) {
                        r[0] = Quantities.cores(kv[1]);
                    } else if (kv.length == 2 && kv[0].equals("memory")) {
                        r[1] = Quantities.gib(kv[1]);
                    }
                }
            }
        }
        Map<String, WorkloadConfig> out = new HashMap<>();
        java.util.Set<String> all = new java.util.HashSet<>(replicas.keySet());
        all.addAll(requests.keySet());
        for (String w : all) {
            out.put(w, new WorkloadConfig(w, replicas.getOrDefault(w, 1), requests.getOrDefault(w, Map.of())));
        }
        return out;
    }
}
