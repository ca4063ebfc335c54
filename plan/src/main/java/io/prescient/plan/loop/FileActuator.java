package io.prescient.plan.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends each decision as one JSON line to a file, for another system to pick up (and as the
 * audit log): time, workload, from, units, held, reason.
 */
public final class FileActuator implements Actuator {

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public FileActuator(Path file) {
        this.file = file;
    }

    @Override
    public void apply(Decision d) {
        ObjectNode line = json.createObjectNode();
        line.put("time", Instant.ofEpochSecond(d.time()).toString());
        line.put("workload", d.workload());
        line.put("from", d.from());
        line.put("units", d.units());
        line.put("held", d.held());
        line.put("reason", d.reason());
        try {
            Files.writeString(file, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append the decision to " + file + ": " + e.getMessage(), e);
        }
    }
}
