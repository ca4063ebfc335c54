package io.prescient.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.prescient.plan.scenario.ScenarioFile;
import io.prescient.plan.scenario.ScenarioSet;

/** {@code GET /api/scenarios} and {@code POST /api/whatif}. */
final class WhatIfRoutes {

    static final int MAX_PATHS = 5000;

    private final WhatIf whatIf;
    private final ApiJson json;

    WhatIfRoutes(WhatIf whatIf, ApiJson json) {
        this.whatIf = whatIf;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/scenarios", ctx -> json.send(ctx, whatIf.baseline()));
        routes.post("/api/whatif", ctx -> {
            JsonNode body = json.body(ctx);
            String workload = text(body, "workload", true);
            String yaml = text(body, "scenarios", false);
            double percentile = body.has("percentile") ? number(body, "percentile", 0.95, 0.5, 0.9999) : Double.NaN;
            int paths = (int) number(body, "paths", io.prescient.plan.config.LoopConfig.Defaults.PATHS, 100, MAX_PATHS);
            ScenarioSet alternative;
            try {
                alternative = yaml == null || yaml.isBlank() ? ScenarioSet.baseline() : ScenarioFile.parse("request field 'scenarios'", yaml);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, e.getMessage());
            }
            try {
                json.send(ctx, whatIf.run(workload, alternative, percentile, paths));
            } catch (IllegalArgumentException e) {
                throw new ApiException(e.getMessage().startsWith("no workload") ? 404 : 400, e.getMessage());
            }
        });
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new ApiException(400, "field '" + field + "' is required");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw new ApiException(400, "field '" + field + "' must be a string, got " + n.getNodeType().name().toLowerCase());
        }
        return n.asText();
    }

    private static double number(JsonNode body, String field, double otherwise, double min, double max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return otherwise;
        }
        if (!n.isNumber()) {
            throw new ApiException(400, "field '" + field + "' must be a number, got " + n.getNodeType().name().toLowerCase());
        }
        double v = n.asDouble();
        if (!(v >= min && v <= max)) {
            throw new ApiException(400, "field '" + field + "' must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }
}
