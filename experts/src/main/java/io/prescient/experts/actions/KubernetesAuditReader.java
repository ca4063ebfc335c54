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

/**
 * Reads a Kubernetes audit log (one audit.k8s.io/v1 Event per line, as the API server's log
 * backend writes it) and keeps successful writes to deployments and statefulsets that set replicas
 * (on the object or its scale subresource) or container resource requests. The account is the
 * namespace; the resource is namespace/kind/name.
 */
public final class KubernetesAuditReader {

    private final ObjectMapper json = new ObjectMapper();

    public List<ConfigAction> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<ConfigAction> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode e;
            try {
                e = json.readTree(lines.get(i));
            } catch (JsonProcessingException bad) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected one JSON audit event per line: "
                        + bad.getOriginalMessage());
            }
            String verb = e.path("verb").asText();
            JsonNode ref = e.path("objectRef");
            String resource = ref.path("resource").asText();
            int code = e.path("responseStatus").path("code").asInt(200);
            if (!(verb.equals("patch") || verb.equals("update")) || code >= 300
                    || !(resource.equals("deployments") || resource.equals("statefulsets"))) {
                continue;
            }
            String where = file + ":" + (i + 1);
            String namespace = ref.path("namespace").asText();
            String name = ref.path("name").asText();
            if (namespace.isBlank() || name.isBlank()) {
                throw new IllegalArgumentException(where + ": field 'objectRef.namespace/name': expected the changed object's "
                        + "namespace and name");
            }
            Instant time;
            try {
                time = Instant.parse(e.path("stageTimestamp").asText(e.path("requestReceivedTimestamp").asText()));
            } catch (RuntimeException bad) {
                throw new IllegalArgumentException(where + ": field 'stageTimestamp': expected an RFC 3339 time");
            }
            String id = namespace + "/" + resource + "/" + name;
            JsonNode spec = e.path("requestObject").path("spec");
            if (spec.has("replicas")) {
                out.add(new ConfigAction(time, namespace, id, ConfigAction.Kind.REPLICAS, "", spec.path("replicas").asText(),
                        "kubernetes-audit"));
            }
            JsonNode containers = spec.path("template").path("spec").path("containers");
            if (containers.isArray()) {
                for (JsonNode c : containers) {
                    JsonNode requests = c.path("resources").path("requests");
                    if (!requests.isMissingNode()) {
                        out.add(new ConfigAction(time, namespace, id + "/" + c.path("name").asText(),
                                ConfigAction.Kind.RESOURCE_REQUESTS, "", "cpu=" + requests.path("cpu").asText("")
                                + " memory=" + requests.path("memory").asText(""), "kubernetes-audit"));
                    }
                }
            }
        }
        return out;
    }
}
