package io.prescient.experts.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One account's day, summed over its VMs: cost, the catalogue floor cost for the same usage, mean
 * utilisation, the share of VMs well sized, the longest run so far of days any one VM spent not well
 * sized, saturated hours, type changes, the number of VMs, and how many of them are production VMs
 * and production VMs running hot (P95 utilisation over {@link #HOT}: no headroom for a burst), and the share of VMs
 * in the family that suits their usage.
 */
public record AccountDay(String account, int day, double costUsd, double floorCostUsd, double utilisation, double wellSized,
                         int outOfBandRun, int violationHours, int changes, int resources,
                         int productionDays, int hotProductionDays, double rightFamily) {

    public static final double HOT = 0.8;

    /** Account days from VM days (any order). */
    public static List<AccountDay> of(List<ResourceDay> days) {
        List<ResourceDay> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.comparing(ResourceDay::resource).thenComparingInt(ResourceDay::day));
        Map<String, Integer> run = new HashMap<>();
        Map<String, Integer> longest = new HashMap<>();
        Map<String, Map<Integer, List<ResourceDay>>> byAccount = new LinkedHashMap<>();
        Map<String, Integer> longestAtDay = new HashMap<>();
        for (ResourceDay d : sorted) {
            int r = d.wellSized() ? 0 : run.getOrDefault(d.resource(), 0) + 1;
            run.put(d.resource(), r);
            longest.merge(d.resource(), r, Math::max);
            longestAtDay.merge(d.account() + "#" + d.day(), longest.get(d.resource()), Math::max);
            byAccount.computeIfAbsent(d.account(), k -> new java.util.TreeMap<>()).computeIfAbsent(d.day(), k -> new ArrayList<>()).add(d);
        }
        List<AccountDay> out = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, List<ResourceDay>>> a : byAccount.entrySet()) {
            int soFar = 0;
            for (Map.Entry<Integer, List<ResourceDay>> e : a.getValue().entrySet()) {
                List<ResourceDay> ds = e.getValue();
                int n = ds.size();
                soFar = Math.max(soFar, longestAtDay.get(a.getKey() + "#" + e.getKey()));
                out.add(new AccountDay(a.getKey(), e.getKey(), ds.stream().mapToDouble(ResourceDay::costUsd).sum(),
                        ds.stream().mapToDouble(ResourceDay::floorCostUsd).sum(),
                        ds.stream().mapToDouble(ResourceDay::utilisation).sum() / n,
                        ds.stream().filter(ResourceDay::wellSized).count() / (double) n, soFar,
                        ds.stream().mapToInt(ResourceDay::violationHours).sum(),
                        (int) ds.stream().filter(ResourceDay::changed).count(), n,
                        (int) ds.stream().filter(d -> d.tag() == Tag.PRODUCTION).count(),
                        (int) ds.stream().filter(d -> d.tag() == Tag.PRODUCTION && d.peak() > HOT).count(),
                        ds.stream().filter(ResourceDay::rightFamily).count() / (double) n));
            }
        }
        return out;
    }
}
