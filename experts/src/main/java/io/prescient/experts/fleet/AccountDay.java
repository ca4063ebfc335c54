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
 * and production VMs running hot (P95 utilisation over {@link #HOT}: no headroom for a burst), the share of VMs
 * in the family that suits their usage, and the changes made without headroom: type changes whose new type is
 * more than {@link #TIGHT} used at the previous week's mean daily P95 of CPU or memory (read from the action log
 * beside the metrics; an operator who sizes to the median makes these).
 */
public record AccountDay(String account, int day, double costUsd, double floorCostUsd, double utilisation, double wellSized,
                         int outOfBandRun, int violationHours, int changes, int resources,
                         int productionDays, int hotProductionDays, double rightFamily, int tightChanges) {

    public static final double HOT = 0.8;
    public static final double TIGHT = 0.9;
    private static final int WEEK = 7;

    /** Account days from VM days (any order). */
    public static List<AccountDay> of(List<ResourceDay> days) {
        List<ResourceDay> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.comparing(ResourceDay::resource).thenComparingInt(ResourceDay::day));
        Map<String, Integer> run = new HashMap<>();
        Map<String, Integer> longest = new HashMap<>();
        Map<String, Map<Integer, List<ResourceDay>>> byAccount = new LinkedHashMap<>();
        Map<String, Integer> longestAtDay = new HashMap<>();
        Map<String, Integer> tightAtDay = new HashMap<>();
        Map<String, java.util.ArrayDeque<ResourceDay>> lastWeek = new HashMap<>();
        for (ResourceDay d : sorted) {
            java.util.ArrayDeque<ResourceDay> week = lastWeek.computeIfAbsent(d.resource(), k -> new java.util.ArrayDeque<>());
            if (d.changed() && !week.isEmpty() && usedShare(week, d.type()) > TIGHT) {
                tightAtDay.merge(d.account() + "#" + d.day(), 1, Integer::sum);
            }
            week.addLast(d);
            if (week.size() > WEEK) {
                week.removeFirst();
            }
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
                        ds.stream().filter(ResourceDay::rightFamily).count() / (double) n,
                        tightAtDay.getOrDefault(a.getKey() + "#" + e.getKey(), 0)));
            }
        }
        return out;
    }

    /** The same day under another account id (pseudonymisation). */
    public AccountDay withAccount(String id) {
        return new AccountDay(id, day, costUsd, floorCostUsd, utilisation, wellSized, outOfBandRun, violationHours, changes, resources,
                productionDays, hotProductionDays, rightFamily, tightChanges);
    }

    /** The larger of CPU and memory use on {@code type} at the mean daily P95 of the days given. */
    private static double usedShare(java.util.Collection<ResourceDay> days, io.prescient.experts.catalogue.InstanceType type) {
        double cpu = days.stream().mapToDouble(ResourceDay::p95Cpu).average().orElse(0);
        double memory = days.stream().mapToDouble(ResourceDay::p95MemoryGib).average().orElse(0);
        return Math.max(cpu / type.vcpu(), memory / type.memoryGib());
    }
}
