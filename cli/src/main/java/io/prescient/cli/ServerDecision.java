package io.prescient.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@code --server}: a promotion or rollback sent to a running {@code prescient serve}, which holds the
 * store (a DuckDB file takes one writer) and serves the new champion from its next round.
 */
final class ServerDecision {

    @Option(names = "--server", description = "A running server's URL (e.g. http://127.0.0.1:8080): decide through its API "
            + "instead of opening the store, and it serves the change from its next round.")
    URI server;

    @Option(names = "--token", description = "The server's API token (default: $PRESCIENT_TOKEN).")
    String token;

    boolean given() {
        return server != null;
    }

    /** POSTs {@code /api/models/<action>} with {@code field: value} and the reason, and prints the decision. */
    void send(String action, String field, String value, String reason, Map<String, String> environment, PrintWriter out) {
        String bearer = token != null ? token : environment.get("PRESCIENT_TOKEN");
        if (bearer == null) {
            throw new IllegalArgumentException("--server needs the server's token: --token or $PRESCIENT_TOKEN");
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode body = json.createObjectNode().put(field, value);
        if (reason != null) {
            body.put("reason", reason);
        }
        URI uri = server.resolve("/api/models/" + action);
        HttpResponse<String> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + uri, e);
        }
        JsonNode answer;
        try {
            answer = json.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(uri + " answered " + r.statusCode() + " with a body that is not JSON");
        }
        if (r.statusCode() != 200) {
            throw new IllegalArgumentException(uri + " refused (" + r.statusCode() + "): " + answer.path("error").asText(r.body()));
        }
        out.printf("%s: %s; champion of %s is now %s (served from the loop's next round)%n", server, answer.path("kind").asText(),
                answer.path("scope").asText(), answer.path("champion").asText());
        out.println("  " + answer.path("reason").asText());
    }
}
