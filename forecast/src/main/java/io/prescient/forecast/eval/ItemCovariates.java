package io.prescient.forecast.eval;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Covariates of a series from other metrics of the same item (its requests beside its GPU duty
 * cycle), each put on the series' own grid (missing outside the covariate's span).
 */
public final class ItemCovariates implements Backtest.Covariates {

    private final Map<String, Map<String, RegularSeries>> byName = new TreeMap<>();

    /** @param panels each covariate's panel, by the name the models know it by */
    public ItemCovariates(Map<String, Panel> panels) {
        panels.forEach((name, panel) -> {
            Map<String, RegularSeries> byItem = new HashMap<>();
            panel.series().forEach(s -> byItem.put(s.key().item(), s));
            byName.put(name, byItem);
        });
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** Whether every covariate has a series for this series' item. */
    public boolean covers(RegularSeries s) {
        return byName.values().stream().allMatch(byItem -> byItem.containsKey(s.key().item()));
    }

    /** {@code panel} without the series this does not cover. */
    public Panel covered(Panel panel) {
        return new Panel(panel.grid(), panel.series().stream().filter(this::covers).toList());
    }

    /** @throws IllegalArgumentException for a series whose item lacks a covariate */
    @Override
    public Map<String, double[]> of(RegularSeries s) {
        Map<String, double[]> out = new TreeMap<>();
        byName.forEach((name, byItem) -> {
            RegularSeries c = byItem.get(s.key().item());
            if (c == null) {
                throw new IllegalArgumentException("covariate " + name + ": no series for item " + s.key().item());
            }
            out.put(name, c.onGrid(s.grid()).values());
        });
        return out;
    }
}
