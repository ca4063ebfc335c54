package io.prescient.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The job's JSON: metric points in ({@code workload}, {@code time} in epoch seconds, {@code value}, and
 * {@code covariate} for a covariate's point; a
 * record that does not fit is refused with what was wrong) and plans out (a {@link PlanRecord}'s fields).
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** @throws IllegalArgumentException naming the field and what was expected */
    public static MetricPoint point(String text) {
        JsonNode n;
        try {
            n = MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage() + " in '" + abbreviate(text) + "'");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object {workload, time, value}, got '" + abbreviate(text) + "'");
        }
        if (!n.path("workload").isTextual() || n.path("workload").asText().isBlank()) {
            throw new IllegalArgumentException("field 'workload': expected a non-empty string in '" + abbreviate(text) + "'");
        }
        if (!n.path("time").canConvertToLong()) {
            throw new IllegalArgumentException("field 'time': expected epoch seconds (an integer) in '" + abbreviate(text) + "'");
        }
        JsonNode v = n.path("value");
        if (!v.isNumber() && !v.isNull()) {
            throw new IllegalArgumentException("field 'value': expected a number or null in '" + abbreviate(text) + "'");
        }
        JsonNode c = n.path("covariate");
        if (!c.isMissingNode() && !c.isNull() && (!c.isTextual() || c.asText().isBlank())) {
            throw new IllegalArgumentException("field 'covariate': expected a covariate's name (or no field, for demand) in '"
                    + abbreviate(text) + "'");
        }
        return new MetricPoint(n.get("workload").asText(), n.get("time").asLong(), v.isNull() ? Double.NaN : v.asDouble(),
                c.isTextual() ? c.asText() : "");
    }

    public static String point(MetricPoint p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("workload", p.workload());
        n.put("time", p.time());
        n.put("value", p.value());
        if (!p.demand()) {
            n.put("covariate", p.covariate());
        }
        return n.toString();
    }

    public static byte[] plan(PlanRecord r) {
        try {
            return MAPPER.writeValueAsString(r).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PlanRecord plan(byte[] bytes) {
        try {
            return MAPPER.readValue(bytes, PlanRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a plan record: " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
