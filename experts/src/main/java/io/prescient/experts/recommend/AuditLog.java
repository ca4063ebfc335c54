package io.prescient.experts.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recommendations and what became of them, one JSON line each, appended: {@code proposed},
 * {@code accepted}, {@code rejected}, {@code applied} (with what the actuator did). Nothing is
 * ever rewritten, so the file is the audit trail.
 */
public final class AuditLog {

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public AuditLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public void proposed(Recommendation r, Instant at) throws IOException {
        ObjectNode line = json.valueToTree(r);
        line.put("event", "proposed");
        line.put("at", at.toString());
        append(line);
    }

    public void decided(String id, String event, String by, String note, Instant at) throws IOException {
        ObjectNode line = json.createObjectNode();
        line.put("event", event);
        line.put("id", id);
        line.put("by", by);
        line.put("note", note);
        line.put("at", at.toString());
        append(line);
    }

    /** The recommendation proposed under this id, if any. */
    public Optional<Recommendation> find(String id) throws IOException {
        Recommendation found = null;
        for (JsonNode n : entries()) {
            if (n.path("event").asText().equals("proposed") && n.path("id").asText().equals(id)) {
                ObjectNode copy = ((ObjectNode) n).deepCopy();
                copy.remove("event");
                copy.remove("at");
                found = json.treeToValue(copy, Recommendation.class);
            }
        }
        return Optional.ofNullable(found);
    }

    /** The latest event for an id ({@code proposed}, {@code accepted}, ...), if any. */
    public Optional<String> status(String id) throws IOException {
        String status = null;
        for (JsonNode n : entries()) {
            if (n.path("id").asText().equals(id)) {
                status = n.path("event").asText();
            }
        }
        return Optional.ofNullable(status);
    }

    public List<JsonNode> entries() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (!line.isBlank()) {
                try {
                    out.add(json.readTree(line));
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + ":" + n + ": not a JSON line: " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    private void append(ObjectNode line) throws IOException {
        Files.writeString(file, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }
}
