package io.prescient.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.prescient.core.store.ModelDecision;
import io.prescient.core.store.ModelRegistry;
import io.prescient.forecast.registry.ModelLifecycle;

import java.time.Clock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/models}: the registry's versions (with the provenance their artifact carries: model
 * spec, season, horizon, data range, series, command, release) and decisions, newest first, read
 * under the store's lock. {@code POST /api/models/promote} ({@code {"version": id}}) and
 * {@code POST /api/models/rollback} ({@code {"scope": s}}), with the token, decide in the registry the
 * running loop reads before every round, so the change serves from the next round (the way to change
 * a champion while a server holds its store: a DuckDB file takes one writer).
 */
final class ModelRoutes {

    private final Optional<ModelRegistry> registry;
    private final Object storeLock;
    private final ApiJson json;

    ModelRoutes(Optional<ModelRegistry> registry, Object storeLock, ApiJson json) {
        this.registry = registry;
        this.storeLock = storeLock;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/models", ctx -> {
            int limit = LoopRoutes.intParam(ctx, "limit", 200, 1, 2000);
            Map<String, Object> m = new LinkedHashMap<>();
            if (registry.isEmpty()) {
                m.put("versions", List.of());
                m.put("decisions", List.of());
                m.put("note", "the server runs without a store");
            } else {
                synchronized (storeLock) {
                    m.put("versions", registry.get().versions(null).stream().limit(limit).map(v -> {
                        Map<String, Object> x = new LinkedHashMap<>();
                        x.put("id", v.id());
                        x.put("model", v.model());
                        x.put("scope", v.scope());
                        x.put("created_at", v.createdAt().toString());
                        x.put("status", v.status().name());
                        x.put("validation", json.tree(v.validation()));
                        x.put("provenance", json.tree(v.provenance()));
                        return x;
                    }).toList());
                    m.put("decisions", registry.get().decisions(null).stream().limit(limit).map(d -> {
                        Map<String, Object> x = new LinkedHashMap<>();
                        x.put("scope", d.scope());
                        x.put("decided_at", d.decidedAt().toString());
                        x.put("kind", d.kind().name());
                        x.put("champion", d.champion());
                        x.put("challenger", d.challenger());
                        x.put("reason", d.reason());
                        return x;
                    }).toList());
                }
            }
            json.send(ctx, m);
        });
        routes.post("/api/models/{action}", ctx -> {
            String action = ctx.pathParam("action");
            if (!action.equals("promote") && !action.equals("rollback")) {
                throw new ApiException(404, "unknown action '" + action + "'; POST /api/models/promote or /api/models/rollback");
            }
            String field = action.equals("promote") ? "version" : "scope";
            JsonNode body = json.body(ctx);
            if (!body.path(field).isTextual() || body.get(field).asText().isBlank() || body.get(field).asText().length() > 500) {
                throw new ApiException(400, "field '" + field + "' (the " + (action.equals("promote") ? "version id" : "scope")
                        + " to " + action + ", a string of at most 500 characters) is required");
            }
            String reason = body.path("reason").asText("");
            if (reason.length() > 2000) {
                throw new ApiException(400, "field 'reason' takes at most 2000 characters");
            }
            if (registry.isEmpty()) {
                throw new ApiException(409, "the server runs without a store: it has no registry to " + action + " in");
            }
            ModelDecision d;
            synchronized (storeLock) {
                ModelLifecycle lifecycle = new ModelLifecycle(registry.get(), Clock.systemUTC());
                try {
                    d = action.equals("promote") ? lifecycle.promote(body.get(field).asText(), reason)
                            : lifecycle.rollback(body.get(field).asText(), reason);
                } catch (IllegalArgumentException e) {
                    throw new ApiException(e.getMessage().startsWith("no model version") ? 404 : 409, e.getMessage());
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("scope", d.scope());
            out.put("kind", d.kind().name());
            out.put("champion", d.champion());
            out.put("previous", d.previous());
            out.put("reason", d.reason());
            out.put("serves_from", "the loop's next round");
            json.send(ctx, out);
        });
    }
}
