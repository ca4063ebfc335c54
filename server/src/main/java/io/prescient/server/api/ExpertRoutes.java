package io.prescient.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.prescient.experts.recommend.AuditLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Recommendations from expert accounts (the audit log {@code prescient experts recommend} writes in
 * a fleet directory) with accept/reject, and A/B test reports ({@code prescient experts abtest --out}).
 * Every decision is appended to the audit log; nothing is applied from here.
 */
final class ExpertRoutes {

    private final Optional<Path> fleet;
    private final Optional<Path> experiments;
    private final ApiJson json;
    private final Clock clock;

    ExpertRoutes(Optional<Path> fleet, Optional<Path> experiments, ApiJson json, Clock clock) {
        this.fleet = fleet;
        this.experiments = experiments;
        this.json = json;
        this.clock = clock;
    }

    private AuditLog log() {
        return new AuditLog(fleet.orElseThrow(() -> new ApiException(404, "the server was started without --fleet; no recommendations"))
                .resolve("recommendations.jsonl"));
    }

    void register(RoutesConfig routes) {
        routes.get("/api/recommendations", ctx -> {
            if (fleet.isEmpty()) {
                json.send(ctx, Map.of("recommendations", List.of(), "note", "the server was started without --fleet"));
                return;
            }
            Map<String, JsonNode> proposed = new LinkedHashMap<>();
            Map<String, String> status = new LinkedHashMap<>();
            synchronized (this) {
                for (JsonNode n : log().entries()) {
                    String id = n.path("id").asText();
                    String event = n.path("event").asText();
                    if (event.equals("proposed")) {
                        proposed.put(id, n);
                    }
                    status.put(id, event);
                }
            }
            List<Map<String, Object>> out = new ArrayList<>();
            proposed.forEach((id, n) -> {
                Map<String, Object> m = json.mapper().convertValue(n, Map.class);
                m.put("status", status.get(id));
                out.add(m);
            });
            json.send(ctx, Map.of("recommendations", out, "rounds", rounds()));
        });
        routes.post("/api/recommendations/{decision}", ctx -> {
            String decision = ctx.pathParam("decision");
            if (!decision.equals("accept") && !decision.equals("reject")) {
                throw new ApiException(404, "unknown decision '" + decision + "'; POST /api/recommendations/accept or /reject");
            }
            JsonNode body = json.body(ctx);
            if (!body.path("id").isTextual()) {
                throw new ApiException(400, "field 'id' (the recommendation's id, a string) is required");
            }
            String id = body.get("id").asText();
            String by = body.path("by").asText("dashboard");
            String note = body.path("note").asText("");
            if (by.length() > 100 || note.length() > 2000) {
                throw new ApiException(400, "field 'by' takes at most 100 characters and 'note' at most 2000");
            }
            io.prescient.experts.recommend.Decisions decisions = new io.prescient.experts.recommend.Decisions(log(), clock);
            synchronized (this) {
                try {
                    io.prescient.experts.recommend.Status s = decision.equals("accept") ? decisions.accept(id, by, note)
                            : decisions.reject(id, by, note);
                    json.send(ctx, Map.of("id", id, "status", s.event()));
                } catch (io.prescient.experts.recommend.Decisions.Refused e) {
                    throw new ApiException(e.status().isEmpty() ? 404 : 409, e.getMessage());
                }
            }
        });
        routes.get("/api/experiments", ctx -> json.send(ctx, Map.of("experiments", reports())));
        routes.post("/api/experiments/analyse", ctx -> {
            JsonNode body = json.body(ctx);
            String assignment = text(body, "assignment");
            String outcomes = text(body, "outcomes");
            String metric = text(body, "metric");
            int looks = body.path("looks").isInt() ? body.get("looks").asInt() : 3;
            String name = body.path("name").isTextual() ? body.get("name").asText() : "experiment";
            try {
                json.send(ctx, io.prescient.experiment.SequentialTest.analyse(io.prescient.experiment.Assignment.read(
                        "request field 'assignment'", assignment, name), io.prescient.experiment.Outcomes.read("request field 'outcomes'",
                        outcomes), metric, looks, 1));
            } catch (IllegalArgumentException | io.prescient.core.validation.InvalidInputException e) {
                throw new ApiException(400, e.getMessage());
            }
        });
    }

    /** The last rounds of re-recommending on the served fleet (newest first), as the server's background job records them. */
    private List<JsonNode> rounds() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (fleet.isEmpty() || !Files.exists(fleet.get().resolve("recommendation-rounds.jsonl"))) {
            return out;
        }
        List<String> lines = Files.readAllLines(fleet.get().resolve("recommendation-rounds.jsonl"));
        for (int i = lines.size() - 1; i >= 0 && out.size() < 20; i--) {
            if (!lines.get(i).isBlank()) {
                JsonNode n = json.tree(lines.get(i));
                if (n != null) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new ApiException(400, "field '" + field + "' is required (a string)");
        }
        return n.asText();
    }

    private List<JsonNode> reports() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (experiments.isEmpty() || !Files.isDirectory(experiments.get())) {
            return out;
        }
        try (Stream<Path> files = Files.list(experiments.get())) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                JsonNode n = json.tree(Files.readString(f));
                if (n != null && n.has("effects")) {
                    out.add(n);
                }
            }
        }
        return out;
    }
}
