package io.prescient.experts.workloads;

import io.prescient.experts.recommend.Recommendation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recommends Kubernetes workloads' container requests and replicas from their usage.
 *
 * <p>Requests, as the VPA does: each container's CPU request is the 90th percentile of a histogram of
 * its pods' CPU use whose samples decay with a half-life (24 hours), plus a margin (15%); memory the
 * 95th percentile plus the margin. A request is recommended when it moves by more than 10%.
 * Replicas: the workload's total CPU use at its 95th percentile over the pods' CPU requests at a target
 * utilisation (70%), rounded up, at least one.
 *
 * <p>Each is priced per vCPU-hour and GiB-hour of requests; its risk is the share of the usage it would
 * not have covered (of pod samples above the new CPU request, or of hours with the total above the
 * new replicas' requests: 20% is flagged, 50% withheld); its confidence grows with the days of usage
 * behind it (full at a week); and it is explained with the figures it was made from.
 */
public final class WorkloadRecommender {

    private static final double HOURS_PER_MONTH = 730;

    /** Prices of a requested vCPU and GiB for an hour (defaults: AWS Fargate's on-demand, us-east-1, 2024). */
    public record Prices(double vcpuHourUsd, double gibHourUsd) {

        public static Prices fargate() {
            return new Prices(0.04048, 0.004445);
        }
    }

    private final Prices prices;
    private final double halfLifeHours;
    private final double margin;
    private final double target;
    private final double saturatedHourUsd;

    public WorkloadRecommender(Prices prices, double halfLifeHours, double margin, double target, double saturatedHourUsd) {
        this.prices = prices;
        this.halfLifeHours = halfLifeHours;
        this.margin = margin;
        this.target = target;
        this.saturatedHourUsd = saturatedHourUsd;
    }

    public static WorkloadRecommender defaults() {
        return new WorkloadRecommender(Prices.fargate(), 24, 0.15, 0.7, 10);
    }

    public List<Recommendation> recommend(Map<String, WorkloadConfig> configs, WorkloadUsage usage) {
        Map<String, List<WorkloadUsage.Sample>> byWorkload = new TreeMap<>();
        usage.samples().forEach(s -> byWorkload.computeIfAbsent(s.workload(), k -> new ArrayList<>()).add(s));
        List<Recommendation> out = new ArrayList<>();
        byWorkload.forEach((workload, samples) -> {
            WorkloadConfig config = configs.get(workload);
            if (config == null) {
                return;
            }
            Instant latest = samples.stream().map(WorkloadUsage.Sample::time).max(Comparator.naturalOrder()).orElseThrow();
            Instant earliest = samples.stream().map(WorkloadUsage.Sample::time).min(Comparator.naturalOrder()).orElseThrow();
            double hoursOfData = Math.max(1, (latest.getEpochSecond() - earliest.getEpochSecond()) / 3600.0);
            double confidence = Math.min(1, hoursOfData / (7 * 24));
            Map<String, double[]> newRequests = new TreeMap<>();
            for (Map.Entry<String, double[]> e : config.requests().entrySet()) {
                String container = e.getKey();
                List<WorkloadUsage.Sample> mine = samples.stream().filter(s -> s.container().equals(container)).toList();
                if (mine.isEmpty() || Double.isNaN(e.getValue()[0]) || Double.isNaN(e.getValue()[1])) {
                    continue;
                }
                double cpu = Math.max(0.01, decayed(mine, latest, true, 0.9) * (1 + margin));
                double memory = Math.max(1.0 / 64, decayed(mine, latest, false, 0.95) * (1 + margin));
                newRequests.put(container, new double[] {cpu, memory});
                double oldCpu = e.getValue()[0];
                double oldMemory = e.getValue()[1];
                if (Math.abs(cpu / oldCpu - 1) <= 0.1 && Math.abs(memory / oldMemory - 1) <= 0.1) {
                    continue;
                }
                out.add(requests(workload, container, config.replicas(), mine, oldCpu, oldMemory, cpu, memory, confidence));
            }
            double perPodCpu = newRequests.values().stream().mapToDouble(r -> r[0]).sum();
            double perPodMemory = newRequests.values().stream().mapToDouble(r -> r[1]).sum();
            if (perPodCpu > 0) {
                Recommendation r = replicas(workload, config.replicas(), samples, perPodCpu, perPodMemory, confidence);
                if (r != null) {
                    out.add(r);
                }
            }
        });
        return out;
    }

    private Recommendation requests(String workload, String container, int replicas, List<WorkloadUsage.Sample> mine, double oldCpu,
                                    double oldMemory, double cpu, double memory, double confidence) {
        double savings = replicas * HOURS_PER_MONTH * ((oldCpu - cpu) * prices.vcpuHourUsd() + (oldMemory - memory) * prices.gibHourUsd());
        double[] cpus = mine.stream().mapToDouble(WorkloadUsage.Sample::cpu).sorted().toArray();
        double[] mems = mine.stream().mapToDouble(WorkloadUsage.Sample::memoryGib).sorted().toArray();
        double p95 = cpus[(int) Math.ceil(0.95 * cpus.length) - 1];
        double memP95 = mems[(int) Math.ceil(0.95 * mems.length) - 1];
        double above = (double) mine.stream().filter(s -> s.cpu() > cpu).count() / mine.size();
        double hoursWeek = above * 168;
        double risk = above;
        double net = savings - hoursWeek * 52.0 / 12 * saturatedHourUsd;
        String from = "cpu=" + Quantities.cpu(oldCpu) + " memory=" + Quantities.memory(oldMemory);
        String to = "cpu=" + Quantities.cpu(cpu) + " memory=" + Quantities.memory(memory);
        String level = Recommendation.riskOf(risk);
        String text = String.format(Locale.ROOT, "%s container %s: requests %s to %s (VPA-style: the 90th percentile of CPU use and "
                        + "95th of memory, samples halving every %.0f hours, plus %.0f%%). %s $%.2f a month over %d replicas. P95 CPU use "
                        + "%.3f cores is %.0f%% of the new request; P95 memory %.2f GiB is %.0f%% of it; %.1f%% of pod samples used more "
                        + "CPU than the new request (%.1f hours a week; risk %.0f%%). Expected net benefit $%.2f a month after those hours "
                        + "at $%.2f each.%s", workload, container, from, to, halfLifeHours, 100 * margin, savings >= 0 ? "Saves" : "Costs more by",
                Math.abs(savings), replicas, p95, 100 * p95 / cpu, memP95, 100 * memP95 / memory, 100 * above, hoursWeek, 100 * risk, net,
                saturatedHourUsd, suffix(level));
        return new Recommendation(workload + "/" + container + "->" + to.replace(' ', ','), workload.split("/")[0], workload + "/"
                + container, "kubernetes", from, to, savings, p95 / oldCpu, p95 / cpu, memP95 / memory, hoursWeek, risk, 0, 0,
                confidence, text, net, level);
    }

    private Recommendation replicas(String workload, int current, List<WorkloadUsage.Sample> samples, double perPodCpu, double perPodMemory,
                                    double confidence) {
        // pods are sampled seconds apart: the total of a 5-minute bucket is the sum over pods of each pod's mean CPU in it
        Map<Long, Map<String, double[]>> buckets = new TreeMap<>();
        samples.forEach(s -> {
            double[] m = buckets.computeIfAbsent(Math.floorDiv(s.time().getEpochSecond(), 300L), k -> new TreeMap<>())
                    .computeIfAbsent(s.pod() + "/" + s.container(), k -> new double[2]);
            m[0] += s.cpu();
            m[1]++;
        });
        Map<Long, Double> total = new TreeMap<>();
        buckets.forEach((b, pods) -> total.put(b, pods.values().stream().mapToDouble(m -> m[0] / m[1]).sum()));
        double[] totals = total.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double p95 = totals[(int) Math.ceil(0.95 * totals.length) - 1];
        int wanted = Math.max(1, (int) Math.ceil(p95 / (perPodCpu * target)));
        if (wanted == current) {
            return null;
        }
        double savings = (current - wanted) * HOURS_PER_MONTH * (perPodCpu * prices.vcpuHourUsd() + perPodMemory * prices.gibHourUsd());
        double above = (double) total.values().stream().filter(v -> v > wanted * perPodCpu).count() / totals.length;
        double hoursWeek = above * 168;
        double risk = above;
        double net = savings - hoursWeek * 52.0 / 12 * saturatedHourUsd;
        String level = Recommendation.riskOf(risk);
        String text = String.format(Locale.ROOT, "%s: replicas %d to %d (the total CPU use's P95, %.2f cores, over %.0f%% of the %.3f "
                        + "cores each pod requests). %s $%.2f a month. %.1f%% of 5-minute intervals used more CPU than %d pods request "
                        + "(%.1f hours a week; risk %.0f%%). Expected net benefit $%.2f a month after those hours at $%.2f each.%s", workload, current, wanted,
                p95, 100 * target, perPodCpu, savings >= 0 ? "Saves" : "Costs more by", Math.abs(savings), 100 * above, wanted, hoursWeek,
                100 * risk, net, saturatedHourUsd, suffix(level));
        return new Recommendation(workload + "->replicas=" + wanted, workload.split("/")[0], workload, "kubernetes", "replicas=" + current,
                "replicas=" + wanted, savings, p95 / (current * perPodCpu), p95 / (wanted * perPodCpu), Double.NaN, hoursWeek, risk, 0, 0,
                confidence, text, net, level);
    }

    private static String suffix(String level) {
        return level.equals("high") ? " Withheld: too likely to run short." : level.equals("material")
                ? " Flagged: a material chance of running short; review before applying." : "";
    }

    /** The weighted quantile of CPU (or memory) use, each sample weighing 0.5^(age / half-life). */
    private double decayed(List<WorkloadUsage.Sample> samples, Instant latest, boolean cpu, double q) {
        double[][] v = new double[samples.size()][2];
        double total = 0;
        for (int i = 0; i < samples.size(); i++) {
            WorkloadUsage.Sample s = samples.get(i);
            double age = (latest.getEpochSecond() - s.time().getEpochSecond()) / 3600.0;
            v[i][0] = cpu ? s.cpu() : s.memoryGib();
            v[i][1] = Math.pow(0.5, age / halfLifeHours);
            total += v[i][1];
        }
        java.util.Arrays.sort(v, Comparator.comparingDouble(x -> x[0]));
        double acc = 0;
        for (double[] x : v) {
            acc += x[1];
            if (acc >= q * total) {
                return x[0];
            }
        }
        return v[v.length - 1][0];
    }
}
