package io.prescient.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * {@code --output text|json}: how a command that reports prints it. JSON is one document on standard
 * output (progress and notes go to standard error), numbers that are not finite written as {@code null}, a
 * record's components in snake case like the keys the commands write themselves, times and dates as ISO text.
 */
final class OutputOption {

    @Option(names = "--output", defaultValue = "text", description = "text or json: one JSON document on standard output, for scripts "
            + "(default: ${DEFAULT-VALUE}).")
    String output;

    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new SimpleModule()
            .addSerializer(Double.class, new NonFinite()).addSerializer(double.class, new NonFinite())
            .addSerializer(double[].class, new NonFiniteArray())
            .addSerializer(java.time.Instant.class, com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance)
            .addSerializer(java.time.LocalDate.class, com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance));

    /** @throws IllegalArgumentException for anything but text or json */
    boolean json() {
        if (!output.equals("text") && !output.equals("json")) {
            throw new IllegalArgumentException("--output must be text or json, got '" + output + "'");
        }
        return output.equals("json");
    }

    void print(PrintWriter out, Object document) {
        try {
            out.println(JSON.writeValueAsString(document));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class NonFiniteArray extends JsonSerializer<double[]> {
        @Override
        public void serialize(double[] values, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartArray();
            for (double v : values) {
                if (Double.isFinite(v)) {
                    g.writeNumber(v);
                } else {
                    g.writeNull();
                }
            }
            g.writeEndArray();
        }
    }

    private static final class NonFinite extends JsonSerializer<Double> {
        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (Double.isFinite(v)) {
                g.writeNumber(v);
            } else {
                g.writeNull();
            }
        }
    }
}
