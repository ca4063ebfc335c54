package io.prescient.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.prescient.server.state.FleetState;
import io.prescient.server.state.FleetView;
import io.prescient.server.state.ForecastBands;
import io.prescient.server.state.WorkloadSnapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the served loop: workloads, their series, forecasts and plans, the decisions, accuracy. */
final class LoopRoutes {

    /** The most the response cache holds: a few rounds' reads of a large fleet, far under any heap the server runs in. */
    static final long CACHE_BYTES = 64L << 20;

    private final FleetState state;
    private final ResponseCache json;

    LoopRoutes(FleetState state, ApiJson json) {
        this.state = state;
        this.json = new ResponseCache(state, json, CACHE_BYTES);
    }

    void register(RoutesConfig routes) {
        routes.get("/api/workloads", ctx -> json.send(ctx, "workloads", () -> state.workloads().stream().map(LoopRoutes::summary).toList()));
        routes.get("/api/fleet", ctx -> {
            FleetView.Query q = fleetQuery(ctx);
            json.send(ctx, q.key(), () -> fleet(FleetView.page(state.workloads(), q)));
        });
        routes.get("/api/workloads/{item}/{metric}", ctx -> json.send(ctx, "workloads/" + name(ctx), () -> {
            WorkloadSnapshot s = find(ctx);
            return detail(s);
        }));
        routes.get("/api/series/{item}/{metric}", ctx -> json.send(ctx, "series/" + name(ctx), () -> {
            WorkloadSnapshot s = find(ctx);
            return Map.of("name", s.name(), "unit", s.unit(), "step_seconds", s.stepSeconds(), "times", s.recentTimes(),
                    "values", s.recentDemand());
        }));
        routes.get("/api/forecasts/{item}/{metric}", ctx -> json.send(ctx, "forecasts/" + name(ctx), () -> {
            WorkloadSnapshot s = find(ctx);
            return forecast(s);
        }));
        routes.get("/api/plans/{item}/{metric}", ctx -> json.send(ctx, "plans/" + name(ctx), () -> {
            WorkloadSnapshot s = find(ctx);
            return plan(s);
        }));
        routes.get("/api/actions", ctx -> {
            int limit = intParam(ctx, "limit", 100, 1, 1000);
            Optional<String> workload = Optional.ofNullable(ctx.queryParam("workload"));
            if (workload.isPresent() && state.workload(workload.get()).isEmpty()) {
                throw new ApiException(404, "no workload '" + workload.get() + "'; GET /api/workloads lists them");
            }
            json.send(ctx, "actions?limit=" + limit + workload.map(w -> "&workload=" + w).orElse(""), () -> state.actions(workload, limit));
        });
        routes.get("/api/accuracy", ctx -> json.send(ctx, "accuracy", () -> state.workloads().stream().map(LoopRoutes::accuracy).toList()));
    }

