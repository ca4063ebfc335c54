package io.prescient.io.prometheus;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.TimeGrid;
import io.prescient.core.Unit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Workloads read from Prometheus: each named PromQL query becomes the series of that name on the
 * grid [start, end] at the step (steps without a sample are missing). A query that returns several
 * series gives one workload per series, named {@code name{label=value,...}}.
 */
public final class PrometheusSource {

    /** A workload's demand query. */
    public record Query(String name, String promql) {
    }

    private final PrometheusClient client;

    public PrometheusSource(PrometheusClient client) {
        this.client = client;
    }

    /** One panel under {@code metric} holding every query's series. */
    public Map<String, Panel> read(List<Query> queries, String metric, long start, long end, long stepSeconds) {
        long first = start - Math.floorMod(start, stepSeconds);
        TimeGrid grid = TimeGrid.spanning(first, end - Math.floorMod(end, stepSeconds), stepSeconds);
        List<RegularSeries> series = new ArrayList<>();
        for (Query q : queries) {
            List<PrometheusClient.Series> result = client.queryRange(q.promql(), grid.start(), grid.last(), stepSeconds);
            if (result.isEmpty()) {
                throw new IllegalArgumentException("PromQL '" + q.promql() + "' of workload '" + q.name() + "' returned no series between "
                        + java.time.Instant.ofEpochSecond(grid.start()) + " and " + java.time.Instant.ofEpochSecond(grid.last()));
            }
            for (PrometheusClient.Series s : result) {
                double[] y = new double[grid.length()];
                Arrays.fill(y, Double.NaN);
                for (int i = 0; i < s.times().length; i++) {
                    long at = grid.indexOf(s.times()[i]);
                    if (at >= 0 && at < y.length && Double.isFinite(s.values()[i])) {
                        y[(int) at] = s.values()[i];
                    }
                }
                String item = result.size() == 1 ? q.name() : q.name() + s.labels().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",", "{", "}")).replace('/', '_');
                Map<String, String> labels = new LinkedHashMap<>(s.labels());
                labels.put("promql", q.promql());
                series.add(new RegularSeries(new SeriesInfo(new SeriesKey("prometheus", item, metric), Unit.UNKNOWN, labels), grid, y));
            }
        }
        return Map.of(metric, Panel.aligned(series));
    }
}
