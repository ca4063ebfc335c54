package io.prescient.experts.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a Kubernetes audit log: audit.k8s.io Events one per line (the API server's log backend),
 * a JSON array of them, or an EventList (a webhook's batch). It keeps the successful creates, patches
 * and updates of deployments, statefulsets and replicasets (or their scale subresource) that set
 * replicas or container resource requests or limits: the decisions an HPA or VPA, or an operator,
 * makes. The account is the namespace; the resource is namespace/kind/name (and /container for
 * requests and limits). Everything else is counted by why it was skipped.
 */
public final class KubernetesAuditReader {

    private static final Set<String> WORKLOADS = Set.of("deployments", "statefulsets", "replicasets");
    private static final Set<String> WRITES = Set.of("create", "patch", "update");

    private final ObjectMapper json = new ObjectMapper();

    public List<ConfigAction> read(Path file) throws IOException {
        return read(file.toString(), Files.readString(file), new Skips());
    }

    public List<ConfigAction> read(String source, String text, Skips skips) throws IOException {
        List<ConfigAction> out = new ArrayList<>();
        String trimmed = text.strip();
        if (trimmed.startsWith("[") || trimmed.startsWith("{") && trimmed.contains("\"EventList\"") && !trimmed.contains("\n{")) {
            JsonNode root = json.readTree(trimmed);
            JsonNode events = root.isArray() ? root : root.path("items");
            if (!events.isArray()) {
                throw new IllegalArgumentException(source + ": expected audit events: one per line, a JSON array, or an EventList's items");
            }
            for (int i = 0; i < events.size(); i++) {
                event(events.get(i), source + ": item " + (i + 1), out, skips);
            }
            return out;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            JsonNode e;
            try {
                e = json.readTree(lines[i]);
            } catch (JsonProcessingException bad) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected one JSON audit event per line: "
                        + bad.getOriginalMessage());
            }
            event(e, source + ":" + (i + 1), out, skips);
        }
        return out;
    }

    private static void event(JsonNode e, String where, List<ConfigAction> out, Skips skips) {
        if (!"Event".equals(e.path("kind").asText("Event"))) {
            skips.add("not an audit event (kind " + e.path("kind").asText() + ")");
            return;
        }
        String stage = e.path("stage").asText("ResponseComplete");
        if (!stage.equals("ResponseComplete")) {
            skips.add("stage " + stage + " (each change is kept once, at ResponseComplete)");
            return;
        }
        if (e.path("requestURI").asText("").contains("dryRun=")) {
            skips.add("dry-run request: changes nothing");
            return;
        }
        String verb = e.path("verb").asText();
        JsonNode ref = e.path("objectRef");
        String resource = ref.path("resource").asText();
        String subresource = ref.path("subresource").asText("");
        int code = e.path("responseStatus").path("code").asInt(200);
        if (!WRITES.contains(verb)) {
            skips.add("verb " + (verb.isBlank() ? "(none)" : verb) + ": changes nothing");
            return;
        }
        if (!WORKLOADS.contains(resource)) {
            skips.add("write to " + (resource.isBlank() ? "a non-resource URL" : resource) + ": not a workload");
            return;
        }
        if (code >= 300) {
            skips.add("failed write (code " + code + ")");
            return;
        }
        if (!"RequestResponse".equals(e.path("level").asText()) && !"Request".equals(e.path("level").asText())
                && !e.has("requestObject")) {
            skips.add("workload write logged without its request (audit level Metadata)");
            return;
        }
        String namespace = ref.path("namespace").asText();
        String name = ref.path("name").asText(e.path("requestObject").path("metadata").path("name").asText(""));
        if (namespace.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException(where + ": field 'objectRef.namespace/name': expected the changed object's namespace and "
                    + "name");
        }
        Instant time;
        try {
            time = Instant.parse(e.path("stageTimestamp").asText(e.path("requestReceivedTimestamp").asText(e.path("timestamp").asText())));
        } catch (RuntimeException bad) {
            throw new IllegalArgumentException(where + ": field 'stageTimestamp': expected an RFC 3339 time");
        }
        String id = namespace + "/" + resource + "/" + name;
        JsonNode spec = e.path("requestObject").path("spec");
        int before = out.size();
        if (spec.has("replicas")) {
            out.add(new ConfigAction(time, namespace, id, ConfigAction.Kind.REPLICAS, "", spec.path("replicas").asText(),
                    "kubernetes-audit"));
        }
        if (subresource.isEmpty()) {
            for (JsonNode c : spec.path("template").path("spec").path("containers")) {
                JsonNode resources = c.path("resources");
                for (String part : List.of("requests", "limits")) {
                    JsonNode r = resources.path(part);
                    if (r.isObject() && (r.has("cpu") || r.has("memory") || r.has("nvidia.com/gpu"))) {
                        out.add(new ConfigAction(time, namespace, id + "/" + c.path("name").asText(), part.equals("requests")
                                ? ConfigAction.Kind.RESOURCE_REQUESTS : ConfigAction.Kind.RESOURCE_LIMITS, "", quantities(r),
                                "kubernetes-audit"));
                    }
                }
            }
        }
        if (out.size() == before) {
            skips.add("workload write without replicas, requests or limits");
        }
    }

    private static String quantities(JsonNode r) {
        StringBuilder sb = new StringBuilder();
        r.fields().forEachRemaining(f -> sb.append(sb.isEmpty() ? "" : " ").append(f.getKey()).append('=').append(f.getValue().asText()));
        return sb.toString();
    }
}
