package io.prescient.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.javalin.http.Context;

import java.io.IOException;

/** JSON in and out of the API: numbers that are not finite are written as {@code null} (JSON has no NaN). */
final class ApiJson {

    /** The deepest nesting a request body may have: the API's bodies are flat objects. */
    static final int MAX_DEPTH = 32;

    private final ObjectMapper mapper = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    ApiJson() {
        SimpleModule finite = new SimpleModule("finite-numbers");
        finite.addSerializer(Double.class, new JsonSerializer<>() {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                writeDouble(v, g);
            }
        });
        finite.addSerializer(double.class, new JsonSerializer<>() {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                writeDouble(v, g);
            }
        });
        finite.addSerializer(double[].class, new JsonSerializer<>() {
            @Override
            public void serialize(double[] values, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartArray();
                for (double v : values) {
                    writeDouble(v, g);
                }
                g.writeEndArray();
            }
        });
        mapper.registerModule(finite);
    }

    private static void writeDouble(double v, JsonGenerator g) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    byte[] bytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    void send(Context ctx, Object value) {
        ctx.contentType("application/json").result(bytes(value));
    }

    /** Stored JSON text as a tree (null when blank or unreadable, so one bad record does not break a listing). */
    JsonNode tree(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The request body as a JSON object, or a 400 naming what is wrong with it. */
    JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw new ApiException(400, "the request body is empty; expected a JSON object");
        }
        try {
            JsonNode node = mapper.readTree(text);
            if (!node.isObject()) {
                throw new ApiException(400, "the request body must be a JSON object, got " + node.getNodeType().name().toLowerCase());
            }
            return node;
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new ApiException(400, "the request body nests deeper than " + MAX_DEPTH + " levels; expected a flat JSON object");
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "the request body is not valid JSON: " + e.getOriginalMessage() + (e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        }
    }
}
