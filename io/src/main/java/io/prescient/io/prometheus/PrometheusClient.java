package io.prescient.io.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Range queries against the Prometheus HTTP API ({@code /api/v1/query_range}). Long ranges are split
 * into requests of at most {@link #MAX_POINTS} steps (Prometheus refuses more than 11,000); transport
 * errors and 5xx answers are retried with a growing pause; a query Prometheus rejects (4xx, or
 * {@code status: error}) fails at once with its error type and message.
 */
public final class PrometheusClient {

    public static final int MAX_POINTS = 10_000;

    /**
     * @param attempts tries per request (at least 1)
     * @param auth     value of the Authorization header, if any (e.g. {@code Bearer <token>})
     */
    public record Settings(Duration timeout, int attempts, Duration backoff, Optional<String> auth) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(30), 3, Duration.ofMillis(500), Optional.empty());
        }
    }

    /** One series of a range query's result: its labels and its samples (epoch seconds, value). */
    public record Series(Map<String, String> labels, long[] times, double[] values) {
    }

    private final URI base;
    private final Settings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public PrometheusClient(URI base, Settings settings) {
        if (settings.attempts() < 1) {
            throw new IllegalArgumentException("need at least one attempt, got " + settings.attempts());
        }
        this.base = base;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** Every series the query returns over [start, end] at {@code stepSeconds}, samples merged across chunks. */
    public List<Series> queryRange(String query, long start, long end, long stepSeconds) {
        if (end < start || stepSeconds <= 0) {
            throw new IllegalArgumentException("query range needs start <= end and a positive step, got " + start + ".." + end
                    + " step " + stepSeconds);
        }
        Map<Map<String, String>, TreeMap<Long, Double>> merged = new LinkedHashMap<>();
        for (long from = start; from <= end; from += MAX_POINTS * stepSeconds) {
            long to = Math.min(end, from + (MAX_POINTS - 1) * stepSeconds);
            JsonNode data = request(query, from, to, stepSeconds);
            if (!"matrix".equals(data.path("resultType").asText())) {
                throw new IllegalArgumentException("PromQL '" + query + "': expected a range vector (matrix), got "
                        + data.path("resultType").asText());
            }
            for (JsonNode s : data.path("result")) {
                Map<String, String> labels = new TreeMap<>();
                s.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                TreeMap<Long, Double> samples = merged.computeIfAbsent(labels, k -> new TreeMap<>());
                for (JsonNode v : s.path("values")) {
                    samples.put((long) Math.floor(v.get(0).asDouble()), parse(v.get(1).asText()));
                }
            }
        }
        List<Series> out = new ArrayList<>();
        merged.forEach((labels, samples) -> out.add(new Series(labels, samples.keySet().stream().mapToLong(Long::longValue).toArray(),
                samples.values().stream().mapToDouble(Double::doubleValue).toArray())));
        return out;
    }

    private static double parse(String v) {
        return switch (v) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }

    private JsonNode request(String query, long start, long end, long step) {
        String form = "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&start=" + start + "&end=" + end + "&step=" + step;
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/api/v1/query_range")).timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        settings.auth().ifPresent(a -> b.header("Authorization", a));
        HttpRequest request = b.build();
        String last = "";
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() >= 500) {
                    last = "HTTP " + r.statusCode() + ": " + r.body();
                } else {
                    JsonNode body = json.readTree(r.body());
                    if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
                        throw new IllegalArgumentException("Prometheus at " + base + " refused PromQL '" + query + "': HTTP "
                                + r.statusCode() + ", " + body.path("errorType").asText("?") + ": " + body.path("error").asText(r.body()));
                    }
                    return body.path("data");
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while querying Prometheus", e);
            }
            if (attempt < settings.attempts()) {
                try {
                    Thread.sleep(settings.backoff().toMillis() * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while querying Prometheus", e);
                }
            }
        }
        throw new IllegalStateException("Prometheus at " + base + " did not answer PromQL '" + query + "' after " + settings.attempts()
                + " attempts; last: " + last);
    }
}
