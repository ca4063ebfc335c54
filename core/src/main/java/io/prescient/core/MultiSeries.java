package io.prescient.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A target series with named covariates on the same grid, e.g. CPU demand beside active users and
 * transactions per second. Covariates keep the order in which they were given.
 */
public final class MultiSeries {

    private final RegularSeries target;
    private final Map<String, RegularSeries> covariates;

    /** @throws IllegalArgumentException if a covariate is on another grid than the target */
    public MultiSeries(RegularSeries target, Map<String, RegularSeries> covariates) {
        this.target = target;
        Map<String, RegularSeries> copy = new LinkedHashMap<>();
        covariates.forEach((name, series) -> {
            if (!series.grid().equals(target.grid())) {
                throw new IllegalArgumentException("covariate '" + name + "' is on " + series.grid()
                        + " but the target " + target.key() + " is on " + target.grid());
            }
            copy.put(name, series);
        });
        this.covariates = Collections.unmodifiableMap(copy);
    }

    /** Aligns target and covariates on their common grid first. */
    public static MultiSeries aligned(RegularSeries target, Map<String, RegularSeries> covariates) {
        java.util.List<RegularSeries> all = new java.util.ArrayList<>();
        all.add(target);
        all.addAll(covariates.values());
        TimeGrid grid = Alignment.commonGrid(all);
        Map<String, RegularSeries> placed = new LinkedHashMap<>();
        covariates.forEach((name, s) -> placed.put(name, s.onGrid(grid)));
        return new MultiSeries(target.onGrid(grid), placed);
    }

    public RegularSeries target() {
        return target;
    }

    public TimeGrid grid() {
        return target.grid();
    }

    public Set<String> covariateNames() {
        return covariates.keySet();
    }

    /** The covariate of this name. @throws IllegalArgumentException if there is none */
    public RegularSeries covariate(String name) {
        RegularSeries s = covariates.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no covariate '" + name + "'; have " + covariates.keySet());
        }
        return s;
    }

    public Map<String, RegularSeries> covariates() {
        return covariates;
    }
}