    /** The fleet page's query: {@code q} (part of a name), {@code status}, {@code sort}, {@code order} (asc, desc), {@code offset}, {@code limit}. */
    static FleetView.Query fleetQuery(Context ctx) {
        String search = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        if (search.length() > 200) {
            throw new ApiException(400, "query parameter 'q' takes at most 200 characters");
        }
        String order = Optional.ofNullable(ctx.queryParam("order")).orElse("desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new ApiException(400, "query parameter 'order' must be asc or desc, got '" + order + "'");
        }
        try {
            return new FleetView.Query(search, FleetView.Filter.parse(Optional.ofNullable(ctx.queryParam("status")).orElse("all")),
                    FleetView.Sort.parse(Optional.ofNullable(ctx.queryParam("sort")).orElse("risk")), order.equals("desc"),
                    intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE / 2), intParam(ctx, "limit", 50, 1, 1000));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "query parameter " + e.getMessage());
        }
    }

    static Map<String, Object> fleet(FleetView.Page page) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", page.total());
        m.put("matched", page.matched());
        Map<String, Integer> counts = new LinkedHashMap<>();
        page.counts().forEach((f, n) -> counts.put(f.label(), n));
        m.put("counts", counts);
        m.put("costs", page.costs());
        m.put("top_risk", page.topRisk().stream().map(w -> Map.of("name", w.name(), "risk", w.risk(), "status", w.status())).toList());
        m.put("workloads", page.rows().stream().map(LoopRoutes::summary).toList());
        return m;
    }

    private static String name(Context ctx) {
        return ctx.pathParam("item") + "/" + ctx.pathParam("metric");
    }

    private WorkloadSnapshot find(Context ctx) {
        String name = name(ctx);
        return state.workload(name).orElseThrow(() -> new ApiException(404, "no workload '" + name + "'; GET /api/workloads lists them"));
    }

    static int intParam(Context ctx, String name, int otherwise, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new ApiException(400, "query parameter '" + name + "' must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "query parameter '" + name + "' must be an integer, got '" + v + "'");
        }
    }

    static Map<String, Object> summary(WorkloadSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("unit", s.unit());
        m.put("status", s.status());
        m.put("now", s.now());
        m.put("last_demand", s.lastDemand());
        m.put("units", s.units());
        m.put("capacity", s.units() * s.unitCapacity());
        m.put("utilisation", s.utilisation());
        m.put("next_peak_p95", s.forecast().map(f -> max(f.level(0.95))).orElse(Double.NaN));
        m.put("risk", s.risk());
        m.put("rounds", s.rounds());
        m.put("orders", s.orders());
        m.put("holds", s.holds());
        List<WorkloadSnapshot.AccuracyPoint> a = s.accuracy();
        m.put("mae", a.isEmpty() ? Double.NaN : a.get(a.size() - 1).meanAbsoluteError());
        m.put("coverage", a.isEmpty() ? Double.NaN : a.get(a.size() - 1).coverage());
        m.put("reason", s.reason());
        m.put("model", s.model());
        m.put("capped_steps", s.cappedSteps());
        m.put("shortfall", s.shortfall());
        m.put("cost", costs(s.costs()));
        return m;
    }

    /** The plan's cost and the recent window's against a reactive rule, in the config's currency (NaN without a unit price). */
    static Map<String, Object> costs(WorkloadSnapshot.Costs c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", c.pricing().currency());
        m.put("unit_price", c.pricing().unitPrice());
        m.put("plan", c.planCost());
        io.prescient.plan.capacity.CostComparison w = c.window();
        m.put("window_hours", w.hours());
        m.put("window", w.cost());
        m.put("reactive_window", w.reactiveCost());
        m.put("unit_hours", w.unitHours());
        m.put("reactive_unit_hours", w.reactiveUnitHours());
        m.put("saving", w.saving());
        m.put("short_share", w.shortShare());
        m.put("reactive_short_share", w.reactiveShortShare());
        return m;
    }

    static Map<String, Object> forecast(WorkloadSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("levels", ForecastBands.LEVELS);
        m.put("model", s.forecast().map(ForecastBands::model).orElse(null));
        m.put("times", s.forecast().map(ForecastBands::times).orElse(new long[0]));
        m.put("quantiles", s.forecast().map(ForecastBands::quantiles).orElse(new double[0][]));
        return m;
    }

    static Map<String, Object> plan(WorkloadSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("units", s.units());
        m.put("unit_capacity", s.unitCapacity());
        m.put("held", s.held());
        m.put("reason", s.reason());
        m.put("times", s.forecast().map(ForecastBands::times).orElse(new long[0]));
        m.put("capacity", s.planCapacity());
        return m;
    }

    static Map<String, Object> detail(WorkloadSnapshot s) {
        Map<String, Object> m = summary(s);
        m.put("step_seconds", s.stepSeconds());
        m.put("recent", Map.of("times", s.recentTimes(), "demand", s.recentDemand(), "capacity", s.recentCapacity()));
        m.put("forecast", forecast(s));
        m.put("plan", plan(s));
        m.put("drifts", s.drifts());
        return m;
    }

    static Map<String, Object> accuracy(WorkloadSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("times", s.accuracy().stream().mapToLong(WorkloadSnapshot.AccuracyPoint::time).toArray());
        m.put("mae", s.accuracy().stream().mapToDouble(WorkloadSnapshot.AccuracyPoint::meanAbsoluteError).toArray());
        m.put("coverage", s.accuracy().stream().mapToDouble(WorkloadSnapshot.AccuracyPoint::coverage).toArray());
        m.put("levels", ForecastBands.LEVELS);
        m.put("calibration", s.calibration());
        m.put("calibration_points", s.calibrationPoints());
        m.put("drifts", s.drifts());
        return m;
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }
}
