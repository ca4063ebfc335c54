package io.prescient.experts.fleet;

import io.prescient.experts.actions.ConfigAction;
import io.prescient.experts.catalogue.Catalogue;
import io.prescient.experts.catalogue.InstanceType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates accounts of VMs. Each VM's hourly vCPU demand replays a trace; each account's skill
 * decides, once a day from the second week on, the instance type of each VM (within the m6i family
 * of the catalogue) from the last week of its demand; every VM starts at a size guessed at launch
 * (drawn at random), so only accounts that act end up well sized. Emits the configuration actions (as CloudTrail would record them),
 * daily metrics and costs per account, and the ground truth.
 */
public final class FleetSimulator {

    /** An account: its skill and the demand traces (hourly vCPUs) of its VMs. */
    public record Account(String id, Skill skill, List<double[]> vms) {
    }

    /** What happened. */
    public record Fleet(List<Account> accounts, List<ConfigAction> actions, List<AccountDay> days) {
    }

    private final Catalogue catalogue;
    private final long start;
    private final long seed;

    public FleetSimulator(Catalogue catalogue, Instant start, long seed) {
        this.catalogue = catalogue;
        this.start = start.getEpochSecond();
        this.seed = seed;
    }

    public Fleet run(List<Account> accounts) {
        List<InstanceType> sizes = catalogue.all().stream().filter(t -> t.family().equals("m6i"))
                .sorted(java.util.Comparator.comparingInt(InstanceType::vcpu)).toList();
        List<ConfigAction> actions = new ArrayList<>();
        List<AccountDay> days = new ArrayList<>();
        SplittableRandom root = new SplittableRandom(seed);
        for (Account a : accounts) {
            SplittableRandom random = root.split();
            int hours = a.vms().stream().mapToInt(v -> v.length).min().orElse(0);
            int[] size = new int[a.vms().size()];
            for (int v = 0; v < size.length; v++) {
                size[v] = random.nextInt(sizes.size());
            }
            int[] outRun = new int[size.length];
            int[] lastChange = new int[size.length];
            Arrays.fill(lastChange, -100);
            for (int day = 0; day < hours / 24; day++) {
                double cost = 0;
                double served = 0;
                double utilisation = 0;
                double peak = 0;
                double wellSized = 0;
                int violations = 0;
                int changes = 0;
                for (int v = 0; v < size.length; v++) {
                    double[] demand = a.vms().get(v);
                    if (day >= 7) {
                        int want = decide(a.skill(), demand, day, size[v], lastChange[v], sizes, random);
                        if (want != size[v]) {
                            actions.add(new ConfigAction(Instant.ofEpochSecond(start + day * 86400L), a.id(), a.id() + "-vm" + v,
                                    ConfigAction.Kind.INSTANCE_TYPE, sizes.get(size[v]).name(), sizes.get(want).name(), "simulator"));
                            size[v] = want;
                            lastChange[v] = day;
                            changes++;
                        }
                    }
                    InstanceType t = sizes.get(size[v]);
                    double[] hourly = Arrays.copyOfRange(demand, day * 24, day * 24 + 24);
                    Arrays.sort(hourly);
                    double dayPeak = hourly[22] / t.vcpu();
                    peak += dayPeak / size.length;
                    boolean inBand = dayPeak >= 0.45 && dayPeak <= 0.85;
                    wellSized += inBand ? 1.0 / size.length : 0;
                    outRun[v] = inBand ? 0 : outRun[v] + 1;
                    for (int h = day * 24; h < day * 24 + 24; h++) {
                        cost += t.hourlyUsd();
                        served += Math.min(demand[h], t.vcpu());
                        utilisation += Math.min(1, demand[h] / t.vcpu()) / (24.0 * size.length);
                        violations += demand[h] > t.vcpu() ? 1 : 0;
                    }
                }
                days.add(new AccountDay(a.id(), day, cost, served, utilisation, peak, wellSized, Arrays.stream(outRun).max().orElse(0),
                        violations, changes));
            }
        }
        return new Fleet(accounts, actions, days);
    }

    /** The size index the skill wants for a VM, from the last seven days of its demand. */
    static int decide(Skill skill, double[] demand, int day, int current, int lastChange, List<InstanceType> sizes,
                      SplittableRandom random) {
        double[] week = Arrays.copyOfRange(demand, (day - 7) * 24, day * 24);
        double[] sorted = week.clone();
        Arrays.sort(sorted);
        double p95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
        double median = sorted[sorted.length / 2];
        return switch (skill) {
            case EXPERT -> day - lastChange >= 7 ? smallestFitting(p95 / 0.65, sizes) : current;
            case OVER_PROVISIONER -> day - lastChange >= 14 ? Math.min(sizes.size() - 1, smallestFitting(p95 / 0.65, sizes) + 2) : current;
            case UNDER_PROVISIONER -> day - lastChange >= 7 ? smallestFitting(median / 0.95, sizes) : current;
            case CHURNER -> random.nextDouble() < 0.3 ? Math.max(0, Math.min(sizes.size() - 1, current + (random.nextBoolean() ? 1 : -1)))
                    : current;
            case IDLE -> current;
        };
    }

    private static int smallestFitting(double vcpus, List<InstanceType> sizes) {
        for (int i = 0; i < sizes.size(); i++) {
            if (sizes.get(i).vcpu() >= vcpus) {
                return i;
            }
        }
        return sizes.size() - 1;
    }
}
