package io.prescient.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The actuator's audit trail: one JSON line per request to the cluster (and per decision not sent:
 * dry run, bounds, cooldown, hold), appended and flushed before the call returns; never rewritten.
 */
public final class AuditTrail {

    /**
     * One entry.
     *
     * @param outcome  read, applied, dry-run, unchanged, cooldown, held, refused (a non-finite, negative or absurd decision), failed
     * @param request  what was (or would have been) sent, e.g. {@code PATCH deployment shop/web replicas 3 -> 5}
     * @param response what came back (status, replicas after, resourceVersion), empty when nothing was sent
     */
    public record Entry(String at, String workload, String target, String outcome, String request, String response, String reason) {
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public AuditTrail(Path file) {
        this.file = file;
    }

    public synchronized void append(Entry e) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            ObjectNode line = json.valueToTree(e);
            Files.writeString(file, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot append to the audit trail " + file + ": " + ex.getMessage(), ex);
        }
    }

    public synchronized List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(json.readValue(line, Entry.class));
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the audit trail " + file + ": " + ex.getMessage(), ex);
        }
        return out;
    }
}
