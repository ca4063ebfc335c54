package io.prescient.server.api;

import io.javalin.config.RoutesConfig;
import io.prescient.core.store.ModelRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/models}: the registry's versions (with the provenance their artifact carries: model
 * spec, season, horizon, data range, series, command, release) and decisions, newest first, read
 * under the store's lock.
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
    }
}
