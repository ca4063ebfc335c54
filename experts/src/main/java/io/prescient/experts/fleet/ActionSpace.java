package io.prescient.experts.fleet;

import io.prescient.experts.catalogue.Catalogue;
import io.prescient.experts.catalogue.InstanceType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The configuration changes a policy may make to a VM: move to a family (possibly its own) and
 * step its size up or down by up to {@link #MAX_STEP}. Staying in the family with no step is the
 * no-op. Families and sizes are those of the catalogue that every family offers, smallest first.
 */
public final class ActionSpace {

    public static final int MAX_STEP = 3;

    /** One change: the target family's index and the size step. */
    public record Move(int family, int step) {
    }

    private final List<String> families;
    private final List<String> sizes;
    private final InstanceType[][] types;

    public ActionSpace(Catalogue catalogue) {
        List<InstanceType> all = catalogue.all();
        this.families = all.stream().map(InstanceType::family).distinct().sorted().toList();
        List<String> common = new ArrayList<>();
        all.stream().filter(t -> t.family().equals(families.get(0))).sorted(Comparator.comparingInt(InstanceType::vcpu))
                .map(InstanceType::size)
                .filter(s -> families.stream().allMatch(f -> catalogue.find(f + "." + s).isPresent()))
                .forEach(common::add);
        this.sizes = List.copyOf(common);
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("the catalogue has no size that every family " + families + " offers");
        }
        this.types = new InstanceType[families.size()][sizes.size()];
        for (int f = 0; f < families.size(); f++) {
            for (int s = 0; s < sizes.size(); s++) {
                types[f][s] = catalogue.get(families.get(f) + "." + sizes.get(s));
            }
        }
    }

    public List<String> families() {
        return families;
    }

    public List<String> sizes() {
        return sizes;
    }

    public int size() {
        return families.size() * (2 * MAX_STEP + 1);
    }

    public InstanceType type(int family, int size) {
        return types[family][size];
    }

    public int familyOf(InstanceType t) {
        int f = families.indexOf(t.family());
        if (f < 0 || sizeOf(t) < 0) {
            throw new IllegalArgumentException("instance type " + t.name() + " is outside the action space " + families + " x " + sizes);
        }
        return f;
    }

    public int sizeOf(InstanceType t) {
        return sizes.indexOf(t.size());
    }

    public int index(Move m) {
        return m.family() * (2 * MAX_STEP + 1) + m.step() + MAX_STEP;
    }

    public Move move(int index) {
        return new Move(index / (2 * MAX_STEP + 1), index % (2 * MAX_STEP + 1) - MAX_STEP);
    }

    public Move none(InstanceType current) {
        return new Move(familyOf(current), 0);
    }

    /** Whether the move lands on a listed size from {@code current}. */
    public boolean valid(InstanceType current, Move m) {
        int to = sizeOf(current) + m.step();
        return to >= 0 && to < sizes.size();
    }

    /** The type a move leads to (the size clamped to the listed ones). */
    public InstanceType apply(InstanceType current, Move m) {
        int to = Math.max(0, Math.min(sizes.size() - 1, sizeOf(current) + m.step()));
        return types[m.family()][to];
    }

    /** The move from {@code current} towards {@code target}, the size step clamped to {@link #MAX_STEP}. */
    public Move toward(InstanceType current, InstanceType target) {
        int step = Math.max(-MAX_STEP, Math.min(MAX_STEP, sizeOf(target) - sizeOf(current)));
        return new Move(familyOf(target), step);
    }

    /**
     * The family whose memory per vCPU suits a usage profile: the leanest one with at least
     * {@code memoryGib / cpu} GiB per vCPU (the richest when none has that much).
     */
    public String familyFor(double cpu, double memoryGib) {
        double need = memoryGib / Math.max(1e-9, cpu);
        String best = null;
        double bestRatio = Double.POSITIVE_INFINITY;
        String richest = null;
        double richestRatio = 0;
        for (int f = 0; f < families.size(); f++) {
            double ratio = types[f][0].memoryGib() / types[f][0].vcpu();
            if (ratio >= need && ratio < bestRatio) {
                best = families.get(f);
                bestRatio = ratio;
            }
            if (ratio > richestRatio) {
                richest = families.get(f);
                richestRatio = ratio;
            }
        }
        return best != null ? best : richest;
    }

    /**
     * The cheapest type that holds {@code cpu} vCPUs and {@code memoryGib} GiB within {@code families}
     * (all when null); the largest general-purpose size when none does.
     */
    public InstanceType cheapestHolding(double cpu, double memoryGib, List<String> within) {
        InstanceType best = null;
        for (int f = 0; f < families.size(); f++) {
            if (within != null && !within.contains(families.get(f))) {
                continue;
            }
            for (int s = 0; s < sizes.size(); s++) {
                InstanceType t = types[f][s];
                if (t.vcpu() >= cpu && t.memoryGib() >= memoryGib && (best == null || t.hourlyUsd() < best.hourlyUsd())) {
                    best = t;
                }
            }
        }
        if (best == null) {
            int f = within == null ? families.size() / 2 : families.indexOf(within.get(0));
            return types[f][sizes.size() - 1];
        }
        return best;
    }
}
