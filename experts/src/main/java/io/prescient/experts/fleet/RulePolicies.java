package io.prescient.experts.fleet;

import io.prescient.experts.catalogue.InstanceType;

import java.util.List;

/**
 * Hand-written operating policies: the five simulated skills and the rule-based rightsizer that
 * learnt policies are measured against. Each decides from the last week of monitored usage.
 */
public final class RulePolicies {

    private static final String GENERAL = "m6i";

    private final ActionSpace space;

    public RulePolicies(ActionSpace space) {
        this.space = space;
    }

    public OperatingPolicy of(Skill skill) {
        return switch (skill) {
            case EXPERT -> expert();
            case OVER_PROVISIONER -> overProvisioner();
            case UNDER_PROVISIONER -> underProvisioner();
            case CHURNER -> churner();
            case IDLE -> idle();
            case UNKNOWN -> throw new IllegalArgumentException("an account of unknown skill has no rule to run it");
        };
    }

    /**
     * The cheapest type in any family holding the week's P95 vCPUs at the tag's target utilisation
     * and its P95 memory at 85%; acts when the type has been in place a week (sooner when saturated)
     * and the change saves or adds more than 3%.
     */
    public OperatingPolicy expert() {
        return (o, random) -> {
            boolean saturated = o.saturatedShare() > 0.02;
            if (o.daysSinceChange() < 7 && !saturated) {
                return space.none(o.type());
            }
            InstanceType target = space.cheapestHolding(o.cpuQuantile(0.95) / o.tag().targetUtilisation(),
                    o.memoryQuantile(0.95) / 0.85, null);
            if (!saturated && Math.abs(target.hourlyUsd() / o.type().hourlyUsd() - 1) <= 0.03) {
                return space.none(o.type());
            }
            return space.toward(o.type(), target);
        };
    }

    /** General purpose only, two sizes above what holds the week's P95 at 65%; every two weeks. */
    public OperatingPolicy overProvisioner() {
        return (o, random) -> {
            if (o.daysSinceChange() < 14) {
                return space.none(o.type());
            }
            InstanceType fit = space.cheapestHolding(o.cpuQuantile(0.95) / 0.65, o.memoryQuantile(0.95) / 0.85, List.of(GENERAL));
            int size = Math.min(space.sizes().size() - 1, space.sizeOf(fit) + 2);
            return space.toward(o.type(), space.type(space.families().indexOf(GENERAL), size));
        };
    }

    /** General purpose, sized to the week's median usage at 95%; weekly. */
    public OperatingPolicy underProvisioner() {
        return (o, random) -> {
            if (o.daysSinceChange() < 7) {
                return space.none(o.type());
            }
            return space.toward(o.type(), space.cheapestHolding(o.cpuQuantile(0.5) / 0.95, o.memoryQuantile(0.5) / 0.95,
                    List.of(GENERAL)));
        };
    }

    /** With probability 0.3 a day, one size up or down in the current family, whatever the usage. */
    public OperatingPolicy churner() {
        return (o, random) -> {
            if (random.nextDouble() >= 0.3) {
                return space.none(o.type());
            }
            ActionSpace.Move m = new ActionSpace.Move(space.familyOf(o.type()), random.nextBoolean() ? 1 : -1);
            return space.valid(o.type(), m) ? m : space.none(o.type());
        };
    }

    public OperatingPolicy idle() {
        return (o, random) -> space.none(o.type());
    }

    /**
     * The common rule: a week after the last change, one size down in the same family when the
     * week's P95 CPU is under 40% (and P95 memory under 40%, so the smaller type still holds it),
     * one size up when either is over 80%.
     */
    public OperatingPolicy rightsizer() {
        return (o, random) -> {
            if (o.daysSinceChange() < 7) {
                return space.none(o.type());
            }
            double cpu = o.cpuUtilisation(0.95);
            double memory = o.memoryUtilisation(0.95);
            int family = space.familyOf(o.type());
            ActionSpace.Move m = cpu > 0.8 || memory > 0.8 ? new ActionSpace.Move(family, 1)
                    : cpu < 0.4 && memory < 0.4 ? new ActionSpace.Move(family, -1) : space.none(o.type());
            return space.valid(o.type(), m) ? m : space.none(o.type());
        };
    }

    /**
     * The VPA-style baseline for VMs: each day, the cheapest type in any family that holds the 90th
     * percentile of the week's CPU use, its hours weighing half as much each day back, plus 15%, and the
     * 95th percentile of memory plus 15%; a change only when that type costs more than 3% less or more.
     */
    public OperatingPolicy vpaStyle() {
        return (o, random) -> {
            InstanceType target = space.cheapestHolding(decayed(o.cpu(), 0.9) * 1.15, decayed(o.memory(), 0.95) * 1.15, null);
            if (Math.abs(target.hourlyUsd() / o.type().hourlyUsd() - 1) <= 0.03) {
                return space.none(o.type());
            }
            return space.toward(o.type(), target);
        };
    }

    /** The weighted quantile of hourly values, the newest hour weighing 1 and each hour 24 back half as much. */
    static double decayed(double[] hours, double q) {
        int n = hours.length;
        if (n == 0) {
            return 0;
        }
        double[][] v = new double[n][2];
        double total = 0;
        for (int h = 0; h < n; h++) {
            v[h][0] = hours[h];
            v[h][1] = Math.pow(0.5, (n - 1 - h) / 24.0);
            total += v[h][1];
        }
        java.util.Arrays.sort(v, java.util.Comparator.comparingDouble(x -> x[0]));
        double acc = 0;
        for (double[] x : v) {
            acc += x[1];
            if (acc >= q * total) {
                return x[0];
            }
        }
        return v[n - 1][0];
    }
}
