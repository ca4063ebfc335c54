package io.prescient.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/feedback}: the feedback page's analysis of the configured organisation; {@code POST
 * /api/feedback/equilibrium}: the what-if "base demand times {@code base}, all demand times
 * {@code market}, capacity held at {@code capacity}, {@code launches} added" ({@code ["2026-12-03=500:team"]}).
 */
final class FeedbackRoutes {

    private static final int MAX_LAUNCHES = 100;

    private final FeedbackView view;
    private final ApiJson json;

    FeedbackRoutes(FeedbackView view, ApiJson json) {
        this.view = view;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/feedback", ctx -> json.send(ctx, view.analysis()));
        routes.post("/api/feedback/equilibrium", ctx -> {
            JsonNode body = json.body(ctx);
            double base = number(body, "base", 1, 0.01, 100);
            double market = number(body, "market", 1, 0.01, 100);
            Double capacity = body.has("capacity") && !body.get("capacity").isNull() ? number(body, "capacity", 1, 1e-9, 1e15) : null;
            List<String> launches = new ArrayList<>();
            JsonNode l = body.get("launches");
            if (l != null && !l.isNull()) {
                if (!l.isArray() || l.size() > MAX_LAUNCHES) {
                    throw new ApiException(400, "field 'launches' must be an array of at most " + MAX_LAUNCHES + " strings date=size[:team]");
                }
                for (JsonNode x : l) {
                    if (!x.isTextual()) {
                        throw new ApiException(400, "field 'launches' must hold strings date=size[:team], got " + x.getNodeType().name()
                                .toLowerCase(java.util.Locale.ROOT));
                    }
                    launches.add(x.asText());
                }
            }
            try {
                json.send(ctx, view.equilibrium(base, market, capacity, launches));
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, e.getMessage());
            }
        });
    }

    private static double number(JsonNode body, String field, double otherwise, double min, double max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return otherwise;
        }
        if (!n.isNumber()) {
            throw new ApiException(400, "field '" + field + "' must be a number, got " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        double v = n.asDouble();
        if (!(v >= min && v <= max)) {
            throw new ApiException(400, "field '" + field + "' must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }
}
