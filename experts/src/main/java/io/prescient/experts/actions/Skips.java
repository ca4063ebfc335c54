package io.prescient.experts.actions;

import java.util.Map;
import java.util.TreeMap;

/** What a reader passed over, counted by reason ("read-only verb get", "event DescribeInstances"). */
public final class Skips {

    private final Map<String, Integer> counts = new TreeMap<>();

    public void add(String reason) {
        counts.merge(reason, 1, Integer::sum);
    }

    public Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
