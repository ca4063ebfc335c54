package io.prescient.server.api;

import io.prescient.server.state.FleetState;
import io.prescient.server.state.ForecastBands;
import io.prescient.server.state.WorkloadSnapshot;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code /metrics} in the OpenMetrics text format: the server's own health (up, loop rounds, HTTP
 * requests and refusals, JVM memory) and, per workload, demand, units and capacity in place, the latest
 * forecast at each kept quantile for a few horizons, the planned capacity at those horizons, and the
 * forecasts' rolling accuracy; and the feedback figures of the configured organisation once analysed.
 */
final class OpenMetrics {

    static final String CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    /** Prometheus's classic text format, for clients that do not ask for OpenMetrics (curl, {@code promtool check metrics}). */
    static final String TEXT_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Whether a request's {@code Accept} header asks for OpenMetrics (as Prometheus's scraper does). */
    static boolean wantsOpenMetrics(String accept) {
        return accept != null && accept.contains("application/openmetrics-text");
    }
    private static final int[] HORIZONS = {1, 6, 12, 24, 48};

    private final FleetState state;
    private final FeedbackView feedback;
    private final LongAdder requests = new LongAdder();
    private final LongAdder refused = new LongAdder();

    OpenMetrics(FleetState state, FeedbackView feedback) {
        this.state = state;
        this.feedback = feedback;
    }

    void request() {
        requests.increment();
    }

    void refusal() {
        refused.increment();
    }

    /** The metrics in OpenMetrics ({@code openMetrics}) or in the classic text format (counters named with {@code _total}, no EOF). */
    String render(boolean openMetrics) {
        StringBuilder b = new StringBuilder(16_384);
        gauge(b, "prescient_up", "1 while the server runs.", "", 1);
        counter(b, openMetrics, "prescient_loop_rounds", "Planning rounds run (all workloads).", state.roundsDone());
        gauge(b, "prescient_loop_finished", "1 once the loop stopped (a replay reached the end of its data, or the loop failed).", "",
                state.finished() ? 1 : 0);
        gauge(b, "prescient_loop_healthy", "1 while the planning loop completes its rounds (0: a round failed or none completed "
                + "within the watchdog's limit).", "", state.health().loopHealthy() ? 1 : 0);
        gauge(b, "prescient_store_healthy", "0 while the store refuses the loop's reads or writes.", "", state.health().storeHealthy() ? 1 : 0);
        gauge(b, "prescient_actuator_healthy", "0 while the actuator fails or refuses the loop's decisions.", "",
                state.health().actuatorHealthy() ? 1 : 0);
        counter(b, openMetrics, "prescient_http_requests", "API requests served.", requests.sum());
        counter(b, openMetrics, "prescient_http_refused", "API requests refused with a 4xx.", refused.sum());
        Runtime rt = Runtime.getRuntime();
        b.append("# TYPE prescient_jvm_memory_used_bytes gauge\n").append(openMetrics ? "# UNIT prescient_jvm_memory_used_bytes bytes\n" : "")
                .append("# HELP prescient_jvm_memory_used_bytes Heap in use.\n");
        b.append("prescient_jvm_memory_used_bytes ").append(rt.totalMemory() - rt.freeMemory()).append('\n');
        List<WorkloadSnapshot> all = state.workloads();
        family(b, "prescient_demand", "Latest observed demand per workload.");
        all.forEach(s -> sample(b, "prescient_demand", label(s), s.lastDemand()));
        family(b, "prescient_units", "Units ordered at the latest round.");
        all.forEach(s -> sample(b, "prescient_units", label(s), s.units()));
        family(b, "prescient_capacity", "Capacity of the units ordered (units x unit capacity).");
        all.forEach(s -> sample(b, "prescient_capacity", label(s), s.units() * s.unitCapacity()));
        // 'level', not 'quantile': Prometheus reserves that label for summaries
        family(b, "prescient_forecast", "Latest forecast of demand: its quantile at a level (0.5: the median) at a horizon in grid steps.");
        for (WorkloadSnapshot s : all) {
            s.forecast().ifPresent(f -> {
                for (int h : HORIZONS) {
                    if (h > f.times().length) {
                        continue;
                    }
                    for (int i = 0; i < ForecastBands.LEVELS.size(); i++) {
                        sample(b, "prescient_forecast", label(s) + ",level=\"" + ForecastBands.LEVELS.get(i) + "\",horizon=\"" + h + "\"",
                                f.quantiles()[i][h - 1]);
                    }
                }
            });
        }
        family(b, "prescient_planned_capacity", "Capacity the latest plan provisions at a horizon in grid steps.");
        for (WorkloadSnapshot s : all) {
            for (int h : HORIZONS) {
                if (h <= s.planCapacity().length) {
                    sample(b, "prescient_planned_capacity", label(s) + ",horizon=\"" + h + "\"", s.planCapacity()[h - 1]);
                }
            }
        }
        family(b, "prescient_plan_shortfall", "Most demand the latest plan leaves unserved because of max_units (0: not capped).");
        all.forEach(s -> sample(b, "prescient_plan_shortfall", label(s), s.shortfall()));
        family(b, "prescient_capacity_unit_seconds", "Unit-seconds (unit-hours x 3600) of capacity over the recent window shown: policy=plan the capacity "
                + "the loop kept in place, policy=reactive a rule sizing to the demand one lead time ago on the same demand.");
        all.forEach(s -> {
            sample(b, "prescient_capacity_unit_seconds", label(s) + ",policy=\"plan\"", 3600 * s.costs().window().unitHours());
            sample(b, "prescient_capacity_unit_seconds", label(s) + ",policy=\"reactive\"", 3600 * s.costs().window().reactiveUnitHours());
        });
        family(b, "prescient_capacity_cost", "Cost of that capacity at the workload's unit price, in the currency its label names "
                + "(priced workloads only).");
        all.stream().filter(s -> s.costs().pricing().priced()).forEach(s -> {
            String labels = label(s) + ",currency=\"" + labelValue(s.costs().pricing().currency()) + "\"";
            sample(b, "prescient_capacity_cost", labels + ",policy=\"plan\"", s.costs().window().cost());
            sample(b, "prescient_capacity_cost", labels + ",policy=\"reactive\"", s.costs().window().reactiveCost());
        });
        family(b, "prescient_plan_cost", "Cost of the latest plan's capacity over its horizon at the workload's unit price (priced workloads only).");
        all.stream().filter(s -> s.costs().pricing().priced()).forEach(s -> sample(b, "prescient_plan_cost", label(s) + ",currency=\""
                + labelValue(s.costs().pricing().currency()) + "\"", s.costs().planCost()));
        family(b, "prescient_capacity_short_ratio", "Share of the recent window's steps where demand exceeded capacity, per policy.");
        all.forEach(s -> {
            sample(b, "prescient_capacity_short_ratio", label(s) + ",policy=\"plan\"", s.costs().window().shortShare());
            sample(b, "prescient_capacity_short_ratio", label(s) + ",policy=\"reactive\"", s.costs().window().reactiveShortShare());
        });
        family(b, "prescient_forecast_coverage", "Share of actuals at or below the provisioned percentile, forecasts scored so far.");
        all.stream().filter(s -> !s.accuracy().isEmpty()).forEach(s -> sample(b, "prescient_forecast_coverage", label(s),
                s.accuracy().get(s.accuracy().size() - 1).coverage()));
        family(b, "prescient_forecast_mae", "Mean absolute error of the forecast median, forecasts scored so far.");
        all.stream().filter(s -> !s.accuracy().isEmpty()).forEach(s -> sample(b, "prescient_forecast_mae", label(s),
                s.accuracy().get(s.accuracy().size() - 1).meanAbsoluteError()));
        for (FeedbackView.Gauge g : feedback.gauges()) {
            gauge(b, g.name(), g.help(), "", g.value());
        }
        if (openMetrics) {
            b.append("# EOF\n");
        }
        return b.toString();
    }

    /** A counter: in OpenMetrics the family is named without {@code _total} and its sample with it; in the text format both carry it. */
    private static void counter(StringBuilder b, boolean openMetrics, String name, String help, long value) {
        String family = openMetrics ? name : name + "_total";
        b.append("# TYPE ").append(family).append(" counter\n# HELP ").append(family).append(' ').append(help).append('\n');
        b.append(name).append("_total ").append(value).append('\n');
    }

    private static void family(StringBuilder b, String name, String help) {
        b.append("# TYPE ").append(name).append(" gauge\n# HELP ").append(name).append(' ').append(help).append('\n');
    }

    private static void gauge(StringBuilder b, String name, String help, String labels, double v) {
        family(b, name, help);
        sample(b, name, labels, v);
    }

    private static void sample(StringBuilder b, String name, String labels, double v) {
        b.append(name);
        if (!labels.isEmpty()) {
            b.append('{').append(labels).append('}');
        }
        b.append(' ').append(Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? (v > 0 ? "+Inf" : "-Inf")
                : String.format(Locale.ROOT, "%.6g", v)).append('\n');
    }

    private static String label(WorkloadSnapshot s) {
        return "workload=\"" + labelValue(s.name()) + "\"";
    }

    /** A label value escaped as the exposition format asks (backslash, double quote, line feed). */
    private static String labelValue(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
