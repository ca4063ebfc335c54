package io.prescient.server.api;

import io.javalin.config.RoutesConfig;

import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /api/feedback}: the feedback-aware analysis (computed once, on first use). */
final class FeedbackRoutes {

    private final Supplier<Map<String, Object>> analysis;
    private final ApiJson json;

    FeedbackRoutes(Supplier<Map<String, Object>> analysis, ApiJson json) {
        this.analysis = analysis;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/feedback", ctx -> json.send(ctx, analysis.get()));
    }
}
